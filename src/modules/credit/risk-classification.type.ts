import { Field, ObjectType } from 'type-graphql';
import { SourceRecordType } from '../../common/provenance.type.js';
import { EnterpriseCreditRiskClass } from './credit.enums.js';

@ObjectType('CreditRiskClassification', {
  implements: SourceRecordType,
  description: 'Market regulation’s enterprise credit risk class (企业信用风险分类) for one month.',
})
export class CreditRiskClassification extends SourceRecordType {
  @Field(() => String, { nullable: true, description: 'The month classified, YYYY-MM.' })
  month!: string | null;

  @Field(() => EnterpriseCreditRiskClass, { nullable: true })
  riskClass!: EnterpriseCreditRiskClass | null;
}
