import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SourceRecordType } from '../../common/provenance.type.js';

@ObjectType('SocialInsuranceAccount', {
  implements: SourceRecordType,
  description: 'An employer’s social-insurance contributions for one month (单位参保缴费).',
})
export class SocialInsuranceAccount extends SourceRecordType {
  @Field(() => String, { nullable: true, description: 'Contribution month, YYYY-MM.' })
  period!: string | null;

  @Field(() => Int, { nullable: true, description: 'Employees insured through the employer that month.' })
  insuredHeadcount!: number | null;

  @Field(() => Float, { nullable: true, description: 'Contributions due for the month, in yuan.' })
  contributionsDue!: number | null;

  @Field(() => Float, { nullable: true, description: 'Contributions paid for the month, in yuan.' })
  contributionsPaid!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Unpaid contributions (due minus paid, never negative), in yuan.',
  })
  arrears!: number | null;
}
