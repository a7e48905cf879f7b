import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';

export enum IngestJobStatus {
  /** The body is being written to the spool file; nothing is stored until it is complete. */
  RECEIVING = 'RECEIVING',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  /** Stopped (client gone, hub stopped, unreadable body): every chunk before `stoppedAtLine` is stored. */
  FAILED = 'FAILED',
}

registerEnumType(IngestJobStatus, { name: 'IngestJobStatus' });

/**
 * A bulk load (POST /ingest/<recordType>). Progress is updated in the transaction
 * of each chunk, so what the job says was accepted is exactly what is stored.
 */
@Entity({ tableName: 'ingest_job' })
@Index({ properties: ['department', 'startedAt'] })
export class IngestJobEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 64 })
  recordType!: string;

  @Property({ type: 'string', length: 32 })
  department!: string;

  @Property({ type: 'string', length: 128 })
  principalId!: string;

  @Property({ type: 'string', length: 16 })
  format!: string;

  @Enum({ items: () => IngestJobStatus })
  status!: IngestJobStatus;

  /** Records (lines or CSV rows) read and committed so far. */
  @Property({ type: 'integer' })
  recordsRead!: number;

  @Property({ type: 'integer' })
  inserted!: number;

  @Property({ type: 'integer' })
  updated!: number;

  @Property({ type: 'integer' })
  unchanged!: number;

  @Property({ type: 'integer' })
  rejected!: number;

  /** Last line of the input whose chunk is committed. */
  @Property({ type: 'integer' })
  lastLine!: number;

  @Property({ type: 'text', nullable: true })
  error!: string | null;

  @Property({ type: 'datetime' })
  startedAt!: Date;

  /** Last change of the row (each committed chunk). */
  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  finishedAt!: Date | null;
}

@Entity({ tableName: 'ingest_job_reject' })
@Index({ properties: ['jobId', 'line'] })
export class IngestJobRejectEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  jobId!: string;

  @Property({ type: 'integer' })
  line!: number;

  @Property({ type: 'string', length: 64, nullable: true })
  sourceRecordId!: string | null;

  @Property({ type: 'string', length: 32 })
  code!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  field!: string | null;

  @Property({ type: 'text' })
  message!: string;
}
