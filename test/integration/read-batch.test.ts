import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { poolOf } from '../../src/db/pool-registry.js';
import { executeDirect, readBatchStats, readRows } from '../../src/db/read-batch.js';
import { sql } from '../../src/db/sql.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

/**
 * The reads one request issues in the same turn of the event loop share one round
 * trip on PostgreSQL (src/db/read-batch.ts). They must answer exactly what each
 * statement answers on its own, fail as a statement fails, and stay statements of
 * their own in the log (the statement budgets of the tests count them).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 20 });
});
afterAll(async () => {
  await hub?.close();
});

const STATEMENTS = [
  sql`select uscc, name, established_date, registered_capital, as_of from registry_enterprise order by uscc limit ${7}`,
  sql`select uscc, decision_number, decision_date, amount from credit_penalty where amount > ${0} order by id`,
  sql`select uscc, score, grade, signals from risk_profile order by uscc`,
  sql`select count(*) as n, max(as_of) as latest from credit_tax_evaluation where year >= ${2000}`,
  sql`select ${"it's; a literal with ? and ;"}::text as odd`,
];

describe('reads batched per turn of the event loop', () => {
  it('answer exactly what each statement answers alone, in one or two round trips on PostgreSQL', async () => {
    const em = hub.orm.em.fork() as SqlEntityManager;
    const alone = [];
    for (const s of STATEMENTS) alone.push(await em.fork().execute(s.sql, [...s.params]));
    const before = { ...readBatchStats };
    hub.counter.reset();
    const together = await Promise.all(STATEMENTS.map((s) => readRows(em, s)));
    expect(together).toEqual(alone);
    expect(together[4]).toEqual([{ odd: "it's; a literal with ? and ;" }]);
    // Still five statements in the log.
    expect(hub.counter.count).toBe(STATEMENTS.length);
    const roundTrips = readBatchStats.roundTrips - before.roundTrips;
    if (poolOf(em)) {
      // Five statements over at most two connections (READ_BATCH_CONNECTIONS), not five round trips.
      expect(roundTrips).toBeGreaterThanOrEqual(1);
      expect(roundTrips).toBeLessThanOrEqual(2);
      expect(readBatchStats.statements - before.statements).toBe(STATEMENTS.length);
    } else {
      // PGlite: one session, each statement on its own.
      expect(roundTrips).toBe(0);
    }
  });

  it('fails every statement of a batch one of them fails, with the driver error, and the next batch runs', async () => {
    const em = hub.orm.em.fork() as SqlEntityManager;
    const results = await Promise.allSettled([
      readRows(em, sql`select 1 as one`),
      readRows(em, sql`select 1 / ${0} as boom`),
    ]);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(String((failed[0] as PromiseRejectedResult).reason)).toMatch(/division by zero/);
    const [next] = await Promise.all([
      readRows(em, sql`select 2 as two`),
      readRows(em, sql`select 3 as three`),
    ]);
    expect(next).toEqual([{ two: 2 }]);
  });

  it('runs inside a transaction on the transaction, statement by statement', async () => {
    const before = readBatchStats.roundTrips;
    const rows = await hub.orm.em.fork().transactional(async (tx) => {
      await tx.execute(`create temporary table read_batch_probe (v int) on commit drop`);
      await tx.execute(`insert into read_batch_probe values (41), (42)`);
      // Only this transaction can see the table: answered, so it ran on the transaction's connection.
      return Promise.all([
        readRows(tx as SqlEntityManager, sql`select v from read_batch_probe where v = ${41}`),
        readRows(tx as SqlEntityManager, sql`select v from read_batch_probe where v = ${42}`),
      ]);
    });
    expect(rows).toEqual([[{ v: 41 }], [{ v: 42 }]]);
    expect(readBatchStats.roundTrips).toBe(before);
  });

  it('executeDirect answers like em.execute, is logged, and runs on a transaction when given one', async () => {
    const em = hub.orm.em.fork() as SqlEntityManager;
    const text = 'select uscc, name from registry_enterprise where uscc > ? order by uscc limit 3';
    hub.counter.reset();
    expect(await executeDirect(em, text, ['0'])).toEqual(await em.fork().execute(text, ['0']));
    expect(hub.counter.statements.filter((q) => q.includes('registry_enterprise'))).toHaveLength(2);
    const seen = await hub.orm.em.fork().transactional(async (tx) => {
      await tx.execute('create temporary table direct_probe (v int) on commit drop');
      await tx.execute('insert into direct_probe values (7)');
      return executeDirect(tx as SqlEntityManager, 'select v from direct_probe where v = ?', [7]);
    });
    expect(seen).toEqual([{ v: 7 }]);
    await expect(executeDirect(em, 'select 1 / ? as boom', [0])).rejects.toThrow(/division by zero/);
  });
});
