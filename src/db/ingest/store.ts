import type { SqlEntityManager } from '@mikro-orm/sql';
import type { IngestContract, IngestField } from './contract.js';
import { allFields } from './contract.js';
import type { NormalisedRecord } from './validate.js';
import { copyRows, transactionClient } from '../copy.js';
import { pgArrayLiteral } from '../sql.js';

/**
 * Set-based SQL of ingestion: each step is one statement per chunk, whatever the
 * number of records, so the statement-level risk triggers fire once per chunk.
 * Lookups of a chunk's keys join the key list laterally to one index probe per key:
 * written as `key = any(list)`, the planner, misled by the statistics of a table a
 * load is still growing (autovacuum has not analysed it yet, or is off), scanned every
 * row of the department and filtered by the list instead: 217 ms per chunk of
 * 5,000 at 1,000,000 stored penalties, against 8.5 ms for the probes.
 * Table and column names come from contracts (constants declared in code); every
 * value is a parameter.
 */
export interface StoredVersion {
  readonly key: string;
  readonly asOf: Date;
  readonly uscc: string;
  /** The row as stored (to_jsonb), kept in the history when replaced. */
  readonly data: Record<string, unknown>;
}

/** PostgreSQL allows 65,535 parameters per statement; stay well below. */
const MAX_PARAMS = 30_000;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const marks = (n: number) => Array(n).fill('?').join(', ');

export const keyColumn = (c: IngestContract): string => (c.key === 'uscc' ? 'uscc' : 'source_record_id');

export async function knownEnterprises(em: SqlEntityManager, usccs: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunks([...new Set(usccs)], 5000)) {
    // One column, its primary key, and a table no bulk load of this kind grows: `= any` is probed.
    const rows = await em.execute<{ uscc: string }[]>(
      'select uscc from registry_enterprise where uscc = any(?::text[])',
      [arrayLiteral(part)],
    );
    for (const r of rows) known.add(r.uscc);
  }
  return known;
}

const parseData = (v: unknown): Record<string, unknown> =>
  (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;

/** The stored versions of the given keys, for the writing department. */
export async function storedVersions(
  em: SqlEntityManager,
  contract: IngestContract,
  department: string,
  keys: readonly string[],
): Promise<Map<string, StoredVersion>> {
  const out = new Map<string, StoredVersion>();
  const key = keyColumn(contract);
  for (const part of chunks(keys, 5000)) {
    const rows = await em.execute<{ key: string; as_of: Date | string; uscc: string; data: unknown }[]>(
      `select t.${key} as key, t.as_of, t.uscc, to_jsonb(t) as data from unnest(?::text[]) as k(key)
         cross join lateral (select * from "${contract.table}" r
           where ${contract.key === 'uscc' ? 'true' : 'r.department = ?'} and r.${key} = k.key limit 1) t`,
      contract.key === 'uscc' ? [arrayLiteral(part)] : [arrayLiteral(part), department],
    );
    for (const r of rows)
      out.set(r.key, { key: r.key, asOf: new Date(r.as_of), uscc: r.uscc, data: parseData(r.data) });
  }
  return out;
}

/** When each of the keys was last withdrawn (asOf of the withdrawn version), if it was. */
export async function withdrawals(
  em: SqlEntityManager,
  contract: IngestContract,
  department: string,
  keys: readonly string[],
): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  for (const part of chunks(keys, 5000)) {
    const rows = await em.execute<{ key: string; as_of: Date | string }[]>(
      `select k.key, w.as_of from unnest(?::text[]) as k(key)
         cross join lateral (select max(as_of) as as_of from ingest_record_version
           where record_type = ? and department = ? and source_record_id = k.key and change = 'WITHDRAWN') w
        where w.as_of is not null`,
      [arrayLiteral(part), contract.recordType, department],
    );
    for (const r of rows) out.set(r.key, new Date(r.as_of));
  }
  return out;
}

const sameValue = (f: IngestField, stored: unknown, given: NormalisedRecord[string]): boolean => {
  if (stored === null || stored === undefined || given === null) return (stored ?? null) === given;
  switch (f.rule.kind) {
    case 'amount':
    case 'int':
      return Number(stored) === Number(given);
    case 'enumArray':
      return [...(stored as string[])].sort().join('|') === (given as string[]).join('|');
    case 'boolean':
      return stored === given;
    case 'timestamp':
      return new Date(stored as string).getTime() === (given as Date).getTime();
    default: {
      // A text or date column, as the driver returned it (a string from both drivers).
      const text: unknown = stored;
      return String(text).slice(0, f.rule.kind === 'date' ? 10 : undefined) === given;
    }
  }
};

/** Whether a record carries exactly what is stored (a resend). */
export function sameContent(
  contract: IngestContract,
  stored: StoredVersion,
  record: NormalisedRecord,
): boolean {
  return contract.fields.every((f) => sameValue(f, stored.data[f.column], record[f.name] ?? null));
}

/** An enum list as an array literal: its values (checked against the enum) need no quoting. */
const param = (v: NormalisedRecord[string]): unknown => (Array.isArray(v) ? `{${v.join(',')}}` : v);

const SQL_TYPE: Record<IngestField['rule']['kind'], string | null> = {
  text: 'text',
  enum: 'text',
  uscc: 'text',
  month: 'text',
  amount: 'numeric',
  int: 'int',
  date: 'date',
  boolean: 'boolean',
  timestamp: 'timestamptz',
  enumArray: null,
};

/** One column of a chunk (or a list of keys) as one PostgreSQL array literal parameter. */
const arrayLiteral: (values: readonly NormalisedRecord[string][]) => string = pgArrayLiteral;

/**
 * Inserts new and replaces newer records in one upsert per chunk; the unique
 * (department, source_record_id) key (the USCC for the master record) decides which.
 * Each column travels as one array parameter (unnest), so a chunk of thousands of
 * records binds a dozen parameters, not tens of thousands; a contract with an
 * enum-list column uses a VALUES list instead.
 */
export async function upsertRecords(
  em: SqlEntityManager,
  contract: IngestContract,
  department: string,
  records: readonly NormalisedRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const fields = allFields(contract);
  const columns = ['department', ...fields.map((f) => f.column), 'received_at'];
  const conflict = contract.key === 'uscc' ? '"uscc"' : '"department", "source_record_id"';
  const updates = columns
    .filter((c) => c !== keyColumn(contract) && !(c === 'department' && contract.key !== 'uscc'))
    .map((c) => `"${c}" = excluded."${c}"`);
  const target = `insert into "${contract.table}" (${columns.map((c) => `"${c}"`).join(', ')})`;
  const onConflict = `on conflict (${conflict}) do update set ${updates.join(', ')}`;
  const now = new Date();
  // PostgreSQL: COPY the chunk into a staging table of the transaction, then one set-based merge.
  // The staging table holds the contract's fields only: the department and the time received are
  // the same for every row, so they travel once, as parameters of the merge, not once per row.
  const client = await transactionClient(em);
  if (client) {
    const stage = `hub_stage_${contract.table}`;
    const staged = fields.map((f) => `"${f.column}"`).join(', ');
    await em.execute(
      `create temp table "${stage}" on commit drop as select ${staged} from "${contract.table}" with no data`,
    );
    await copyRows(
      client,
      stage,
      fields.map((f) => f.column),
      records,
      fields.map((f) => f.name),
    );
    await em.execute(`${target} select ?::text, ${staged}, ?::timestamptz from "${stage}" ${onConflict}`, [
      department,
      now,
    ]);
    await em.execute(`drop table "${stage}"`);
    return;
  }
  const types = fields.map((f) => SQL_TYPE[f.rule.kind]);
  if (types.every((t) => t !== null)) {
    for (const part of chunks(records, 10_000)) {
      await em.execute(
        `${target} select ?::text, u.*, ?::timestamptz from unnest(${types.map((t) => `?::${t}[]`).join(', ')}) as u
         ${onConflict}`,
        [department, now, ...fields.map((f) => arrayLiteral(part.map((r) => r[f.name] ?? null)))],
      );
    }
    return;
  }
  const tuple = `(${marks(columns.length)})`;
  for (const part of chunks(records, Math.floor(MAX_PARAMS / columns.length))) {
    const params: unknown[] = [];
    for (const r of part) {
      params.push(department);
      for (const f of fields) params.push(param(r[f.name] ?? null));
      params.push(now);
    }
    await em.execute(`${target} values ${part.map(() => tuple).join(', ')} ${onConflict}`, params);
  }
}

export interface VersionRow {
  readonly sourceRecordId: string;
  readonly asOf: Date;
  readonly change: 'REPLACED' | 'WITHDRAWN' | 'REPAIRED';
  readonly data: Record<string, unknown>;
  readonly reason?: string | null;
  readonly details?: Record<string, unknown> | null;
}

/** Keeps superseded versions, one statement per chunk. */
export async function insertVersions(
  em: SqlEntityManager,
  contract: IngestContract,
  department: string,
  changedBy: string,
  job: string,
  versions: readonly VersionRow[],
): Promise<void> {
  const now = new Date();
  for (const part of chunks(versions, 2000)) {
    const params: unknown[] = [];
    for (const v of part) {
      params.push(
        contract.recordType,
        department,
        v.sourceRecordId,
        v.asOf,
        v.change,
        JSON.stringify(v.data),
        v.reason ?? null,
        v.details ? JSON.stringify(v.details) : null,
        now,
        changedBy,
        job,
      );
    }
    await em.execute(
      `insert into ingest_record_version (record_type, department, source_record_id, as_of, change, data, reason,
         details, changed_at, changed_by, job) values ${part.map(() => `(${marks(11)})`).join(', ')}`,
      params,
    );
  }
}
