import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SourceRecordType } from '../../common/provenance.type.js';
import { DateScalar } from '../../common/scalars.js';

@ObjectType('TransportEnforcement', {
  implements: SourceRecordType,
  description: 'Transport administrative enforcement decision (交通运输行政执法).',
})
export class TransportEnforcement extends SourceRecordType {
  @Field(() => String, { nullable: true })
  decisionNumber!: string | null;

  @Field(() => DateScalar, { nullable: true })
  decisionDate!: string | null;

  @Field(() => String, { nullable: true })
  violation!: string | null;

  @Field(() => Int, { nullable: true, description: 'Credit penalty points (信用扣分).' })
  penaltyPoints!: number | null;

  @Field(() => Float, { nullable: true, description: 'Fine in yuan.' })
  fine!: number | null;

  @Field(() => String, { nullable: true })
  authority!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date credit repair was granted, if it was.' })
  repairedDate!: string | null;
}
