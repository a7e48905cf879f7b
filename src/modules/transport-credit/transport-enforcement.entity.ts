import { DecimalType } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';

/** Transport administrative enforcement decision (交通运输行政执法), published under 双公示. */
@Entity({ tableName: 'tc_enforcement' })
@Index({ properties: ['uscc', 'decisionDate'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class TransportEnforcementEntity extends EnterpriseRecordEntity {
  @Property({ type: 'string', length: 64 })
  decisionNumber!: string;

  @Property({ type: 'date' })
  decisionDate!: string;

  @Property({ type: 'text' })
  violation!: string;

  /** Credit penalty points (信用扣分); they feed the year's grade. */
  @Property({ type: 'integer' })
  penaltyPoints!: number;

  /** Fine in yuan; 0 when only points or a warning were given. */
  @Property({ type: new DecimalType('number'), precision: 16, scale: 2 })
  fine!: number;

  @Property({ type: 'string', length: 100 })
  authority!: string;

  /** Set when credit repair (信用修复) was granted: the record stops being published and shared. */
  @Property({ type: 'date', nullable: true })
  repairedDate!: string | null;
}
