import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from '../../common/department.js';
import { RejectionCode } from '../../db/ingest/codes.js';
import { IngestJobStatus } from '../../db/ingest/job.entity.js';
import { RecordChange } from '../../db/ingest/record-version.entity.js';

@ObjectType('IngestRejection', { description: 'A record of a batch that was not stored, and why.' })
export class IngestRejectionType {
  @Field(() => Int, { description: 'Position of the record in the batch (0-based).' })
  index!: number;

  @Field(() => String, { nullable: true })
  sourceRecordId!: string | null;

  @Field(() => RejectionCode)
  code!: RejectionCode;

  @Field(() => String, { nullable: true, description: 'The field whose rule was broken.' })
  field!: string | null;

  @Field(() => String, { description: 'The rule, in words.' })
  message!: string;
}

@ObjectType('IngestReport', { description: 'What became of a pushed batch.' })
export class IngestReportType {
  @Field(() => String)
  recordType!: string;

  @Field(() => Boolean, { description: 'False when an atomic batch had rejections: nothing was stored.' })
  committed!: boolean;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int, { description: 'Stored with a newer asOf; the previous version went to the history.' })
  updated!: number;

  @Field(() => Int, { description: 'Resent exactly as stored: nothing was written.' })
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [IngestRejectionType])
  rejections!: IngestRejectionType[];

  @Field(() => IngestReportType, {
    nullable: true,
    description: 'The enterprise master records registered in the same request, if any.',
  })
  enterprises!: IngestReportType | null;
}

@ObjectType('WithdrawalReport')
export class WithdrawalReportType {
  @Field(() => String)
  recordType!: string;

  @Field(() => Int)
  withdrawn!: number;

  @Field(() => [String], { description: 'Ids not stored for the caller’s department.' })
  notFound!: string[];
}

export enum RepairKind {
  REPAIRED = 'REPAIRED',
  PERFORMED = 'PERFORMED',
}

registerEnumType(RepairKind, { name: 'RepairKind' });

@InputType('RepairDecisionInput', { description: 'A credit repair decision (信用修复) or an early removal.' })
export class RepairDecisionInput {
  @Field(() => RepairKind, {
    description:
      'REPAIRED: credit repair after the publicity period; PERFORMED: a dishonest debtor performed.',
  })
  kind!: RepairKind;

  @Field(() => String)
  decisionNumber!: string;

  @Field(() => String, { description: 'YYYY-MM-DD, not in the future.' })
  decisionDate!: string;

  @Field(() => String)
  legalBasis!: string;
}

@ObjectType('RepairResult')
export class RepairResultType {
  @Field(() => String)
  recordType!: string;

  @Field(() => String)
  sourceRecordId!: string;

  @Field(() => String)
  repairedDate!: string;
}

@ObjectType('RecordVersion', { description: 'A superseded version of a pushed record.' })
export class RecordVersionType {
  @Field(() => Date)
  asOf!: Date;

  @Field(() => RecordChange)
  change!: RecordChange;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Repair decision number, date, legal basis.',
  })
  details!: Record<string, unknown> | null;

  @Field(() => Date)
  changedAt!: Date;

  @Field(() => String)
  changedBy!: string;

  @Field(() => String, { description: 'Request or job id of the change.' })
  job!: string;

  @Field(() => GraphQLJSONObject, { description: 'The row as it was stored (columns by name).' })
  data!: Record<string, unknown>;
}

@ObjectType('RecordHistory', { description: 'A pushed record: what is served now and what it was before.' })
export class RecordHistoryType {
  @Field(() => String)
  recordType!: string;

  @Field(() => Department)
  department!: Department;

  @Field(() => String)
  sourceRecordId!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The stored row; null once withdrawn.' })
  current!: Record<string, unknown> | null;

  @Field(() => Boolean)
  withdrawn!: boolean;

  @Field(() => [RecordVersionType], { description: 'Earlier versions, newest change first.' })
  versions!: RecordVersionType[];
}

@ObjectType('IngestionJobReject', { description: 'A line of a bulk file that was not stored.' })
export class IngestionJobRejectType {
  @Field(() => Int)
  line!: number;

  @Field(() => String, { nullable: true })
  sourceRecordId!: string | null;

  @Field(() => RejectionCode)
  code!: RejectionCode;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field(() => String)
  message!: string;
}

@ObjectType('IngestionJob', { description: 'A bulk load (POST /ingest/<recordType>) and its progress.' })
export class IngestionJobType {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  recordType!: string;

  @Field(() => Department)
  department!: string;

  @Field(() => String, { description: 'ndjson or csv.' })
  format!: string;

  @Field(() => IngestJobStatus)
  status!: IngestJobStatus;

  @Field(() => Int, { description: 'Records (lines) read and committed.' })
  recordsRead!: number;

  @Field(() => Int, { description: 'inserted + updated + unchanged.' })
  accepted!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int, { description: 'Last line whose chunk is stored.' })
  lastLine!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => [IngestionJobRejectType], {
    description: 'Rejected lines in line order (the first 1,000 after afterLine).',
  })
  rejects!: IngestionJobRejectType[];
}

export const INGEST_TYPES = [
  'IngestionJob',
  'IngestionJobReject',
  'IngestRejection',
  'IngestReport',
  'WithdrawalReport',
  'RepairResult',
  'RecordVersion',
  'RecordHistory',
];
