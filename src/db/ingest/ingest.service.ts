import type { SqlEntityManager } from '@mikro-orm/sql';
import { appendAccessLog } from '../../audit/access-log.append.js';
import type { WriteSummary } from '../../audit/access-recorder.js';
import { ForbiddenError } from '../../auth/forbidden.js';
import { PrincipalKind, type Principal } from '../../auth/principal.js';
import type { Department } from '../../common/department.js';
import { BadInputError } from '../../common/errors.js';
import { RejectionCode } from './codes.js';
import type { IngestContract } from './contract.js';
import {
  insertVersions,
  knownEnterprises,
  sameContent,
  storedVersions,
  upsertRecords,
  withdrawals,
  type VersionRow,
} from './store.js';
import { validateRecord, type NormalisedRecord } from './validate.js';
import { takeWriteTurn } from './write-turn.js';

export interface Rejection {
  /** Position in the batch (0-based), or the line number for a bulk file. */
  readonly index: number;
  readonly sourceRecordId: string | null;
  readonly code: RejectionCode;
  readonly field: string | null;
  readonly message: string;
}

export interface IngestReport {
  readonly recordType: string;
  /** False when an atomic batch had rejections and nothing was stored. */
  readonly committed: boolean;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly rejections: Rejection[];
}

/** What the hub assembles from the module list and hands to the ingestion machinery. */
export interface IngestDeps {
  readonly contracts: ReadonlyMap<string, IngestContract>;
  /** Brings derived data (the stored risk profiles) up to date for the enterprises a write touched. */
  readonly afterWrite: (em: SqlEntityManager, usccs: readonly string[]) => Promise<void>;
  readonly maxBatchSize: number;
}

export interface WriteContext {
  readonly principal: Principal;
  /** Request id or bulk job id, written to the history and the access log. */
  readonly job: string;
  readonly operationName: string;
}

export function contractFor(deps: IngestDeps, recordType: string): IngestContract {
  const contract = deps.contracts.get(recordType);
  if (!contract)
    throw new BadInputError(
      `recordType: no ingestion contract for '${recordType.slice(0, 64)}'; known: ${[...deps.contracts.keys()].join(', ')}`,
      { argument: 'recordType' },
    );
  return contract;
}

/** Only a DEPARTMENT principal of an owning department writes a record type; returns that department. */
export function authorizeWrite(principal: Principal, contract: IngestContract): Department {
  const department = principal.department;
  if (principal.kind !== PrincipalKind.DEPARTMENT || !department || !contract.owners.includes(department)) {
    throw new ForbiddenError(
      `${contract.recordType} records are owned by ${contract.owners.join(', ')}; only a principal of that ` +
        'department may write them',
      { reason: 'NOT_OWNER', recordType: contract.recordType, owner: contract.owners.join(',') },
    );
  }
  return department;
}

export interface PartOutcome {
  readonly report: IngestReport;
  /** Stores the accepted records, on `on` (a transaction) if given, else on the manager the part was prepared with. */
  readonly write: (on?: SqlEntityManager) => Promise<void>;
  readonly usccs: string[];
  readonly registered: string[];
}

const reject = (
  index: number,
  sourceRecordId: unknown,
  code: RejectionCode,
  field: string | null,
  message: string,
): Rejection => ({
  index,
  sourceRecordId: typeof sourceRecordId === 'string' ? sourceRecordId.slice(0, 64) : null,
  code,
  field,
  message,
});

/** Natural keys already used (a Set, or a KeySet for a whole bulk file). */
export interface SeenKeys {
  has(key: string): boolean;
  add(key: string): unknown;
}

/** A batch checked against its contract alone (no database): what passed, and what did not. */
export interface CheckedPart {
  readonly rejections: Rejection[];
  readonly valid: { readonly index: number; readonly record: NormalisedRecord; readonly key: string }[];
}

/**
 * The database-free half of `preparePart`: each record against the contract's rules,
 * and natural keys repeated in the batch (or earlier in the bulk file, `seen`).
 * A bulk load runs it for the next chunk while the previous one is being written.
 */
export function checkPart(
  contract: IngestContract,
  department: Department,
  records: readonly unknown[],
  firstIndex: number,
  seen: SeenKeys = new Set(),
  now = new Date(),
): CheckedPart {
  const part: CheckedPart = { rejections: [], valid: [] };
  records.forEach((input, i) => checkOne(contract, department, input, firstIndex + i, seen, now, part));
  return part;
}

/** One record of `checkPart`, added to `into`: a bulk load checks each line as it is parsed. */
export function checkOne(
  contract: IngestContract,
  department: Department,
  input: unknown,
  index: number,
  seen: SeenKeys,
  now: Date,
  into: CheckedPart,
): void {
  const sourceId = (input as { sourceRecordId?: unknown } | null)?.sourceRecordId;
  const v = validateRecord(contract, input, department, now);
  if (!v.ok) {
    into.rejections.push(reject(index, sourceId, v.code, v.field, v.message));
    return;
  }
  const key = String(contract.key === 'uscc' ? v.record.uscc : v.record.sourceRecordId);
  if (seen.has(key)) {
    into.rejections.push(
      reject(
        index,
        sourceId,
        RejectionCode.DUPLICATE_IN_BATCH,
        contract.key,
        `${contract.key} ${key} appears earlier in the batch`,
      ),
    );
    return;
  }
  seen.add(key);
  into.valid.push({ index, record: v.record, key });
}

/**
 * Validates and classifies one batch of one record type against what is stored,
 * without writing; `write` then stores the accepted records. `registered` are
 * USCCs the same request registers, which other record types may refer to.
 */
export async function preparePart(
  em: SqlEntityManager,
  contract: IngestContract,
  department: Department,
  ctx: WriteContext,
  records: readonly unknown[] | CheckedPart,
  registered: ReadonlySet<string>,
  firstIndex: number,
  /** Natural keys seen earlier in the same batch or bulk file. */
  seen: SeenKeys = new Set(),
): Promise<PartOutcome> {
  const checked = Array.isArray(records)
    ? checkPart(contract, department, records, firstIndex, seen)
    : (records as CheckedPart);
  const rejections = [...checked.rejections];
  const valid = checked.valid;

  let candidates = valid;
  if (contract.key !== 'uscc') {
    const known = await knownEnterprises(
      em,
      valid.map((v) => v.record.uscc as string).filter((u) => !registered.has(u)),
    );
    candidates = valid.filter((v) => {
      const uscc = v.record.uscc as string;
      if (registered.has(uscc) || known.has(uscc)) return true;
      rejections.push(
        reject(
          v.index,
          v.record.sourceRecordId,
          RejectionCode.UNKNOWN_ENTERPRISE,
          'uscc',
          `uscc ${uscc} is not a registered enterprise`,
        ),
      );
      return false;
    });
  }

  const keys = candidates.map((c) => c.key);
  const stored = await storedVersions(em, contract, department, keys);
  const withdrawn = await withdrawals(
    em,
    contract,
    department,
    keys.filter((k) => !stored.has(k)),
  );
  const toWrite: NormalisedRecord[] = [];
  const replaced: VersionRow[] = [];
  let inserted = 0;
  let unchanged = 0;
  for (const c of candidates) {
    const asOf = c.record.asOf as Date;
    const current = stored.get(c.key);
    const gone = withdrawn.get(c.key);
    if (current) {
      if (asOf < current.asOf) {
        rejections.push(
          reject(
            c.index,
            c.record.sourceRecordId,
            RejectionCode.STALE_VERSION,
            'asOf',
            `asOf ${asOf.toISOString()} is older than the stored version's ${current.asOf.toISOString()}`,
          ),
        );
      } else if (asOf.getTime() === current.asOf.getTime()) {
        if (sameContent(contract, current, c.record)) unchanged++;
        else
          rejections.push(
            reject(
              c.index,
              c.record.sourceRecordId,
              RejectionCode.VERSION_CONFLICT,
              'asOf',
              `the stored version with asOf ${asOf.toISOString()} differs; a correction needs a newer asOf`,
            ),
          );
      } else {
        toWrite.push(c.record);
        replaced.push({ sourceRecordId: c.key, asOf: current.asOf, change: 'REPLACED', data: current.data });
      }
    } else if (gone && asOf <= gone) {
      rejections.push(
        reject(
          c.index,
          c.record.sourceRecordId,
          RejectionCode.STALE_VERSION,
          'asOf',
          `the record was withdrawn at asOf ${gone.toISOString()}; republishing it needs a newer asOf`,
        ),
      );
    } else {
      toWrite.push(c.record);
      inserted++;
    }
  }
  rejections.sort((a, b) => a.index - b.index);
  const usccs = [...toWrite.map((r) => r.uscc as string), ...replaced.map((r) => String(r.data.uscc))];
  return {
    report: {
      recordType: contract.recordType,
      committed: true,
      inserted,
      updated: replaced.length,
      unchanged,
      rejected: rejections.length,
      rejections,
    },
    usccs,
    registered: contract.key === 'uscc' ? toWrite.map((r) => r.uscc as string) : [],
    write: async (on = em) => {
      await insertVersions(on, contract, department, ctx.principal.id, ctx.job, replaced);
      await upsertRecords(on, contract, department, toWrite);
    },
  };
}

export const writeSummary = (
  contract: IngestContract,
  department: Department,
  job: string,
  counts: Partial<WriteSummary>,
): WriteSummary => ({
  recordType: contract.recordType,
  resource: contract.resource,
  owner: department,
  action: 'INGEST',
  job,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  withdrawn: 0,
  repaired: 0,
  ...counts,
});

export async function logWrites(
  em: SqlEntityManager,
  ctx: WriteContext,
  writes: WriteSummary[],
  usccs: readonly string[],
): Promise<void> {
  await appendAccessLog(em, {
    principal: ctx.principal,
    purpose: null,
    operationName: ctx.operationName,
    document: JSON.stringify(writes),
    requestId: ctx.job,
    summary: { usccs: [...new Set(usccs)], resources: [], denials: [], writes },
  });
}

export interface IngestRequest {
  readonly recordType: string;
  readonly records: readonly unknown[];
  /** Enterprise master records registered first, in the same transaction. */
  readonly enterprises?: readonly unknown[];
  readonly atomic?: boolean;
}

/**
 * Stores a batch: owner check, validation, classification against stored
 * versions, then one upsert (and one history insert) per chunk, the access-log
 * record and the refresh of derived profiles, all in one transaction.
 */
export async function ingestRecords(
  em: SqlEntityManager,
  deps: IngestDeps,
  ctx: WriteContext,
  request: IngestRequest,
): Promise<{ report: IngestReport; enterprises: IngestReport | null }> {
  const contract = contractFor(deps, request.recordType);
  const department = authorizeWrite(ctx.principal, contract);
  const registry = request.enterprises?.length
    ? [...deps.contracts.values()].find((c) => c.key === 'uscc')
    : undefined;
  if (request.enterprises?.length && !registry)
    throw new BadInputError('enterprises: no contract registers enterprises', { argument: 'enterprises' });
  if (registry) authorizeWrite(ctx.principal, registry);
  const size = request.records.length + (request.enterprises?.length ?? 0);
  if (size > deps.maxBatchSize)
    throw new BadInputError(
      `records: a batch holds at most ${deps.maxBatchSize} records (INGEST_MAX_BATCH), got ${size}; use POST /ingest for bulk loads`,
      { argument: 'records' },
    );
  return em.transactional(async (tx) => {
    // In turn with every other writer of these types (the master record's first, always), before classifying.
    if (registry && registry.recordType !== contract.recordType) await takeWriteTurn(tx, registry.recordType);
    await takeWriteTurn(tx, contract.recordType);
    const first = registry
      ? await preparePart(tx, registry, department, ctx, request.enterprises!, new Set(), 0)
      : null;
    const main = await preparePart(
      tx,
      contract,
      department,
      ctx,
      request.records,
      new Set(first?.registered ?? []),
      0,
    );
    const parts = [first, main].filter((p): p is PartOutcome => p !== null);
    const rejected = parts.some((p) => p.report.rejected > 0);
    if (request.atomic && rejected) {
      const uncommitted = (r: IngestReport): IngestReport => ({
        ...r,
        committed: false,
        inserted: 0,
        updated: 0,
        unchanged: 0,
      });
      return { report: uncommitted(main.report), enterprises: first ? uncommitted(first.report) : null };
    }
    for (const p of parts) await p.write();
    const usccs = parts.flatMap((p) => p.usccs);
    await logWrites(
      tx,
      ctx,
      parts.map((p) =>
        writeSummary(deps.contracts.get(p.report.recordType)!, department, ctx.job, {
          inserted: p.report.inserted,
          updated: p.report.updated,
          unchanged: p.report.unchanged,
          rejected: p.report.rejected,
        }),
      ),
      usccs,
    );
    if (usccs.length > 0) await deps.afterWrite(tx, [...new Set(usccs)]);
    return { report: main.report, enterprises: first?.report ?? null };
  });
}
