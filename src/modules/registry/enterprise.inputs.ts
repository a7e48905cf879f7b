import { Field, Float, InputType } from 'type-graphql';
import { RiskGrade } from '../../common/risk-grade.js';
import { DateScalar } from '../../common/scalars.js';
import { IndustrySection } from '../../common/industry.js';
import { EnterpriseOrderField, EnterpriseStatus, SortDirection } from './enterprise.enums.js';

@InputType('EnterpriseFilter')
export class EnterpriseFilter {
  @Field(() => String, {
    nullable: true,
    description: 'GB/T 2260 prefix of 2, 4 or 6 digits: "11" is all of Beijing, "3715" Liaocheng.',
  })
  regionPrefix?: string | null;

  @Field(() => IndustrySection, { nullable: true })
  industrySection?: IndustrySection;

  @Field(() => String, { nullable: true, description: 'GB/T 4754 class prefix of 2 to 4 digits, e.g. "65".' })
  industryCodePrefix?: string | null;

  @Field(() => [EnterpriseStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: EnterpriseStatus[];

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name.' })
  nameContains?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Established on or after this date.' })
  establishedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Established on or before this date.' })
  establishedTo?: string;

  @Field(() => [RiskGrade], {
    nullable: true,
    description: 'Any of these risk grades (stored risk profile).',
  })
  riskGrades?: RiskGrade[];

  @Field(() => String, { nullable: true, description: 'Has this active risk signal, e.g. TAX_ARREARS.' })
  hasSignal?: string | null;

  @Field(() => Float, { nullable: true, description: 'Risk score at most this (0 worst – 100 best).' })
  maxRiskScore?: number | null;
}

@InputType('EnterpriseOrder')
export class EnterpriseOrder {
  @Field(() => EnterpriseOrderField, { defaultValue: EnterpriseOrderField.USCC })
  field!: EnterpriseOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}
