import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DecimalType } from '@mikro-orm/core';
import { EnterpriseRecordEntity } from '../registry/index.js';

/** Unpaid tax (欠税) of one tax type, as the tax bureau records it. */
@Entity({ tableName: 'credit_tax_arrears' })
@Index({ properties: ['uscc', 'arrearsSince'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class TaxArrearsEntity extends EnterpriseRecordEntity {
  /** Tax type as the tax bureau names it, e.g. 增值税. */
  @Property({ type: 'string', length: 50 })
  taxType!: string;

  /** In yuan. */
  @Property({ type: new DecimalType('number'), precision: 16, scale: 2 })
  amountOwed!: number;

  @Property({ type: 'date' })
  arrearsSince!: string;

  /** Null while the arrears are outstanding. */
  @Property({ type: 'date', nullable: true })
  paidOffDate!: string | null;
}
