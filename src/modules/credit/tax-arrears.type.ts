import { Field, Float, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';
import { SourceRecordType } from '../../common/provenance.type.js';

@ObjectType('TaxArrears', { implements: SourceRecordType, description: 'Unpaid tax (欠税) of one tax type.' })
export class TaxArrears extends SourceRecordType {
  @Field(() => String, { nullable: true, description: 'Tax type, e.g. 增值税, 企业所得税.' })
  taxType!: string | null;

  @Field(() => Float, { nullable: true, description: 'Amount owed in yuan.' })
  amountOwed!: number | null;

  @Field(() => DateScalar, { nullable: true })
  arrearsSince!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Null while the arrears are outstanding.' })
  paidOffDate!: string | null;
}
