import type { SqlEntityManager } from '@mikro-orm/sql';
import { AccessLogEntity } from './access-log.entity.js';
import { GENESIS_HASH, accessLogHash } from './access-log.hash.js';

export type ChainVerification =
  | { readonly ok: true; readonly count: number }
  | {
      readonly ok: false;
      /** Records checked and found intact before the first bad one. */
      readonly count: number;
      readonly firstBadId: string;
      readonly problem: string;
    };

const BATCH_SIZE = 1000;

/** What is wrong with one record, given the hash of the record before it; undefined when intact. */
export function checkRecord(record: AccessLogEntity, expectedPrevious: string): string | undefined {
  if (record.previousHash !== expectedPrevious) {
    return expectedPrevious === GENESIS_HASH
      ? `previous hash is ${record.previousHash} but the first record must link to ${GENESIS_HASH}: earlier records were removed`
      : `previous hash is ${record.previousHash} but the record before it has hash ${expectedPrevious}: a record was removed, inserted or reordered before this one`;
  }
  const recomputed = accessLogHash({ ...record, id: String(record.id) });
  if (recomputed !== record.hash) {
    return `stored hash is ${record.hash} but its columns hash to ${recomputed}: the record was changed after it was written`;
  }
  return undefined;
}

/**
 * Walks the whole log in id order, a batch at a time, recomputing every hash and
 * checking every link. Removing the newest records cannot be seen from the chain
 * alone; compare the head hash with one kept elsewhere to detect that.
 */
export async function verifyChain(em: SqlEntityManager): Promise<ChainVerification> {
  const reader = em.fork({ clear: true });
  let previous = GENESIS_HASH;
  let lastId: string | undefined;
  let count = 0;
  for (;;) {
    const batch = await reader.find(AccessLogEntity, lastId === undefined ? {} : { id: { $gt: lastId } }, {
      orderBy: { id: 'asc' },
      limit: BATCH_SIZE,
      disableIdentityMap: true,
    });
    for (const record of batch) {
      const problem = checkRecord(record, previous);
      if (problem) return { ok: false, count, firstBadId: String(record.id), problem };
      previous = record.hash;
      count++;
    }
    if (batch.length < BATCH_SIZE) return { ok: true, count };
    lastId = String(batch.at(-1)!.id);
  }
}
