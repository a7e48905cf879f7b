import type { SqlEntityManager } from '@mikro-orm/sql';
import { AccessLogEntity } from './access-log.entity.js';
import { GENESIS_HASH, accessLogHash } from './access-log.hash.js';

export type ChainVerification =
  | {
      readonly ok: true;
      readonly count: number;
      /** The last record checked, to keep outside the database as an anchor; null for an empty log. */
      readonly head: ChainAnchor | null;
    }
  | {
      readonly ok: false;
      /** Records checked and found intact before the first bad one. */
      readonly count: number;
      readonly firstBadId: string;
      readonly problem: string;
    };

const BATCH_SIZE = 1000;

/**
 * A record's id and hash kept outside the database (a ticket, WORM storage,
 * another organisation). The chain alone cannot show that its newest records were
 * deleted, or that someone with write access rehashed it from some point on; an
 * anchor can: the anchored record must still be there with the same hash.
 */
export interface ChainAnchor {
  readonly id: string;
  readonly hash: string;
}

/** Record ids are PostgreSQL bigints. */
const MAX_ID = 9223372036854775807n;

/** Reads an anchor written as `<id>:<sha256 hex>`, as audit:verify prints it. */
export function parseAnchor(text: string): ChainAnchor {
  const match = /^(\d{1,19}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match || BigInt(match[1]!) > MAX_ID) {
    throw new Error(`anchor "${text}" is not <record id>:<64 lowercase hex characters of its hash>`);
  }
  return { id: String(BigInt(match[1]!)), hash: match[2]! };
}

/** Refuses anchors that contradict each other (one record, two hashes): bad input, not evidence. */
export function checkAnchors(anchors: readonly ChainAnchor[]): void {
  const seen = new Map<string, string>();
  for (const { id, hash } of anchors) {
    const other = seen.get(id);
    if (other !== undefined && other !== hash) {
      throw new Error(`anchors for record ${id} disagree: ${other} and ${hash}`);
    }
    seen.set(id, hash);
  }
}

export const formatAnchor = (anchor: ChainAnchor): string => `${anchor.id}:${anchor.hash}`;

/** What is wrong with one record, given the hash of the record before it; undefined when intact. */
export function checkRecord(record: AccessLogEntity, expectedPrevious: string): string | undefined {
  if (record.previousHash !== expectedPrevious) {
    return expectedPrevious === GENESIS_HASH
      ? `previous hash is ${record.previousHash} but the first record must link to ${GENESIS_HASH}: earlier records were removed`
      : `previous hash is ${record.previousHash} but the record before it has hash ${expectedPrevious}: a record was removed, inserted or reordered before this one`;
  }
  // The entity's own columns are the hashed fields: a plain copy of them is what is wanted.
  // eslint-disable-next-line @typescript-eslint/no-misused-spread
  const recomputed = accessLogHash({ ...record });
  if (recomputed !== record.hash) {
    return `stored hash is ${record.hash} but its columns hash to ${recomputed}: the record was changed after it was written`;
  }
  return undefined;
}

/**
 * Walks the whole log in id order, a batch at a time, recomputing every hash and
 * checking every link, and checks that every anchor is still in it unchanged.
 * Removing the newest records cannot be seen from the chain alone: that is what
 * the anchors are for.
 */
export async function verifyChain(
  em: SqlEntityManager,
  anchors: readonly ChainAnchor[] = [],
  /** Called with each record once it is found intact, in chain order (e.g. to list governance writes). */
  visit?: (record: AccessLogEntity) => void,
): Promise<ChainVerification> {
  checkAnchors(anchors);
  const pending = new Map(anchors.map((a) => [a.id, a.hash]));
  const reader = em.fork({ clear: true });
  let previous = GENESIS_HASH;
  let lastId: string | undefined;
  let head: ChainAnchor | null = null;
  let count = 0;
  for (;;) {
    const batch = await reader.find(AccessLogEntity, lastId === undefined ? {} : { id: { $gt: lastId } }, {
      orderBy: { id: 'asc' },
      limit: BATCH_SIZE,
      disableIdentityMap: true,
    });
    for (const record of batch) {
      const problem = checkRecord(record, previous);
      if (problem) return { ok: false, count, firstBadId: record.id, problem };
      const id = record.id;
      const anchored = pending.get(id);
      if (anchored !== undefined && anchored !== record.hash) {
        return {
          ok: false,
          count,
          firstBadId: id,
          problem: `hash is ${record.hash} but the record was anchored with ${anchored}: the log was rewritten from this record on`,
        };
      }
      pending.delete(id);
      visit?.(record);
      previous = record.hash;
      head = { id, hash: record.hash };
      count++;
    }
    if (batch.length < BATCH_SIZE) return missingAnchor(pending, count) ?? { ok: true, count, head };
    lastId = batch.at(-1)!.id;
  }
}

/** The oldest anchor the walk did not meet: its record and everything after it are gone. */
function missingAnchor(pending: ReadonlyMap<string, string>, count: number): ChainVerification | undefined {
  const [id] = [...pending.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  if (id === undefined) return undefined;
  return {
    ok: false,
    count,
    firstBadId: id,
    problem: `record ${id} was anchored with hash ${pending.get(id)} but is no longer in the log: the log was truncated or the record removed`,
  };
}

/** Governance writes among verified records, counted by action; pass `visit` to verifyChain. */
export function governanceWriteCounter(): {
  readonly visit: (record: AccessLogEntity) => void;
  readonly counts: Map<string, number>;
} {
  const counts = new Map<string, number>();
  return {
    counts,
    visit: (record) => {
      const action = record.decisions.write?.action;
      if (action) counts.set(action, (counts.get(action) ?? 0) + 1);
    },
  };
}
