import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { pino } from 'pino';
import { ACCESS_LOG_LOCK_KEY } from '../../src/audit/access-log.append.js';
import { mintToken } from '../../src/auth/authenticate.js';
import { generateApiKey } from '../../src/auth/api-keys/api-key.secret.js';
import { Purpose } from '../../src/auth/purpose.js';
import { loadConfig, type HubConfig } from '../../src/config/config.js';
import { migrate } from '../../src/db/bootstrap.js';
import { createOrm, poolStats, type HubOrm } from '../../src/db/orm.js';
import { openDatabase } from '../../src/db/startup.js';
import { MODULES } from '../../src/modules/index.js';
import { buildApp, type HubApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { seedDatabase } from '../../seeds/seed-database.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { createTestDatabase, LOCAL_POSTGRES_URL, type TestDatabase } from '../helpers/test-db.js';
import { grantEveryConditionalResource } from '../helpers/test-hub.js';
import { HUB } from '../../src/hub.js';

/*
 * A database outage, on PostgreSQL reached through a TCP proxy this test controls
 * (the shared server itself is never stopped). It runs on PostgreSQL in both test
 * runs: PGlite is in-process and has no outage to speak of.
 */
const ADMIN_URL = process.env.DATABASE_URL ?? LOCAL_POSTGRES_URL;
const USCC = '91350100M000100Y43';
const RETRY_AFTER = 7;

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

let db: TestDatabase;
let proxy: TcpProxy;
let orm: HubOrm;
let app: HubApp;
let url: string;
let config: HubConfig;
const logLines: { msg: string; attempt?: number }[] = [];

/** A pino logger whose lines the test can read. */
function capturingLogger() {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as (typeof logLines)[number]);
      done();
    },
  });
  return pino({ level: 'info' }, sink);
}

beforeAll(async () => {
  db = await createTestDatabase(ADMIN_URL, { fromTemplate: true });
  const direct = await createOrm(HUB, loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url! }));
  await migrate(direct);
  await seedDatabase(direct.em.fork(), MODULES, { enterprises: 3 });
  await grantEveryConditionalResource(direct, PRINCIPALS.reader.org);
  await direct.close(true);

  const upstream = new URL(db.url!);
  proxy = new TcpProxy(upstream.hostname, Number(upstream.port || 5432));
  await proxy.start();
  await proxy.stop(); // the port is chosen; the database is "not up yet"
  const viaProxy = new URL(db.url!);
  viaProxy.port = String(proxy.port);
  config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: viaProxy.toString(),
    DB_CONNECT_TIMEOUT_MS: '1000',
    DB_STATEMENT_TIMEOUT_MS: '1000',
    DB_STARTUP_WAIT_SECONDS: '60',
    RETRY_AFTER_SECONDS: String(RETRY_AFTER),
  });
}, 120_000);

afterAll(async () => {
  proxy?.thaw();
  await app?.http.close();
  await orm?.close(true);
  await proxy?.stop();
  await db?.drop();
});

const GOVERNED = `{ enterprise(uscc: "${USCC}") { name taxGrades { totalCount } } }`;
const UNGOVERNED = `{ enterprise(uscc: "${USCC}") { uscc name } }`;

async function post(query: string, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as never,
  };
}

/** One round of the load: a governed read, an ungoverned read, an API-key call and a mutation. */
async function round(): Promise<Answer[]> {
  const reader = { authorization: `Bearer ${await mintToken(config, PRINCIPALS.reader)}` };
  // The bank's own administrator: a key cannot outrank its issuer, so this write reaches the database.
  const admin = {
    authorization: `Bearer ${await mintToken(config, { ...PRINCIPALS.bank, sub: 'bank-admin', scopes: ['api-keys:manage'] })}`,
  };
  return Promise.all([
    post(GOVERNED, { ...reader, 'x-purpose': Purpose.CREDIT_ASSESSMENT }),
    post(UNGOVERNED, reader),
    // An unknown key is looked up in the database while the request's context is built.
    post(UNGOVERNED, { 'x-api-key': generateApiKey().key }),
    post(
      `mutation { createApiKey(input: { name: "k-${Math.random().toString(36).slice(2)}", organisation: "BANK_XM_001", kind: BANK, subject: "s" }) { key } }`,
      admin,
    ),
  ]);
}

async function rounds(n: number): Promise<Answer[]> {
  const all: Answer[] = [];
  for (let i = 0; i < n; i++) all.push(...(await Promise.all([round(), round()])).flat());
  return all;
}

function expectUnavailable(answers: readonly Answer[]): void {
  for (const answer of answers) {
    expect({ status: answer.status, retryAfter: answer.retryAfter, data: answer.body.data ?? null }).toEqual({
      status: 503,
      retryAfter: String(RETRY_AFTER),
      data: null,
    });
    expect(answer.body.errors?.map((e) => e.extensions)).toEqual([
      { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfter: RETRY_AFTER },
    ]);
  }
}

function expectServed(answers: readonly Answer[]): void {
  // The API-key call is refused as an unknown key (401) once the database answers again.
  expect(answers.map((a) => a.status).sort()).toEqual(
    answers.map((_, i) => (i % 4 === 2 ? 401 : 200)).sort(),
  );
  for (const answer of answers) {
    expect(answer.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('SERVICE_UNAVAILABLE');
  }
}

async function probe(path: '/healthz' | '/readyz') {
  const res = await fetch(`${url}${path}`);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

/** Retries (a bounded number of times) until the hub serves again; no timing is asserted. */
async function untilServed(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (
      (await post(UNGOVERNED, { authorization: `Bearer ${await mintToken(config, PRINCIPALS.reader)}` }))
        .status === 200
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the hub did not serve again');
}

describe('a database outage', () => {
  it('at start-up, a database that is not up yet is retried with a log line per try', async () => {
    const opening = openDatabase(HUB, config, capturingLogger());
    for (let i = 0; i < 200 && !logLines.some((l) => l.attempt === 2); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await proxy.start();
    orm = await opening;
    const retries = logLines.filter((l) => l.msg === 'the database is not reachable yet; retrying');
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries.slice(0, 2).map((l) => l.attempt)).toEqual([1, 2]);
    expect(await orm.em.fork().execute('select 1 as one')).toEqual([{ one: 1 }]);
    expect(poolStats(orm)).toMatchObject({ max: config.dbPoolMax });

    app = await buildApp({ hub: HUB, orm, config, log: createLogger(config) });
    url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });

  it('serves while the database is up; /readyz and /healthz are 200', async () => {
    expectServed(await rounds(3));
    expect(await probe('/readyz')).toEqual({
      status: 200,
      retryAfter: null,
      body: { status: 'ready', database: 'postgresql' },
    });
    expect((await probe('/healthz')).status).toBe(200);
  });

  it('a governed read whose record cannot be written in time is withheld: 503, no data', async () => {
    // Another session holds the lock that serialises appends, so the hub's append hits the statement timeout.
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(`select pg_advisory_xact_lock(${ACCESS_LOG_LOCK_KEY})`);
      const reader = { authorization: `Bearer ${await mintToken(config, PRINCIPALS.reader)}` };
      const governed = await post(GOVERNED, { ...reader, 'x-purpose': Purpose.CREDIT_ASSESSMENT });
      // The same shape without the governed field needs no record and is answered.
      const ungoverned = await post(UNGOVERNED, reader);
      await holder.query('rollback');
      expect({ status: governed.status, retryAfter: governed.retryAfter, data: governed.body.data }).toEqual({
        status: 503,
        retryAfter: String(RETRY_AFTER),
        data: undefined,
      });
      expect(governed.body.errors).toEqual([
        {
          message:
            'The service is temporarily unavailable: the access could not be recorded, so no data was served. Retry later.',
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfter: RETRY_AFTER },
        },
      ]);
      expect(ungoverned.status).toBe(200);
    } finally {
      await holder.end();
    }
  });

  it('stopped under load: every response is 503 SERVICE_UNAVAILABLE with Retry-After, never 500', async () => {
    const inFlight = rounds(3);
    await proxy.stop();
    const during = await inFlight;
    // Operations answered before the stop may be served; the rest are 503. None is a 500,
    // and none is a 200 carrying an error.
    const codes = (a: Answer) => (a.body.errors ?? []).map((e) => e.extensions?.code);
    for (const answer of during) {
      if (answer.status === 503) expectUnavailable([answer]);
      else if (answer.status === 401) expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
      else expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 200, codes: [] });
    }
    expectUnavailable(await rounds(3));
  });

  it('during the outage /readyz is 503 with Retry-After and /healthz (liveness) stays 200', async () => {
    expect(await probe('/readyz')).toEqual({
      status: 503,
      retryAfter: String(RETRY_AFTER),
      body: { status: 'unavailable', database: 'postgresql', reason: 'the database cannot be reached' },
    });
    expect(await probe('/healthz')).toEqual({
      status: 200,
      retryAfter: null,
      body: { status: 'ok', database: 'postgresql' },
    });
  });

  it('started again: served again without a restart, /readyz 200', async () => {
    await proxy.start();
    await untilServed();
    expectServed(await rounds(3));
    expect((await probe('/readyz')).status).toBe(200);
  });

  it('frozen: answered 503 by the hub itself while the database still hangs', async () => {
    proxy.freeze();
    const started = performance.now();
    // Only one round: each operation's connection waits out a timeout before it is given up on.
    const answers = await round();
    const readyz = await probe('/readyz');
    const millis = Math.round(performance.now() - started);
    // Still frozen here: nothing but the hub's own timeouts can have ended these requests.
    proxy.thaw();
    expectUnavailable(answers);
    expect(readyz.status).toBe(503);
    process.stdout.write(`frozen database: 503 after ${millis} ms (connect/statement timeouts 1000 ms)\n`);
    await untilServed();
    expectServed(await rounds(1));
  });
});
