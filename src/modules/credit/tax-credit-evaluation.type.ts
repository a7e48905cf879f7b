import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';
import { SourceRecordType } from '../../common/provenance.type.js';
import { TaxCreditGrade } from './credit.enums.js';

@ObjectType('TaxCreditEvaluation', {
  implements: SourceRecordType,
  description: 'The tax credit grade (纳税信用等级) given for one tax year.',
})
export class TaxCreditEvaluation extends SourceRecordType {
  @Field(() => Int, { nullable: true, description: 'The tax year evaluated.' })
  year!: number | null;

  @Field(() => TaxCreditGrade, { nullable: true })
  grade!: TaxCreditGrade | null;

  @Field(() => DateScalar, { nullable: true })
  evaluatedDate!: string | null;
}
