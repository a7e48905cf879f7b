import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Department } from '../../common/department.js';
import { SourceRecordType } from '../../common/provenance.type.js';
import { SignalCategory, SignalSeverity } from '../../common/risk-signal.js';
import { DateScalar, UsccScalar } from '../../common/scalars.js';
import { IndustrySection } from '../../common/industry.js';
import { PortfolioItemStatus, RiskDimension, RiskGrade } from './risk.enums.js';

@ObjectType('RiskSignal', {
  description: 'One fact that moved the score, with the department and record it comes from.',
})
export class RiskSignalType {
  @Field(() => String, { nullable: true })
  code!: string;

  @Field(() => SignalCategory, { nullable: true })
  category!: SignalCategory;

  @Field(() => SignalSeverity, { nullable: true })
  severity!: SignalSeverity;

  @Field(() => Department, { nullable: true, description: 'Source department.' })
  department!: Department;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When it happened; null when you may not read the record behind the signal.',
  })
  occurredOn!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False once repaired, removed, paid or expired: it no longer counts.',
  })
  active!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Short explanation with the record’s values if you may read the record; otherwise a value-free description.',
  })
  detail!: string;

  @Field(() => String, { nullable: true, description: 'GraphQL type of the source record.' })
  recordType!: string;

  @Field(() => SourceRecordType, {
    nullable: true,
    description: 'The source record, if you may read its resource; otherwise null with a FORBIDDEN error.',
  })
  record!: SourceRecordType | null;
}

@ObjectType('RiskContribution')
export class RiskContributionType {
  @Field(() => String, { nullable: true })
  signalCode!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Points added to (or, negative, removed from) the dimension.',
  })
  points!: number;

  @Field(() => Department, { nullable: true })
  department!: Department;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the signal happened; null when you may not read the record behind it.',
  })
  occurredOn!: string | null;
}

@ObjectType('RiskDimensionScore')
export class RiskDimensionScoreType {
  @Field(() => RiskDimension, { nullable: true })
  dimension!: RiskDimension;

  @Field(() => Float, { nullable: true })
  score!: number;

  @Field(() => Float, { nullable: true, description: 'Starting score before signals.' })
  base!: number;

  @Field(() => Float, { nullable: true, description: 'Weight in the overall score.' })
  weight!: number;

  @Field(() => [RiskContributionType], { nullable: true })
  contributions!: RiskContributionType[];
}

@ObjectType('RiskSourceFreshness')
export class RiskSourceFreshnessType {
  @Field(() => Department, { nullable: true })
  department!: Department;

  @Field(() => Date, {
    nullable: true,
    description:
      'Newest asOf of that department’s records for the enterprise; null unless you may read all of its record types.',
  })
  asOf!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days after which this source counts as stale; null: event-driven.',
  })
  staleAfterDays!: number | null;

  @Field(() => Boolean, { nullable: true })
  stale!: boolean;
}

@ObjectType('RiskProfile', { description: 'Explainable risk profile computed from every department’s data.' })
export class RiskProfileType {
  @Field(() => Float, { nullable: true, description: '0 (worst) to 100 (best).' })
  score!: number;

  @Field(() => RiskGrade, { nullable: true })
  grade!: RiskGrade;

  @Field(() => String, { nullable: true, description: 'A signal that capped the score, if one did.' })
  cappedBy!: string | null;

  @Field(() => String, { nullable: true })
  modelVersion!: string;

  @Field(() => Date, { nullable: true })
  computedAt!: Date;

  @Field(() => [RiskDimensionScoreType], { nullable: true })
  dimensions!: RiskDimensionScoreType[];

  @Field(() => [RiskSignalType], { nullable: true })
  signals!: RiskSignalType[];

  @Field(() => [RiskSourceFreshnessType], { nullable: true })
  sources!: RiskSourceFreshnessType[];
}

@ObjectType('PortfolioRiskItem', { description: 'One requested code of a portfolio, in request order.' })
export class PortfolioRiskItemType {
  @Field(() => String, { nullable: true, description: 'The code as sent.' })
  input!: string;

  @Field(() => UsccScalar, { nullable: true })
  uscc!: string | null;

  @Field(() => PortfolioItemStatus, { nullable: true })
  status!: PortfolioItemStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why there is no profile, for INVALID_USCC and NOT_FOUND.',
  })
  error!: string | null;

  @Field(() => RiskProfileType, { nullable: true })
  profile!: RiskProfileType | null;
}

@ObjectType('RiskStatisticsBucket')
export class RiskStatisticsBucketType {
  @Field(() => String, {
    nullable: true,
    description: 'GB/T 2260 province prefix (2 digits) when grouped by it.',
  })
  regionProvince!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'GB/T 2260 city prefix (4 digits) when grouped by it.',
  })
  regionCity!: string | null;

  @Field(() => IndustrySection, { nullable: true })
  industrySection!: IndustrySection | null;

  @Field(() => RiskGrade, { nullable: true })
  riskGrade!: RiskGrade | null;

  // Then one String field per declared profile facet (taxGrade, transportGrade, ...),
  // added to the schema from the modules' declarations (risk.schema.ts).

  @Field(() => Int, { nullable: true })
  count!: number;

  @Field(() => Float, { nullable: true })
  averageScore!: number;

  @Field(() => Int, { nullable: true })
  judicialSignals!: number;

  @Field(() => Int, { nullable: true })
  operatingSignals!: number;

  @Field(() => Int, { nullable: true })
  sectorComplianceSignals!: number;

  @Field(() => Int, { nullable: true })
  positiveSignals!: number;
}

@ObjectType('RiskStatistics')
export class RiskStatisticsType {
  @Field(() => [RiskStatisticsBucketType], { nullable: true })
  buckets!: RiskStatisticsBucketType[];

  @Field(() => Int, {
    nullable: true,
    description: 'Enterprises matching the filter; null when the answer is suppressed.',
  })
  total!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when nothing is returned because the filtered population, or its difference from a filter one argument away, is under the minimum cell size.',
  })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Why the answer was suppressed.' })
  suppressionReason!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Buckets withheld because they hold fewer enterprises than the minimum cell size.',
  })
  suppressedBuckets!: number;

  @Field(() => Int, { nullable: true })
  minimumCellSize!: number;
}
