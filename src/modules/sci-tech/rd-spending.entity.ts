import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DecimalType } from '@mikro-orm/core';
import { EnterpriseRecordEntity } from '../registry/index.js';

/**
 * An enterprise's R&D spending for one fiscal year. R&D intensity is not stored:
 * the resolver derives it from the two amounts, so the three can never disagree.
 */
@Entity({ tableName: 'st_rd_spending' })
@Index({ properties: ['uscc', 'year'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class RdSpendingEntity extends EnterpriseRecordEntity {
  @Property({ type: 'integer' })
  year!: number;

  /** In yuan. */
  @Property({ type: new DecimalType('number'), precision: 18, scale: 2 })
  rdExpenditure!: number;

  /** In yuan. */
  @Property({ type: new DecimalType('number'), precision: 18, scale: 2 })
  operatingRevenue!: number;

  @Property({ type: 'integer' })
  rdStaffCount!: number;
}
