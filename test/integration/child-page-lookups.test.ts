import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { penaltiesLoader } from '../../src/modules/credit/credit.loaders.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { tuplesRead } from '../helpers/tuples-read.js';

/**
 * Regression: the nested lists of a page were read with `uscc in (list)`. On a
 * department table of tens of thousands of rows the planner scanned the whole table
 * and filtered it by the list (a page of 200 on 36,000 certifications: 4.4 ms, where
 * the index probes take 0.3 ms), so every nested list of a page grew with its table.
 * The loader must read about the rows of the enterprises it was asked for, whatever
 * the table holds; the transaction's own statistics (pg_stat_xact_*) count the
 * tuples it read.
 */
let hub: TestHub;
const ENTERPRISES = 2_000;
const PER_ENTERPRISE = 10;

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

class RolledBack extends Error {}

describe('nested list pages of a page of enterprises', () => {
  it('read the rows of the enterprises asked for by index, not the whole table', async () => {
    let outcome: { pages: { items: number; total: number }[]; tuplesRead: number } | undefined;
    await hub.orm.em
      .fork()
      .transactional(async (tx) => {
        // Penalties of 2,000 enterprises that are not in the registry: foreign keys and
        // triggers are off for this rolled-back transaction only.
        await tx.execute('set local session_replication_role = replica');
        await tx.execute(
          `insert into credit_penalty (department, source_record_id, as_of, received_at, uscc, decision_number,
             decision_date, authority, penalty_type, severity, reason, amount, publicity_end_date)
           select 'MARKET_REGULATION', 'P-' || i, now(), now(), 'E' || lpad((i % ${ENTERPRISES})::text, 17, '0'),
             'D-' || i, date '2025-01-01' + (i % 300), 'Xiamen AMR', 'FINE', 'GENERAL', 'Lookup regression', 1.00,
             date '2027-11-01'
           from generate_series(1, ${ENTERPRISES * PER_ENTERPRISE}) as i`,
        );
        await tx.execute('analyze credit_penalty');
        const read = () => tuplesRead(tx, 'credit_penalty');
        // A page of 200 enterprises asking for the first 5 penalties of each.
        const keys = Array.from({ length: 200 }, (_, i) => ({
          uscc: `E${String(i * 7).padStart(17, '0')}`,
          first: 5,
          offset: 0,
        }));
        const before = await read();
        const pages = await penaltiesLoader(tx).loadMany(keys);
        outcome = {
          pages: pages.map((p) => {
            if (p instanceof Error) throw p;
            return { items: p.items.length, total: p.totalCount };
          }),
          tuplesRead: (await read()) - before,
        };
        throw new RolledBack();
      })
      .catch((err: unknown) => {
        if (!(err instanceof RolledBack)) throw err;
      });
    expect(outcome?.pages).toHaveLength(200);
    expect(outcome!.pages.every((p) => p.items === 5 && p.total === PER_ENTERPRISE)).toBe(true);
    // About 2 per row of the 200 enterprises (its index entry and its row): 4,000; a scan reads 20,000.
    expect(outcome!.tuplesRead).toBeLessThan(2 * 200 * PER_ENTERPRISE + 1000);
    expect(outcome!.tuplesRead).toBeGreaterThanOrEqual(200 * PER_ENTERPRISE);
  });
});
