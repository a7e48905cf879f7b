import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { servePgliteSocket, SOCKET_PORT, type ServedSocket } from '../../src/db/pglite-socket.js';
import { pgliteTemplate } from '../helpers/db-template.js';

/*
 * PGlite has one session, shared by the hub (in process) and the tools (over the socket).
 * These tests show that neither lands its statements inside the other's transaction.
 * PGlite only: this is about the embedded database, whatever DATABASE_URL says.
 */
const dir = mkdtempSync(join(tmpdir(), 'hub-socket-'));
let db: PGlite;
let served: ServedSocket;

const client = async () => {
  const c = new pg.Client({ host: dir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' });
  await c.connect();
  return c;
};
const values = async () => (await db.query<{ v: number }>('select v from t order by v')).rows.map((r) => r.v);

beforeAll(async () => {
  // Started from the run's template data directory when there is one: no initdb (about 4 s).
  const template = pgliteTemplate();
  db = await PGlite.create(template ? { loadDataDir: template } : {});
  await db.exec('create table t (v int)');
  const result = await servePgliteSocket(db, dir);
  if (!('served' in result)) throw new Error(result.reason);
  served = result.served;
});

beforeEach(async () => {
  await db.exec('delete from t');
});

afterAll(async () => {
  await served.stop();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the operator socket shares PGlite’s one session safely', () => {
  it('serves queries with parameters (the extended protocol)', async () => {
    const c = await client();
    await c.query('insert into t values ($1), ($2)', [1, 2]);
    expect((await c.query('select sum(v)::int as s from t where v >= $1', [1])).rows).toEqual([{ s: 3 }]);
    await c.end();
  });

  it('a hub statement waits for a tool’s open transaction instead of running inside it', async () => {
    const c = await client();
    await c.query('begin');
    await c.query('insert into t values (1)');
    let hubDone = false;
    const hub = db.query('insert into t values (2)').then(() => (hubDone = true));
    await new Promise((ok) => setTimeout(ok, 200));
    expect(hubDone).toBe(false);
    await c.query('rollback');
    await hub;
    // Had the hub's insert run inside the tool's transaction, the rollback would have taken it too.
    expect(await values()).toEqual([2]);
    await c.end();
  });

  it('a tool statement waits for the hub’s transaction instead of running inside it', async () => {
    const c = await client();
    let commit!: () => void;
    const open = new Promise<void>((ok) => (commit = ok));
    let begun!: () => void;
    const started = new Promise<void>((ok) => (begun = ok));
    const hub = db
      .transaction(async (tx) => {
        await tx.query('insert into t values (1)');
        begun();
        await open;
        await tx.rollback();
      })
      .catch(() => undefined);
    await started;
    const tool = c.query('insert into t values (2)');
    await new Promise((ok) => setTimeout(ok, 200));
    commit();
    await hub;
    await tool;
    expect(await values()).toEqual([2]);
    await c.end();
  });

  it('a tool that leaves mid-transaction is rolled back and releases the session', async () => {
    const c = await client();
    await c.query('begin');
    await c.query('insert into t values (7)');
    c.on('error', () => undefined); // the client reports its own connection dropping
    c.connection.stream.destroy();
    await db.query('insert into t values (8)');
    expect(await values()).toEqual([8]);
  });
});
