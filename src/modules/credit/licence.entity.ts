import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { AdministrativeLicenceStatus } from './credit.enums.js';

/** Administrative licence decision (行政许可), published under 双公示. */
@Entity({ tableName: 'credit_licence' })
@Index({ properties: ['uscc', 'decisionDate'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class LicenceEntity extends EnterpriseRecordEntity {
  /** Decision or licence number (许可决定书文号 / 许可证编号). */
  @Property({ type: 'string', length: 64 })
  decisionNumber!: string;

  @Property({ type: 'string', length: 200 })
  licenceName!: string;

  @Property({ type: 'text' })
  content!: string;

  @Property({ type: 'date' })
  decisionDate!: string;

  @Property({ type: 'date' })
  validFrom!: string;

  /** Null for a licence granted without an end date. */
  @Property({ type: 'date', nullable: true })
  validTo!: string | null;

  @Property({ type: 'string', length: 100 })
  authority!: string;

  @Enum({ items: () => AdministrativeLicenceStatus })
  status!: AdministrativeLicenceStatus;
}
