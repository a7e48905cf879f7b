import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Principal } from '../auth/principal.js';
import type { Purpose } from '../auth/purpose.js';
import type { AccessSummary } from './access-recorder.js';
import { AccessLogEntity, type GovernanceWrite } from './access-log.entity.js';
import {
  GENESIS_HASH,
  accessLogHash,
  canonicalJson,
  sha256Hex,
  type HashedAccessLogFields,
} from './access-log.hash.js';

/**
 * Key of the transaction-scoped advisory lock that serialises appends (also written
 * in audit_access_log_claim, Migration20261202163000AccessLogClaim). Any fixed
 * bigint works as long as nothing else in the database uses it; this one is the
 * first 8 bytes of sha256('audit_access_log') read as a signed integer.
 */
export const ACCESS_LOG_LOCK_KEY = '8239529256422422019';

/** A record as written. */
export type AppendedAccessLog = HashedAccessLogFields & { readonly hash: string };

/** What one operation contributes to the log. */
export interface AccessLogEntry {
  readonly principal: Pick<Principal, 'id' | 'organisation' | 'kind'>;
  readonly purpose: Purpose | null | undefined;
  readonly operationName: string | null | undefined;
  /** The operation's query text; only its SHA-256 is kept. */
  readonly document: string;
  readonly requestId: string;
  readonly summary: AccessSummary;
  /** Defaults to now. */
  readonly occurredAt?: Date;
  /** Set for a governance write; kept in `decisions.write`, so the hash covers it. */
  readonly write?: GovernanceWrite;
  /** A resource and owner the operation concerns beyond the summary's (a governance write's). */
  readonly concerns?: { readonly resource: string | null; readonly owner: string | null };
}

/** The access log's operation_name column; longer names are cut (they are refused up front). */
export const OPERATION_NAME_MAX = 256;

function fittedOperationName(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  if (name.length <= OPERATION_NAME_MAX) return name;
  return `${name.slice(0, OPERATION_NAME_MAX - 40)}… (${name.length} characters)`;
}

const sortedUnique = (values: Iterable<string | null>): string[] =>
  [...new Set([...values].filter((v): v is string => v !== null))].sort();

/** The record's columns except id, previous hash and hash, which only the append can know. */
export function accessLogColumns(entry: AccessLogEntry): Omit<HashedAccessLogFields, 'id' | 'previousHash'> {
  const { summary } = entry;
  return {
    // A Date holds whole milliseconds, which the timestamptz(3) column keeps exactly.
    occurredAt: new Date(Math.trunc((entry.occurredAt ?? new Date()).getTime())),
    principalId: entry.principal.id,
    organisation: entry.principal.organisation,
    principalKind: entry.principal.kind,
    purpose: entry.purpose ?? null,
    operationName: fittedOperationName(entry.operationName),
    documentHash: sha256Hex(entry.document),
    requestId: entry.requestId,
    usccs: sortedUnique(summary.usccs),
    resources: sortedUnique([
      ...summary.resources.map((r) => r.resource),
      ...summary.denials.map((d) => d.resource),
      entry.concerns?.resource ?? null,
      ...(summary.writes ?? []).map((w) => w.resource),
    ]),
    owners: sortedUnique([
      ...summary.resources.map((r) => r.owner),
      ...summary.denials.map((d) => d.owner),
      entry.concerns?.owner ?? null,
      ...(summary.writes ?? []).map((w) => w.owner),
    ]),
    decisions: {
      resources: summary.resources,
      denials: summary.denials,
      ...(entry.write ? { write: entry.write } : {}),
      ...(summary.writes ? { writes: summary.writes } : {}),
    },
  };
}

/** A record's columns once the operation is over, waiting for its place in the chain. */
export type PendingAccessLog = Omit<HashedAccessLogFields, 'id' | 'previousHash'>;

/**
 * Writes records at the head of the chain inside the transaction of `em` (its own
 * when `em` is not in one), in the order given: one statement taking the advisory
 * lock, reading the head and drawing one id per record (audit_access_log_claim),
 * then one INSERT for all of them.
 * The lock is held until that transaction commits, so two writers (in this process
 * or another) can never read the same last hash and fork the chain; the ids are
 * drawn inside the lock, so id order is chain order.
 */
export async function appendAccessLogRecords(
  em: SqlEntityManager,
  records: readonly PendingAccessLog[],
): Promise<AppendedAccessLog[]> {
  if (records.length === 0) return [];
  return em.transactional(async (tx) => {
    // Lock, then head and ids read after the lock was granted, in one round trip
    // (see Migration20261202163000AccessLogClaim for why it is a function).
    const heads = await tx.execute<{ claimed_id: string | number; head_hash: string | null }[]>(
      'select claimed_id, head_hash from audit_access_log_claim(?)',
      [records.length],
    );
    const ids = heads.map((h) => BigInt(h.claimed_id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let previousHash = heads[0]?.head_hash ?? GENESIS_HASH;
    const written = records.map((columns, i): AppendedAccessLog => {
      const fields: HashedAccessLogFields = { ...columns, id: String(ids[i]!), previousHash };
      const hash = accessLogHash(fields);
      previousHash = hash;
      return { ...fields, hash };
    });
    // insertMany() rather than persist/flush: exactly one INSERT, and nothing else the caller's
    // EntityManager may hold pending is written inside the log's transaction.
    await tx.insertMany(
      AccessLogEntity,
      written.map((r) => ({
        ...r,
        principalKind: r.principalKind as AccessLogEntity['principalKind'],
        purpose: r.purpose as AccessLogEntity['purpose'],
        usccs: [...r.usccs],
        resources: [...r.resources],
        owners: [...r.owners],
      })),
    );
    return written;
  });
}

/**
 * Appends one record for one operation, in the transaction of `em`: what a write
 * (governance, ingestion) uses so that it and its evidence commit together or not
 * at all. Reads go through the group-commit AccessLogAppender instead.
 */
export async function appendAccessLog(
  em: SqlEntityManager,
  entry: AccessLogEntry,
): Promise<AppendedAccessLog> {
  const [record] = await appendAccessLogRecords(em, [accessLogColumns(entry)]);
  return record!;
}

/** Who made a governance write, and in which request (`cli` for the command line). */
export interface GovernanceActor {
  readonly principal: Pick<Principal, 'id' | 'organisation' | 'kind'>;
  readonly requestId: string;
}

export interface GovernanceRecord extends GovernanceWrite {
  /** Catalog resource the write concerns, if any (agreements). */
  readonly resource?: string | null;
  /** Department owning that resource: what the owner searches the log by. */
  readonly owner?: string | null;
}

/**
 * Appends the record of one governance write. Call it with the EntityManager of
 * the write's own transaction, so the write and its evidence commit together or
 * not at all: if the record cannot be written, the write is rolled back.
 */
export async function appendGovernanceWrite(
  em: SqlEntityManager,
  actor: GovernanceActor,
  record: GovernanceRecord,
): Promise<AppendedAccessLog> {
  const { resource, owner, ...write } = record;
  return appendAccessLog(em, {
    principal: actor.principal,
    purpose: null,
    operationName: write.action,
    // There is no query text to hash for a write made outside GraphQL; the write itself is hashed.
    document: canonicalJson(write),
    requestId: actor.requestId,
    summary: { usccs: [], resources: [], denials: [] },
    write,
    ...(resource || owner ? { concerns: { resource: resource ?? null, owner: owner ?? null } } : {}),
  });
}
