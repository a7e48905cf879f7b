import { Check, Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DecimalType } from '@mikro-orm/core';
import { EnterpriseRecordEntity } from '../registry/index.js';

/** An employer's social-insurance contributions for one month (单位参保缴费). */
@Entity({ tableName: 'mi_social_insurance_account' })
@Index({ properties: ['uscc', 'period'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
// Consumers read arrears as a risk signal, so a row whose arrears disagree with due and paid is refused at the source.
@Check({
  name: 'mi_social_insurance_account_arrears_check',
  expression: 'arrears >= 0 and arrears = greatest(contributions_due - contributions_paid, 0)',
})
export class SocialInsuranceAccountEntity extends EnterpriseRecordEntity {
  /** Contribution month, YYYY-MM: sorts as text in calendar order. */
  @Property({ type: 'string', length: 7 })
  period!: string;

  @Property({ type: 'integer' })
  insuredHeadcount!: number;

  /** In yuan. */
  @Property({ type: new DecimalType('number'), precision: 16, scale: 2 })
  contributionsDue!: number;

  /** In yuan; may exceed what was due when earlier arrears are paid off. */
  @Property({ type: new DecimalType('number'), precision: 16, scale: 2 })
  contributionsPaid!: number;

  /** In yuan: due minus paid, never negative. */
  @Property({ type: new DecimalType('number'), precision: 16, scale: 2 })
  arrears!: number;
}
