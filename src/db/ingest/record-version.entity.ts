import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';

export enum RecordChange {
  /** A newer asOf replaced this version. */
  REPLACED = 'REPLACED',
  /** The owner withdrew the record (published in error, annulled); it is no longer served. */
  WITHDRAWN = 'WITHDRAWN',
  /** A credit repair decision or an early removal was recorded on this version. */
  REPAIRED = 'REPAIRED',
}

registerEnumType(RecordChange, { name: 'RecordChange', description: 'What happened to a stored version.' });

/**
 * Earlier versions of pushed records (the history of corrections, withdrawals and
 * repairs), one row per superseded version, with the row as it was stored.
 * Served only to the record's owner and auditors.
 */
@Entity({ tableName: 'ingest_record_version' })
@Index({ properties: ['recordType', 'department', 'sourceRecordId'] })
export class RecordVersionEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 64 })
  recordType!: string;

  @Property({ type: 'string', length: 32 })
  department!: string;

  /** The natural key; for the enterprise master record, its USCC. */
  @Property({ type: 'string', length: 64 })
  sourceRecordId!: string;

  /** asOf of the version this row keeps. */
  @Property({ type: 'datetime' })
  asOf!: Date;

  @Enum({ items: () => RecordChange })
  change!: RecordChange;

  /** The stored row as it was before the change. */
  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  @Property({ type: 'text', nullable: true })
  reason!: string | null;

  /** For a repair: decision number, date and legal basis. */
  @Property({ type: 'json', nullable: true })
  details!: Record<string, unknown> | null;

  @Property({ type: 'datetime' })
  changedAt!: Date;

  @Property({ type: 'string', length: 128 })
  changedBy!: string;

  /** Request or bulk job under which the change was made. */
  @Property({ type: 'string', length: 64 })
  job!: string;
}
