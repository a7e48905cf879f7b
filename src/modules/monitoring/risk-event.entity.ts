import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { RiskEventKind } from './monitoring.enums.js';

/**
 * The outbox of risk events. Rows are written only by the database triggers of
 * Migration20261203090000Monitoring, in the transaction of the change, and never
 * updated or deleted (a trigger refuses it). `tx` is the writing transaction's
 * id: the feed orders by (tx, id), see the migration.
 */
@Entity({ tableName: 'monitoring_event' })
@Index({ properties: ['tx', 'id'] })
@Index({ properties: ['uscc', 'tx', 'id'] })
export class RiskEventEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'bigint' })
  tx!: string;

  @Property({ type: 'string', length: 18 })
  uscc!: string;

  @Enum({ items: () => RiskEventKind })
  kind!: RiskEventKind;

  @Property({ type: 'string', length: 64, nullable: true })
  signalCode!: string | null;

  /** GraphQL type of the record behind a signal event. */
  @Property({ type: 'string', length: 64, nullable: true })
  recordType!: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  recordId!: string | null;

  @Property({ type: 'string', length: 32, nullable: true })
  department!: string | null;

  /** The signal's text as computed (delivered only to watchers who may read its record). */
  @Property({ type: 'text', nullable: true })
  detail!: string | null;

  @Property({ type: 'string', length: 32, nullable: true })
  fromValue!: string | null;

  @Property({ type: 'string', length: 32, nullable: true })
  toValue!: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt!: Date;
}
