import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessLogAppender } from '../../src/audit/access-log.appender.js';
import {
  accessLogColumns,
  type AccessLogEntry,
  type AppendedAccessLog,
} from '../../src/audit/access-log.append.js';
import {
  appendAccessLogBatch,
  prepareAccessLog,
  StaleGrantsError,
} from '../../src/audit/access-log.batch.js';
import { AccessLogEntity } from '../../src/audit/access-log.entity.js';
import { verifyChain } from '../../src/audit/access-log.verify.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';
import { loadConfig } from '../../src/config/config.js';
import { createOrm, type HubOrm } from '../../src/db/orm.js';
import { buildApp, type HubApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { LOCAL_POSTGRES_URL } from '../helpers/test-db.js';
import { grantEveryConditionalResource, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { HUB } from '../../src/hub.js';

const USCC = '91350100M000100Y43';
// Reads conditional data (tax arrears), so the reader's operation is logged.
const GOVERNED = `query Governed($uscc: USCC!) { enterprise(uscc: $uscc) { uscc taxArrears { totalCount } } }`;

const entry = (requestId: string): AccessLogEntry => ({
  principal: { id: 'risk-engine', organisation: 'BANK_XM_001', kind: PrincipalKind.BANK },
  purpose: Purpose.CREDIT_ASSESSMENT,
  operationName: 'GroupCommit',
  document: 'query GroupCommit { x }',
  requestId,
  summary: { usccs: [USCC], resources: [], denials: [] },
});

interface Row {
  id: string;
  requestId: string;
  previousHash: string;
  hash: string;
}
async function chain(orm: HubOrm): Promise<Row[]> {
  const rows = await orm.em.fork().find(AccessLogEntity, {}, { orderBy: { id: 'asc' } });
  return rows.map((r) => ({
    id: r.id,
    requestId: r.requestId,
    previousHash: r.previousHash,
    hash: r.hash,
  }));
}
/** Each record links to the one with the next lower id: id order is chain order. */
function expectLinkedInIdOrder(rows: readonly Row[]): void {
  for (let i = 1; i < rows.length; i++) {
    expect({ id: rows[i]!.id, previous: rows[i]!.previousHash }).toEqual({
      id: rows[i]!.id,
      previous: rows[i - 1]!.hash,
    });
    expect(BigInt(rows[i]!.id) > BigInt(rows[i - 1]!.id)).toBe(true);
  }
}

async function governedRead(hub: { headersFor: TestHub['headersFor'] }, url: string, requestId: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': requestId,
      ...(await hub.headersFor({ principal: PRINCIPALS.reader, purpose: Purpose.CREDIT_ASSESSMENT })),
    },
    body: JSON.stringify({ query: GOVERNED, variables: { uscc: USCC } }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
  };
}

describe('group commit of access-log records (the configured database)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ enterprises: 10 });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('writes records appended together in one statement, linked in arrival order', async () => {
    const appender = new AccessLogAppender(() => hub.orm.em.fork(), { maxWaitMs: 5, maxBatch: 200 });
    const before = (await chain(hub.orm)).length;
    hub.counter.reset();
    const written = await Promise.all(
      Array.from({ length: 30 }, (_, i) => appender.append(entry(`gc-${i}`))),
    );
    // audit_access_log_append: lock, head, 30 ids, hashes and rows, committed on its own.
    expect(hub.counter.count).toBe(1);
    expect(written.map((w) => w.requestId)).toEqual(Array.from({ length: 30 }, (_, i) => `gc-${i}`));
    const rows = await chain(hub.orm);
    expect(rows.slice(before).map((r) => [r.id, r.requestId, r.hash])).toEqual(
      written.map((w) => [w.id, w.requestId, w.hash]),
    );
    expectLinkedInIdOrder(rows);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: rows.length });
  });

  it('splits a burst larger than the batch size into batches of at most that size', async () => {
    const appender = new AccessLogAppender(() => hub.orm.em.fork(), { maxWaitMs: 5, maxBatch: 10 });
    hub.counter.reset();
    const written = await Promise.all(
      Array.from({ length: 25 }, (_, i) => appender.append(entry(`gb-${i}`))),
    );
    // 10 + 10 + 5 records: three statements.
    expect(hub.counter.count).toBe(3);
    expect(written.map((w) => w.requestId)).toEqual(Array.from({ length: 25 }, (_, i) => `gb-${i}`));
    expect(appender.pending).toBe(0);
    const rows = await chain(hub.orm);
    expectLinkedInIdOrder(rows);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: rows.length });
  });

  it('holds a batch open for operations still running beside it, and writes a lone record at once', async () => {
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    // A cap far longer than the test: the batch below is written because both operations are over, not by the timer.
    const appender = new AccessLogAppender(() => hub.orm.em.fork(), {
      maxWaitMs: 0,
      maxBatch: 200,
      runningWaitMs: 1000,
    });
    const endFirst = appender.begin();
    const endSecond = appender.begin();
    hub.counter.reset();
    const first = appender.append(entry('running-1'), endFirst);
    for (let i = 0; i < 5; i++) await turn();
    // The second operation is still running: the first record waits for it.
    expect({ pending: appender.pending, statements: hub.counter.count }).toEqual({
      pending: 1,
      statements: 0,
    });
    const second = appender.append(entry('running-2'), endSecond);
    const written = await Promise.all([first, second]);
    // Both in one statement, in arrival order.
    expect(hub.counter.count).toBe(1);
    expect(written.map((w) => w.requestId)).toEqual(['running-1', 'running-2']);
    expect(BigInt(written[1].id) > BigInt(written[0].id)).toBe(true);
    expect(written[1].previousHash).toBe(written[0].hash);
    expect(appender.runningOperations).toBe(0);

    // Nothing else running: taken for writing within a turn of the event loop, no timer.
    const lone = appender.append(entry('running-lone'), appender.begin());
    await turn();
    expect(appender.pending).toBe(0);
    expect((await lone).requestId).toBe('running-lone');
    // An operation that ends without a record (or twice) releases the batch too.
    const endSilent = appender.begin();
    const waiting = appender.append(entry('running-after-silent'));
    for (let i = 0; i < 5; i++) await turn();
    expect(appender.pending).toBe(1);
    endSilent();
    endSilent();
    expect((await waiting).requestId).toBe('running-after-silent');
    expect(appender.runningOperations).toBe(0);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true });
  });

  it("checks each record of one batch against its own organisation's grants: a stale record takes no place, the rest stay linked in order", async () => {
    const fingerprint = async (org: string) =>
      (await hub.orm.em.fork().execute<{ f: string }[]>('select auth_grants_fingerprint(?) as f', [org]))[0]!
        .f;
    await grantEveryConditionalResource(hub.orm, 'BANK_GROUP_COMMIT');
    const bank = await fingerprint('BANK_GROUP_COMMIT');
    const other = await fingerprint('BANK_NO_AGREEMENTS');
    expect(bank).not.toBe('');
    expect(other).toBe('');
    const record = (requestId: string, organisation: string, grants: string) =>
      prepareAccessLog(
        accessLogColumns({
          ...entry(requestId),
          principal: { id: 'risk-engine', organisation, kind: PrincipalKind.BANK },
        }),
        grants,
      );
    const batch = [
      record('mixed-1', 'BANK_GROUP_COMMIT', bank),
      record('mixed-2', 'BANK_GROUP_COMMIT', `${bank};revoked`),
      record('mixed-3', 'BANK_NO_AGREEMENTS', other),
      record('mixed-4', 'BANK_GROUP_COMMIT', bank),
      record('mixed-5', 'BANK_NO_AGREEMENTS', bank),
    ];
    const before = (await chain(hub.orm)).length;
    hub.counter.reset();
    const answers = await appendAccessLogBatch(hub.orm.em.fork(), batch);
    expect(hub.counter.count).toBe(1);
    expect(answers.map((a) => (a instanceof StaleGrantsError ? 'stale' : a.requestId))).toEqual([
      'mixed-1',
      'stale',
      'mixed-3',
      'mixed-4',
      'stale',
    ]);
    const appended = answers.filter((a): a is AppendedAccessLog => !(a instanceof StaleGrantsError));
    const rows = await chain(hub.orm);
    // On file: the three records in force, in batch order, each linked to the one before it.
    expect(rows.slice(before).map((r) => [r.id, r.requestId, r.previousHash, r.hash])).toEqual(
      appended.map((a) => [a.id, a.requestId, a.previousHash, a.hash]),
    );
    expect(appended[1]!.previousHash).toBe(appended[0]!.hash);
    expect(appended[2]!.previousHash).toBe(appended[1]!.hash);
    expectLinkedInIdOrder(rows);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: rows.length });
  });

  it('answers a batch whose records are all stale with no place in the chain', async () => {
    const before = await chain(hub.orm);
    const answers = await appendAccessLogBatch(hub.orm.em.fork(), [
      prepareAccessLog(accessLogColumns(entry('all-stale-1')), 'not the fingerprint'),
      prepareAccessLog(accessLogColumns(entry('all-stale-2')), 'not the fingerprint'),
    ]);
    expect(answers.map((a) => a instanceof StaleGrantsError)).toEqual([true, true]);
    expect(await chain(hub.orm)).toEqual(before);
  });

  it('answers concurrent governed reads once their records are written, one record each', async () => {
    const before = (await chain(hub.orm)).length;
    const ids = Array.from({ length: 12 }, (_, i) => `concurrent-read-${i}`);
    const answers = await Promise.all(ids.map((id) => governedRead(hub, hub.url, id)));
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    expect(answers.map((a) => a.body.data)).toEqual(
      ids.map(() => ({ enterprise: { uscc: USCC, taxArrears: { totalCount: expect.any(Number) } } })),
    );
    const rows = await chain(hub.orm);
    expect(
      rows
        .slice(before)
        .map((r) => r.requestId)
        .sort(),
    ).toEqual([...ids].sort());
    expectLinkedInIdOrder(rows);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: rows.length });
  });

  it('withholds every read of a batch that cannot be written, and serves again once it can', async () => {
    const before = (await chain(hub.orm)).length;
    await hub.orm.em.fork().execute('alter table audit_access_log rename to audit_access_log_away');
    let refused;
    try {
      refused = await Promise.all(
        Array.from({ length: 6 }, (_, i) => governedRead(hub, hub.url, `refused-read-${i}`)),
      );
    } finally {
      await hub.orm.em.fork().execute('alter table audit_access_log_away rename to audit_access_log');
    }
    expect(
      refused.map((a) => ({
        status: a.status,
        data: a.body.data,
        codes: a.body.errors?.map((e) => e.extensions?.code),
      })),
    ).toEqual(refused.map(() => ({ status: 500, data: undefined, codes: ['INTERNAL_SERVER_ERROR'] })));
    expect(await chain(hub.orm)).toHaveLength(before);
    // The same read, once the log can be written: answered and recorded.
    const served = await governedRead(hub, hub.url, 'served-again');
    expect(served.status).toBe(200);
    expect((await chain(hub.orm)).at(-1)?.requestId).toBe('served-again');
  });
});

describe('two hub instances on one PostgreSQL database', () => {
  let first: TestHub;
  let orm: HubOrm;
  let second: HubApp;
  let secondUrl: string;
  beforeAll(async () => {
    first = await startTestHub({ enterprises: 10, adminUrl: process.env.DATABASE_URL ?? LOCAL_POSTGRES_URL });
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: first.db.url! });
    orm = await createOrm(HUB, config);
    second = await buildApp({ hub: HUB, orm, config, log: createLogger(config) });
    secondUrl = await second.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await second?.http.close();
    await orm?.close(true);
    await first?.close();
  });

  it('build one chain from appenders in both instances appending at once, ids in chain order', async () => {
    const a = new AccessLogAppender(() => first.orm.em.fork(), { maxWaitMs: 1, maxBatch: 7 });
    const b = new AccessLogAppender(() => orm.em.fork(), { maxWaitMs: 1, maxBatch: 7 });
    const before = (await chain(orm)).length;
    const all = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 2 === 0 ? a : b).append(entry(`two-${i % 2 ? 'b' : 'a'}-${i}`)),
      ),
    );
    const rows = await chain(orm);
    expect(rows).toHaveLength(before + 60);
    expect(
      rows
        .slice(before)
        .map((r) => r.requestId)
        .sort(),
    ).toEqual(all.map((w) => w.requestId).sort());
    expectLinkedInIdOrder(rows);
    expect(await verifyChain(orm.em.fork())).toMatchObject({ ok: true, count: before + 60 });
  });

  it('build one chain from governed reads served by both instances at once', async () => {
    const before = (await chain(orm)).length;
    const ids = Array.from({ length: 40 }, (_, i) => `two-hubs-${i}`);
    const answers = await Promise.all(
      ids.map((id, i) => governedRead(first, i % 2 === 0 ? first.url : secondUrl, id)),
    );
    expect(answers.map((x) => x.status)).toEqual(ids.map(() => 200));
    const rows = await chain(first.orm);
    expect(
      rows
        .slice(before)
        .map((r) => r.requestId)
        .sort(),
    ).toEqual([...ids].sort());
    expectLinkedInIdOrder(rows);
    expect(await verifyChain(first.orm.em.fork())).toMatchObject({ ok: true, count: before + 40 });
  });
});
