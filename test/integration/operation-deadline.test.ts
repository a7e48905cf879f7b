import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { LOCAL_POSTGRES_URL } from '../helpers/test-db.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

/*
 * The execution deadline cancels the SQL an operation has running on the server.
 * PostgreSQL only (PGlite has one in-process session: nothing can wait on a lock
 * there and there is no server to cancel on), so it runs on PostgreSQL in both test
 * runs, like database-outage.test.ts. A second session holds an ACCESS EXCLUSIVE lock
 * on the enterprise table, so the hub's statement waits until something stops it:
 * the pool's statement timeout is far away (10 min), the deadline is 1 s.
 */
const ADMIN_URL = process.env.DATABASE_URL ?? LOCAL_POSTGRES_URL;
const QUERY = '{ enterprises(first: 5) { totalCount } }';

let hub: TestHub;
let database: string;

beforeAll(async () => {
  hub = await startTestHub({
    adminUrl: ADMIN_URL,
    enterprises: 3,
    env: { OPERATION_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '600000' },
  });
  database = new URL(hub.db.url!).pathname.slice(1);
}, 120_000);

afterAll(async () => {
  await hub?.close();
});

/** Backends of the hub's database (other than `except`) waiting for a lock. */
async function lockWaiters(session: pg.Client): Promise<number> {
  const { rows } = await session.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
      where datname = $1 and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
    [database],
  );
  return rows[0]!.n;
}

async function session(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: hub.db.url });
  await client.connect();
  return client;
}

describe('execution deadline on PostgreSQL', () => {
  it('runs on PostgreSQL', () => {
    expect(hub.db.kind).toBe('postgresql');
    expect(hub.config.operationTimeoutMs).toBe(1000);
  });

  it('answers the operation with data when nothing blocks it', async () => {
    const res = await hub.graphql<{ enterprises: { totalCount: number } }>(QUERY);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.enterprises.totalCount).toBe(3);
  });

  it('cancels a statement still running at the deadline and answers OPERATION_TIMEOUT', async () => {
    const locker = await session();
    const observer = await session();
    const lockerPid = (await locker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    try {
      await locker.query('begin');
      await locker.query('lock table registry_enterprise in access exclusive mode');
      const answer = hub.graphql(QUERY);
      // The hub's statement reaches the lock and waits there (seen, not timed).
      let waiting = 0;
      let settled = false;
      void answer.finally(() => (settled = true));
      while (waiting === 0 && !settled) {
        waiting = await lockWaiters(observer);
        if (waiting === 0) await new Promise((r) => setTimeout(r, 20));
      }
      expect(waiting).toBe(1);

      const res = await answer;
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ enterprises: null });
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['OPERATION_TIMEOUT']);
      expect(res.body.errors?.[0]?.extensions?.timeoutMs).toBe(1000);
      expect(res.body.errors?.[0]?.path).toEqual(['enterprises']);
      expect(res.body.errors?.[0]?.message).toBe(
        'The operation ran past its deadline of 1000 ms and was stopped',
      );

      // The lock is still held, and nothing of the hub waits for it any more: cancelled, not left running.
      expect(await lockWaiters(observer)).toBe(0);
      const { rows } = await observer.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid() and pid <> $2 and state = 'active'`,
        [database, lockerPid],
      );
      expect(rows[0]!.n).toBe(0);
    } finally {
      await locker.query('rollback').catch(() => {});
      await locker.end();
      await observer.end();
    }
  }, 60_000);

  it('answers again once the lock is gone, on the same pool', async () => {
    const res = await hub.graphql<{ enterprises: { totalCount: number } }>(QUERY);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.enterprises.totalCount).toBe(3);
  });
});
