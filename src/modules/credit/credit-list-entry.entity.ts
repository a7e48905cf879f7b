import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { CreditList, CreditListRemovalReason } from './credit.enums.js';

/**
 * An entry on a credit list. Market regulation's lists and the courts' dishonest-debtor
 * list share one table because they have the same shape; `department` says whose row it is.
 */
@Entity({ tableName: 'credit_list_entry' })
@Index({ properties: ['uscc', 'listedDate'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class CreditListEntryEntity extends EnterpriseRecordEntity {
  @Enum({ items: () => CreditList })
  list!: CreditList;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'date' })
  listedDate!: string;

  /** Null while the enterprise is still on the list. */
  @Property({ type: 'date', nullable: true })
  removedDate!: string | null;

  @Enum({ items: () => CreditListRemovalReason, nullable: true })
  removalReason!: CreditListRemovalReason | null;

  @Property({ type: 'string', length: 100 })
  authority!: string;

  /** Enforcement case number (执行案号); only court rows have one. */
  @Property({ type: 'string', length: 64, nullable: true })
  caseNumber!: string | null;
}
