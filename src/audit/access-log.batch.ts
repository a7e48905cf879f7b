import type { SqlEntityManager } from '@mikro-orm/sql';
import { executeDirect } from '../db/read-batch.js';
import type { AppendedAccessLog, PendingAccessLog } from './access-log.append.js';
import { ErrorCode, HubError } from '../common/errors.js';
import { AccessLogError, canonicalJson, isoUtcMillis, sha256Hex } from './access-log.hash.js';

/**
 * The canonical JSON of a record's hashed fields (canonicalAccessLogRecord) cut
 * around the id and the previous hash, the two values only the append knows:
 * `${p1}"${id}"${p2}"${previousHash}"${p3}`. Keys in canonical order: decisions,
 * documentHash, id, occurredAt, operationName, organisation, owners, previousHash,
 * principalId, principalKind, purpose, requestId, resources, usccs.
 */
export function canonicalPieces(c: PendingAccessLog): { p1: string; p2: string; p3: string } {
  const m = (key: string, value: unknown) => `${JSON.stringify(key)}:${canonicalJson(value)}`;
  return {
    p1: `{${m('decisions', c.decisions)},${m('documentHash', c.documentHash)},"id":`,
    p2:
      `,${m('occurredAt', isoUtcMillis(c.occurredAt))},${m('operationName', c.operationName)},` +
      `${m('organisation', c.organisation)},${m('owners', c.owners)},"previousHash":`,
    p3:
      `,${m('principalId', c.principalId)},${m('principalKind', c.principalKind)},${m('purpose', c.purpose)},` +
      `${m('requestId', c.requestId)},${m('resources', c.resources)},${m('usccs', c.usccs)}}`,
  };
}

/** A record ready for the batch statement: its columns and, computed once, the canonical pieces of its hash. */
export interface PreparedAccessLog {
  readonly columns: PendingAccessLog;
  readonly pieces: { readonly p1: string; readonly p2: string; readonly p3: string };
  /** Fingerprint of the kept grants its operation was decided from: appended only if still in force. */
  readonly grants?: string;
}

/**
 * The record's operation was decided from kept grants that are no longer the
 * organisation's: it was not appended, and its answer must not be served.
 */
export class StaleGrantsError extends HubError {
  constructor(organisation: string) {
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      `the sharing agreements of ${organisation} changed while the operation ran`,
    );
  }
}

/**
 * Everything of a record that can be computed before it has a place in the chain,
 * once: the canonical pieces (which throw on a value that cannot be hashed, so a
 * bad record fails only its own operation, when it is handed over).
 */
export function prepareAccessLog(columns: PendingAccessLog, grants?: string): PreparedAccessLog {
  return { columns, pieces: canonicalPieces(columns), ...(grants === undefined ? {} : { grants }) };
}

/**
 * Appends a batch of read records in one statement, audit_access_log_append
 * (Migration20261202163000AccessLogClaim), sent outside any transaction: it takes
 * the chain's lock, draws the ids, links and hashes each record in order and
 * inserts them, and its answer arrives once that has committed. Each hash the
 * database computed is checked, before anyone is told the record is on file,
 * against the SHA-256 computed here over the same pieces joined around the id and
 * previous hash it reports (test/unit/access-log-batch.test.ts: those bytes are
 * exactly canonicalAccessLogRecord's, so this is accessLogHash without
 * serialising the record a second time). A record carrying `grants` whose
 * fingerprint is no longer its organisation's comes back as a StaleGrantsError
 * instead, with no place in the chain.
 */
export async function appendAccessLogBatch(
  em: SqlEntityManager,
  records: readonly PreparedAccessLog[],
): Promise<(AppendedAccessLog | StaleGrantsError)[]> {
  if (records.length === 0) return [];
  const batch = records.map(({ columns: c, pieces, grants }) => ({
    ...pieces,
    ...(grants === undefined ? {} : { grants }),
    occurredAt: isoUtcMillis(c.occurredAt),
    principalId: c.principalId,
    organisation: c.organisation,
    principalKind: c.principalKind,
    purpose: c.purpose,
    operationName: c.operationName,
    documentHash: c.documentHash,
    requestId: c.requestId,
    usccs: c.usccs,
    resources: c.resources,
    owners: c.owners,
    decisions: c.decisions,
  }));
  const rows = await executeDirect<{
    claimed_id: string | number | null;
    previous_hash: string | null;
    record_hash: string | null;
    stale: boolean;
  }>(em, 'select claimed_id, previous_hash, record_hash, stale from audit_access_log_append(?::jsonb)', [
    JSON.stringify(batch),
  ]);
  if (rows.length !== records.length) {
    throw new AccessLogError(
      `the access log appended ${rows.length} records of a batch of ${records.length}`,
    );
  }
  return records.map(({ columns, pieces: { p1, p2, p3 }, grants }, i) => {
    const row = rows[i]!;
    if (row.stale) {
      if (grants === undefined)
        throw new AccessLogError('the access log refused a record that carried no grants');
      return new StaleGrantsError(columns.organisation);
    }
    if (row.claimed_id === null || row.previous_hash === null) {
      throw new AccessLogError('the access log returned no place in the chain for an appended record');
    }
    const id = String(row.claimed_id);
    const hash = sha256Hex(`${p1}"${id}"${p2}"${row.previous_hash}"${p3}`);
    if (hash !== row.record_hash) {
      throw new AccessLogError(`record ${id} was hashed ${row.record_hash} by the database, ${hash} here`);
    }
    return { ...columns, id, previousHash: row.previous_hash, hash };
  });
}
