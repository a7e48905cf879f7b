import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SourceRecordType } from '../../common/provenance.type.js';
import { TransportCreditGrade } from './transport-credit.enums.js';

@ObjectType('TransportCreditRating', {
  implements: SourceRecordType,
  description: 'Yearly road transport enterprise credit evaluation (道路运输企业信用评价).',
})
export class TransportCreditRating extends SourceRecordType {
  @Field(() => Int, { nullable: true, description: 'Evaluation year.' })
  year!: number | null;

  @Field(() => Float, { nullable: true, description: 'Score from 0 to 100.' })
  score!: number | null;

  @Field(() => Int, { nullable: true, description: 'Credit penalty points incurred in the year.' })
  penaltyPoints!: number | null;

  @Field(() => TransportCreditGrade, {
    nullable: true,
    description: '≥90 AA, 80–90 A, 60–80 B, 40–60 C, <40 D; 20 or more penalty points cap it at C.',
  })
  grade!: TransportCreditGrade | null;
}
