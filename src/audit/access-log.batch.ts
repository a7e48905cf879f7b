import type { SqlEntityManager } from '@mikro-orm/sql';
import type { AppendedAccessLog, PendingAccessLog } from './access-log.append.js';
import { AccessLogError, accessLogHash, canonicalJson, isoUtcMillis } from './access-log.hash.js';

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

/**
 * Appends a batch of read records in one statement, audit_access_log_append
 * (Migration20261202163000AccessLogClaim), sent outside any transaction: it takes
 * the chain's lock, draws the ids, links and hashes each record in order and
 * inserts them, and its answer arrives once that has committed. Each hash the
 * database computed is checked against accessLogHash before anyone is told the
 * record is on file.
 */
export async function appendAccessLogBatch(
  em: SqlEntityManager,
  records: readonly PendingAccessLog[],
): Promise<AppendedAccessLog[]> {
  if (records.length === 0) return [];
  const batch = records.map((c) => ({
    ...canonicalPieces(c),
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
  const rows = await em.execute<
    { claimed_id: string | number; previous_hash: string; record_hash: string }[]
  >('select claimed_id, previous_hash, record_hash from audit_access_log_append(?::jsonb)', [
    JSON.stringify(batch),
  ]);
  if (rows.length !== records.length) {
    throw new AccessLogError(
      `the access log appended ${rows.length} records of a batch of ${records.length}`,
    );
  }
  return records.map((columns, i) => {
    const row = rows[i]!;
    const record = { ...columns, id: String(row.claimed_id), previousHash: row.previous_hash };
    const hash = accessLogHash(record);
    if (hash !== row.record_hash) {
      throw new AccessLogError(
        `record ${record.id} was hashed ${row.record_hash} by the database, ${hash} here`,
      );
    }
    return { ...record, hash };
  });
}
