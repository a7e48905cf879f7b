import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DecimalType } from '@mikro-orm/core';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { PenaltySeverity, PenaltyType } from './credit.enums.js';

/** Administrative penalty decision (行政处罚), published under 双公示. */
@Entity({ tableName: 'credit_penalty' })
@Index({ properties: ['uscc', 'decisionDate'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class PenaltyEntity extends EnterpriseRecordEntity {
  @Property({ type: 'string', length: 64 })
  decisionNumber!: string;

  @Property({ type: 'date' })
  decisionDate!: string;

  @Property({ type: 'string', length: 100 })
  authority!: string;

  @Enum({ items: () => PenaltyType })
  penaltyType!: PenaltyType;

  @Enum({ items: () => PenaltySeverity })
  severity!: PenaltySeverity;

  @Property({ type: 'text' })
  reason!: string;

  /** Fine or confiscation in yuan; 0 for a warning. */
  @Property({ type: new DecimalType('number'), precision: 16, scale: 2 })
  amount!: number;

  /** End of the publicity period; after it the record may be repaired. */
  @Property({ type: 'date' })
  publicityEndDate!: string;

  /** Set when credit repair (信用修复) was granted: the record stops being published and shared. */
  @Property({ type: 'date', nullable: true })
  repairedDate!: string | null;
}
