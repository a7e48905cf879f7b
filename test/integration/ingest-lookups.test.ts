import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { storedVersions } from '../../src/db/ingest/store.js';
import { penaltyContract } from '../../src/modules/credit/credit.ingest.js';
import { USCC, enterpriseRecord } from '../helpers/ingest-samples.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { tuplesRead } from '../helpers/tuples-read.js';

/**
 * Regression: a bulk chunk's stored-version lookup grew with the table. Written as
 * `source_record_id = any(list)`, the planner, on a penalty table a load had grown but
 * nobody had analysed, took `department = ?` alone for the index condition, read every
 * penalty of the department and filtered them by the list (358 ms per chunk of 5,000 at
 * 800,000 stored rows). The lookup must read about one index entry per key it finds,
 * whatever the table holds; the transaction's own statistics (pg_stat_xact_*) count
 * the tuples it read.
 */
let hub: TestHub;
const STORED = 20_000;

beforeAll(async () => {
  hub = await startTestHub();
  const res = await hub.as({ principal: PRINCIPALS.marketRegulation })<{ ingest: { inserted: number } }>(
    `mutation($r: [JSONObject!]!) { ingest(recordType: Enterprise, records: $r) { inserted } }`,
    { r: [enterpriseRecord(USCC.a)] },
  );
  expect(res.body.data?.ingest.inserted).toBe(1);
});
afterAll(async () => {
  await hub?.close();
});

class RolledBack extends Error {}

describe('stored-version lookup of a chunk', () => {
  it('reads one index entry per stored key, not the department, on a table nobody has analysed', async () => {
    let outcome: { found: number; tuplesRead: number } | undefined;
    await hub.orm.em
      .fork()
      .transactional(async (tx) => {
        await tx.execute(
          `insert into credit_penalty (department, source_record_id, as_of, received_at, uscc, decision_number,
             decision_date, authority, penalty_type, severity, reason, amount, publicity_end_date)
           select 'MARKET_REGULATION', 'L-' || i, now(), now(), ?, 'D-' || i, date '2025-11-01', 'Xiamen AMR',
             'FINE', 'GENERAL', 'Lookup regression', 1.00, date '2026-11-01'
           from generate_series(1, ${STORED}) as i`,
          [USCC.a],
        );
        const read = () => tuplesRead(tx, 'credit_penalty');
        // A chunk of 5,000 keys: half of them stored, half new.
        const keys = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? `L-${i + 1}` : `NEW-${i}`));
        const before = await read();
        const found = await storedVersions(tx, penaltyContract, 'MARKET_REGULATION', keys);
        outcome = { found: found.size, tuplesRead: (await read()) - before };
        throw new RolledBack();
      })
      .catch((err: unknown) => {
        if (!(err instanceof RolledBack)) throw err;
      });
    expect(outcome?.found).toBe(2500);
    // About 2 per found key (its index entry and its row); the department scan read 2 × 20,000.
    expect(outcome!.tuplesRead).toBeLessThan(2 * 2500 + 500);
    expect(outcome!.tuplesRead).toBeGreaterThanOrEqual(2500);
  });
});
