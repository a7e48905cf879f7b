import { Field, Float, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';
import { SourceRecordType } from '../../common/provenance.type.js';
import { PenaltySeverity, PenaltyType } from './credit.enums.js';

@ObjectType('AdministrativePenalty', { implements: SourceRecordType })
export class AdministrativePenalty extends SourceRecordType {
  @Field(() => String, { nullable: true })
  decisionNumber!: string | null;

  @Field(() => DateScalar, { nullable: true })
  decisionDate!: string | null;

  @Field(() => String, { nullable: true })
  authority!: string | null;

  @Field(() => PenaltyType, { nullable: true })
  penaltyType!: PenaltyType | null;

  @Field(() => PenaltySeverity, { nullable: true })
  severity!: PenaltySeverity | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Float, { nullable: true, description: 'Fine or confiscated amount in yuan.' })
  amount!: number | null;

  @Field(() => DateScalar, { nullable: true })
  publicityEndDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date credit repair was granted, if it was.' })
  repairedDate!: string | null;
}
