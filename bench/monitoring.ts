import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { mintToken } from '../src/auth/authenticate.js';
import { PrincipalKind } from '../src/auth/principal.js';
import { completeUscc } from '../src/common/uscc.js';
import { loadConfig } from '../src/config/config.js';
import { migrate } from '../src/db/bootstrap.js';
import { createOrm } from '../src/db/orm.js';
import { buildApp } from '../src/server/app.js';
import { createLogger } from '../src/server/logger.js';
import { grantEveryConditionalResource } from '../seeds/governance.js';
import { summarise } from './stats.js';
import { HUB } from '../src/hub.js';

/**
 * Portfolio monitoring: a bank watches a portfolio of `--portfolio` codes (all
 * registered enterprises) and holds a graphql-ws subscription on it; penalties
 * are ingested in chunks of `--chunk` through the `ingest` mutation, each chunk
 * one transaction whose profile recompute writes the events (outbox triggers).
 *
 * Reports the delay from a chunk's committed answer (the mutation's response,
 * sent after its commit) to the subscriber receiving each of its events, p50 and
 * p99 (negative: the event arrived before the response did), and the event
 * throughput. The outbox trigger's cost on ingestion is timed by ingesting
 * alternate chunks with the trigger disabled (same work, no events), so the two
 * are timed under the same load. Runs on a fresh PostgreSQL database made from
 * DATABASE_URL and dropped afterwards. Not a test: nothing passes or fails.
 */
const { values } = parseArgs({
  options: {
    portfolio: { type: 'string', default: '100000' },
    chunk: { type: 'string', default: '1000' },
    chunks: { type: 'string', default: '20' },
  },
});
const size = Number(values.portfolio);
const chunk = Number(values.chunk);
const chunks = Number(values.chunks);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write(
    'bench:monitoring needs DATABASE_URL (a PostgreSQL server to create a scratch database on)\n',
  );
  process.exit(2);
}
const run = promisify(execFile);
const name = `hub_bench_monitoring_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database "${name}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const config = loadConfig({
  ...process.env,
  DATABASE_URL: url.toString(),
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(32).toString('hex'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
const orm = await createOrm(HUB, config);
const uscc = (i: number) => completeUscc(`91350200MC${String(i).padStart(6, '0')}`);

try {
  await migrate(orm);
  const app = await buildApp({ hub: HUB, orm, config, log: createLogger(config) });
  const base = await app.http.listen({ port: 0, host: '127.0.0.1' });
  const department = await mintToken(config, {
    sub: 'bench',
    org: 'MARKET_REGULATION',
    kind: PrincipalKind.DEPARTMENT,
  });
  const bank = { sub: 'engine', org: 'BANK_BENCH', kind: PrincipalKind.BANK } as const;
  const bankToken = await mintToken(config, bank);
  await grantEveryConditionalResource(orm.em.fork(), bank.org);
  const gql = async <T>(
    token: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data!;
  };

  let started = process.hrtime.bigint();
  const client = fileURLToPath(new URL('./ingest-client.js', import.meta.url));
  await run(process.execPath, [client, base, department, 'Enterprise', String(size), String(size)], {
    maxBuffer: 1 << 24,
  });
  const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
  process.stdout.write(`registered ${size} enterprises in ${seconds(started).toFixed(1)} s\n`);

  const { createPortfolio } = await gql<{ createPortfolio: { id: string } }>(
    bankToken,
    'mutation { createPortfolio(input: { name: "bench book", purpose: CREDIT_ASSESSMENT }) { id } }',
  );
  started = process.hrtime.bigint();
  for (let i = 0; i < size; i += 10_000) {
    const codes = Array.from({ length: Math.min(10_000, size - i) }, (_, k) => uscc(i + k));
    await gql(
      bankToken,
      'mutation ($id: ID!, $u: [String!]!) { addToPortfolio(id: $id, usccs: $u) { accepted } }',
      {
        id: createPortfolio.id,
        u: codes,
      },
    );
  }
  const addSeconds = seconds(started);
  process.stdout.write(
    `portfolio of ${size} codes added in batches of 10,000: ${(size / addSeconds).toFixed(0)} codes/s\n`,
  );

  // The subscriber: records when each enterprise's penalty event arrives.
  const arrivals = new Map<string, number>();
  let waiting: { want: Set<string>; resolve: () => void } | undefined;
  const ws = createClient({
    url: `${base.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${bankToken}` },
  });
  let received = 0;
  ws.subscribe<{ riskEventAdded: { uscc: string; kind: string; signalCode: string | null } }>(
    {
      query: 'subscription ($p: ID!) { riskEventAdded(portfolio: $p) { uscc kind signalCode } }',
      variables: { p: createPortfolio.id },
    },
    {
      next: (v) => {
        const e = v.data?.riskEventAdded;
        if (!e) return;
        received++;
        if (e.kind !== 'SIGNAL_RAISED' || e.signalCode !== 'ADMIN_PENALTY') return;
        arrivals.set(e.uscc, performance.now());
        if (waiting && [...waiting.want].every((u) => arrivals.has(u))) waiting.resolve();
      },
      error: (err) => process.stderr.write(`subscription error: ${JSON.stringify(err)}\n`),
      complete: () => {},
    },
  );
  await new Promise((r) => setTimeout(r, 500));

  const penalty = (i: number) => ({
    sourceRecordId: `P-${i}`,
    asOf: '2026-12-01',
    uscc: uscc(i),
    decisionNumber: `厦市监罚〔2026〕${i}号`,
    decisionDate: '2026-11-20',
    authority: 'Xiamen AMR',
    penaltyType: 'FINE',
    severity: 'GENERAL',
    reason: 'Benchmark violation',
    amount: 1000,
    publicityEndDate: '2027-11-20',
  });
  const ingest = (from: number) =>
    gql(
      department,
      'mutation ($r: [JSONObject!]!) { ingest(recordType: AdministrativePenalty, records: $r) { rejected } }',
      {
        r: Array.from({ length: chunk }, (_, k) => penalty(from + k)),
      },
    );
  const trigger = (on: boolean) =>
    orm.em
      .fork()
      .execute(`alter table risk_profile ${on ? 'enable' : 'disable'} trigger monitoring_profile_events`);

  const delays: number[] = [];
  const withEvents: number[] = [];
  const withoutEvents: number[] = [];
  let next = 0;
  const wallStart = performance.now();
  let eventMillis = 0;
  for (let c = 0; c < chunks; c++) {
    // Baseline chunk: the same ingestion with the outbox trigger off (no events).
    await trigger(false);
    let t = performance.now();
    await ingest(next);
    withoutEvents.push(performance.now() - t);
    next += chunk;
    await trigger(true);
    const want = new Set(Array.from({ length: chunk }, (_, k) => uscc(next + k)));
    const all = new Promise<void>((resolve) => (waiting = { want, resolve }));
    t = performance.now();
    const sent = performance.now();
    await ingest(next);
    const committed = performance.now();
    withEvents.push(committed - t);
    await Promise.race([all, new Promise((r) => setTimeout(r, 60_000))]);
    eventMillis += performance.now() - sent;
    for (const u of want) {
      const at = arrivals.get(u);
      if (at !== undefined) delays.push(at - committed);
    }
    next += chunk;
  }
  const wall = performance.now() - wallStart;
  const d = summarise(delays, wall);
  const on = summarise(withEvents, wall);
  const off = summarise(withoutEvents, wall);
  process.stdout.write(
    `delay from a committed chunk of ${chunk} to the subscriber receiving its events, portfolio of ${size}: ` +
      `p50 ${d.p50.toFixed(1)} ms, p99 ${d.p99.toFixed(1)} ms, max ${d.max.toFixed(1)} ms ` +
      `(${d.count} of ${chunk * chunks} penalty events received)\n`,
  );
  process.stdout.write(
    `event throughput: ${received} events pushed, ${((chunk * chunks) / (eventMillis / 1000)).toFixed(0)} penalty events/s ` +
      'from sending a chunk to receiving its last event\n',
  );
  process.stdout.write(
    `ingestion of a chunk, timed alternately: with the outbox trigger p50 ${on.p50.toFixed(0)} ms, without ` +
      `p50 ${off.p50.toFixed(0)} ms (ratio ${(on.p50 / off.p50).toFixed(2)})\n`,
  );
  await ws.dispose();
  await app.http.close();
} finally {
  await orm.close(true);
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
