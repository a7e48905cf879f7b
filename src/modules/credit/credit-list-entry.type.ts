import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';
import { SourceRecordType } from '../../common/provenance.type.js';
import { CreditList, CreditListRemovalReason } from './credit.enums.js';

@ObjectType('CreditListEntry', {
  implements: SourceRecordType,
  description:
    'An entry on a credit list. Dishonest-judgment-debtor rows are provided by the courts: their provenance department is COURT.',
})
export class CreditListEntry extends SourceRecordType {
  @Field(() => CreditList, { nullable: true })
  list!: CreditList | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateScalar, { nullable: true })
  listedDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Null while the enterprise is still on the list.' })
  removedDate!: string | null;

  @Field(() => CreditListRemovalReason, { nullable: true })
  removalReason!: CreditListRemovalReason | null;

  @Field(() => String, { nullable: true })
  authority!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Enforcement case number (执行案号) of a court listing.',
  })
  caseNumber!: string | null;
}
