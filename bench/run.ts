import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { mintToken } from '../src/auth/authenticate.js';
import { PrincipalKind } from '../src/auth/principal.js';
import { Purpose } from '../src/auth/purpose.js';
import { loadConfig } from '../src/config/config.js';
import { isEmpty, migrate } from '../src/db/bootstrap.js';
import { createOrm, describeDatabase } from '../src/db/orm.js';
import { QueryCounter } from '../src/db/query-counter.js';
import { MODULES } from '../src/modules/index.js';
import { buildApp } from '../src/server/app.js';
import { unlockBenchmarkWithoutAuthorization } from '../src/server/benchmark-switch.js';
import { createLogger } from '../src/server/logger.js';
import { grantEveryConditionalResource, seedGovernance } from '../seeds/governance.js';
import { seedDatabase } from '../seeds/seed-database.js';
import { runIngestBench } from './ingest-run.js';
import { scenarios, type Scenario } from './scenarios.js';
import { summarise, type Summary } from './stats.js';
import { costAnalysisMicros, heavyLoad } from './limits.js';
import { limitsPolicy } from '../src/server/limits/policy.js';

/**
 * Runs each scenario against two hubs started in this process on the configured
 * database (DATABASE_URL, or PGlite in PGLITE_DIR), over real HTTP on loopback:
 * one with authorisation (shield rules, masking, access log) and one without,
 * requests interleaved so both see the same cache and load. Loops are bounded
 * by count; nothing here is a pass/fail test.
 */
const { values } = parseArgs({
  options: {
    scenario: { type: 'string', multiple: true },
    requests: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '5' },
    enterprises: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    'load-clients': { type: 'string', default: '30' },
    'load-seconds': { type: 'string', default: '20' },
    // Page sizes the heavy clients ask for, one load run each: 1000 is refused on cost, 200 runs.
    'load-first': { type: 'string', multiple: true },
  },
});
function positiveInteger(option: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${option} must be a positive integer, got ${JSON.stringify(value)}\n`);
    process.exit(2);
  }
  return n;
}
const requests = positiveInteger('requests', values.requests);
const warmup = Number(values.warmup);
// Measured as deployed: production mode (graphql-js skips its development
// checks), with a throwaway token secret since the benchmark mints its own tokens.
const config = loadConfig({
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
process.env.NODE_ENV = config.nodeEnv;
const counter = new QueryCounter();
const orm = await createOrm(config, { loggerFactory: counter.loggerFactory });
await migrate(orm);
if (await isEmpty(orm)) {
  process.stderr.write(`seeding ${values.enterprises} enterprises for the benchmark...\n`);
  await seedDatabase(orm.em.fork(), MODULES, { enterprises: Number(values.enterprises) });
  await seedGovernance(orm.em.fork());
}
// The benchmark caller holds agreements for every conditional resource, so the
// authorised run reads (and logs) conditional data rather than being denied it.
const BENCH_ORG = 'BENCH_BANK';
const [granted] = await orm.em
  .fork()
  .execute<
    { n: string }[]
  >('select count(*) as n from auth_sharing_agreement where consumer_org = ?', [BENCH_ORG]);
if (Number(granted?.n ?? 0) === 0) await grantEveryConditionalResource(orm.em.fork(), BENCH_ORG);
const token = await mintToken(config, { sub: 'bench', org: BENCH_ORG, kind: PrincipalKind.BANK }, '2h');
const headers = {
  'content-type': 'application/json',
  authorization: `Bearer ${token}`,
  'x-purpose': Purpose.CREDIT_ASSESSMENT,
};

const log = createLogger(config);
const on = await buildApp({ orm, config, log });
// This entry alone may build an app with the rules off (see src/server/benchmark-switch.ts).
unlockBenchmarkWithoutAuthorization();
const off = await buildApp({ orm, config, log, benchmarkWithoutAuthorization: true });
const urls = {
  on: await on.http.listen({ port: 0, host: '127.0.0.1' }),
  off: await off.http.listen({ port: 0, host: '127.0.0.1' }),
};
const [row] = await orm.em.fork().execute<{ n: string }[]>('select count(*) as n from registry_enterprise');
process.stdout.write(
  `database: ${describeDatabase(config)} with ${row?.n ?? 0} enterprises; ${requests} timed requests per scenario and mode\n\n`,
);

async function post(base: string, body: unknown): Promise<void> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) });
  const json = (await res.json()) as { errors?: unknown[] };
  if (json.errors) throw new Error(`scenario returned errors: ${JSON.stringify(json.errors).slice(0, 500)}`);
}

interface ModeResult extends Summary {
  readonly statements: number;
}

async function run(scenario: Scenario): Promise<{ on: ModeResult; off: ModeResult }> {
  for (let i = 0; i < warmup; i++) {
    await post(urls.on, scenario.body(i));
    await post(urls.off, scenario.body(i));
  }
  const statements = { on: 0, off: 0 };
  for (const mode of ['on', 'off'] as const) {
    counter.reset();
    await post(urls[mode], scenario.body(0));
    statements[mode] = counter.count;
  }
  const times = { on: [] as number[], off: [] as number[] };
  const wall = { on: 0, off: 0 };
  for (let i = 0; i < requests; i++) {
    // Alternate which mode goes first so neither always gets the warmer cache.
    const order = i % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    for (const mode of order) {
      const t = performance.now();
      await post(urls[mode], scenario.body(i));
      const took = performance.now() - t;
      times[mode].push(took);
      wall[mode] += took;
    }
  }
  return {
    on: { ...summarise(times.on, wall.on), statements: statements.on },
    off: { ...summarise(times.off, wall.off), statements: statements.off },
  };
}

const fmt = (n: number) => n.toFixed(1).padStart(7);
// A spread-out sample of enterprises (every n-th by USCC), the same for every run.
const sample = (
  await orm.em
    .fork()
    .execute<
      { uscc: string }[]
    >('select uscc from (select uscc, row_number() over (order by uscc) as n from registry_enterprise) s ' + 'where n % greatest(1, (select count(*) from registry_enterprise) / 1000) = 0 order by uscc limit 1000')
).map((r) => r.uscc);
const all = scenarios(sample);
const chosen = values.scenario?.length ? all.filter((s: Scenario) => values.scenario!.includes(s.name)) : all;
process.stdout.write(
  `${'scenario'.padEnd(28)} ${'mode'.padEnd(5)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'SQL'.padStart(4)}\n`,
);
const p50On = new Map<string, number>();
for (const scenario of chosen) {
  const r = await run(scenario);
  p50On.set(scenario.name, r.on.p50);
  for (const mode of ['off', 'on'] as const) {
    const m = r[mode];
    process.stdout.write(
      `${scenario.name.padEnd(28)} ${mode.padEnd(5)} ${fmt(m.reqPerSec)} ${fmt(m.p50)} ${fmt(m.p99)} ${String(m.statements).padStart(4)}\n`,
    );
  }
  if (scenario.raw) {
    const rawTimes: number[] = [];
    let rawWall = 0;
    for (let i = 0; i < requests + warmup; i++) {
      const { sql, params } = scenario.raw(i);
      const t = performance.now();
      const rows = await orm.em.fork().execute<{ result: unknown }[]>(sql, params);
      // Serialising to JSON text is part of answering, as the hub does.
      JSON.stringify(rows[0]?.result);
      const took = performance.now() - t;
      if (i >= warmup) {
        rawTimes.push(took);
        rawWall += took;
      }
    }
    const raw = summarise(rawTimes, rawWall);
    process.stdout.write(
      `${scenario.name.padEnd(28)} ${'raw'.padEnd(5)} ${fmt(raw.reqPerSec)} ${fmt(raw.p50)} ${fmt(raw.p99)}    1   hand-written SQL returning the same data as JSON\n` +
        `${scenario.name.padEnd(28)} hub/raw p50 ratio: ${(r.on.p50 / raw.p50).toFixed(2)} (target <= 2)\n`,
    );
  }
  const overhead = (r.on.p50 / r.off.p50 - 1) * 100;
  const meanOverhead = (r.off.reqPerSec / r.on.reqPerSec - 1) * 100;
  process.stdout.write(
    `${scenario.name.padEnd(28)} authorisation overhead: p50 ${overhead.toFixed(1)} %, mean ${meanOverhead.toFixed(1)} % (target <= 15 %)\n\n`,
  );
}
/**
 * Throughput of small governed operations from many clients at once. Each one
 * appends an access-log record; records are written in group-commit batches
 * (src/audit/access-log.appender.ts) that still form one chain under one lock,
 * so this shows what the log costs the hub; the "off" hub writes none.
 */
async function concurrentThroughput(mode: 'on' | 'off', clients: number, perClient: number): Promise<number> {
  const body = (i: number) => ({
    query:
      'query LoggedRead($uscc: USCC!) { enterprise(uscc: $uscc) { uscc taxGrades(first: 1) { totalCount } } }',
    variables: { uscc: sample[i % sample.length] },
  });
  const t = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) await post(urls[mode], body(c * perClient + i));
    }),
  );
  return (clients * perClient) / ((performance.now() - t) / 1000);
}

if (!values.scenario?.length || values.scenario.includes('concurrent-logged-reads')) {
  const clients = positiveInteger('concurrency', values.concurrency);
  const perClient = Math.max(1, Math.ceil((requests * 5) / clients));
  await concurrentThroughput('on', clients, 2);
  await concurrentThroughput('off', clients, 2);
  const logCount = async () =>
    Number(
      (await orm.em.fork().execute<{ n: string }[]>('select count(*) as n from audit_access_log'))[0]!.n,
    );
  const logBefore = await logCount();
  // on, off, off, on: neither mode always runs on the warmer cache.
  const rates = { on: [] as number[], off: [] as number[] };
  for (const mode of ['on', 'off', 'off', 'on'] as const)
    rates[mode].push(await concurrentThroughput(mode, clients, perClient));
  const appended = (await logCount()) - logBefore;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [onRate, offRate] = [mean(rates.on), mean(rates.off)];
  process.stdout.write(
    `${'concurrent-logged-reads'.padEnd(28)} ${clients} clients x ${perClient} small conditional reads: ` +
      `${offRate.toFixed(0)} ops/s off, ${onRate.toFixed(0)} ops/s on ` +
      `(${appended} access-log records appended)\n`,
  );
}

// Operation limits: the cost analysis every request pays, against the hub's p50.
const policy = limitsPolicy(config);
for (const name of ['page-of-200-all-domains', 'portfolio-1000']) {
  const scenario = all.find((s) => s.name === name)!;
  const { perRequest, shapeOnce } = costAnalysisMicros(
    on.schema,
    policy,
    config.defaultPageSize,
    scenario.body(0),
  );
  const p50 = p50On.get(name);
  process.stdout.write(
    `${name.padEnd(28)} cost analysis: ${perRequest.toFixed(0)} µs per request` +
      (p50
        ? ` = ${((perRequest / 1000 / p50) * 100).toFixed(2)} % of p50 ${p50.toFixed(1)} ms (target < 3 %)`
        : '') +
      `; shape check once per document ${shapeOnce.toFixed(0)} µs\n`,
  );
}

if (!values.scenario?.length || values.scenario.includes('heavy-load')) {
  const clients = positiveInteger('load-clients', values['load-clients']);
  const seconds = positiveInteger('load-seconds', values['load-seconds']);
  const heavyToken = (c: number) =>
    mintToken(config, { sub: `bench-heavy-${c}`, org: BENCH_ORG, kind: PrincipalKind.BANK }, '2h');
  const smallToken = await mintToken(
    config,
    { sub: 'bench-small', org: BENCH_ORG, kind: PrincipalKind.BANK },
    '2h',
  );
  for (const first of (values['load-first'] ?? ['1000', '200']).map((f) =>
    positiveInteger('load-first', f),
  )) {
    const load = await heavyLoad({
      url: urls.on,
      clients,
      seconds,
      heavyHeaders: async (c) => ({ ...headers, authorization: `Bearer ${await heavyToken(c)}` }),
      smallHeaders: { ...headers, authorization: `Bearer ${smallToken}` },
      heavyBody: {
        query: all.find((s) => s.name === 'page-of-200-all-domains')!.body(0).query,
        variables: { first },
      },
      smallBody: {
        query: 'query One($uscc: USCC!) { enterprise(uscc: $uscc) { name } }',
        variables: { uscc: sample[0] },
      },
    });
    process.stdout.write(
      `${'heavy-load'.padEnd(28)} ${clients} clients asking for pages of ${first} with every list for ${seconds} s: ` +
        `${load.heavy.answered} answered, ${load.heavy.rateLimited} RATE_LIMITED, ${load.heavy.other} other errors ${JSON.stringify(load.heavy.codes)}\n` +
        `${'heavy-load'.padEnd(28)} one-field request: p50 ${load.small.p50.toFixed(0)} ms, p99 ${load.small.p99.toFixed(0)} ms, max ${load.small.max.toFixed(0)} ms (${load.small.count} requests; target < 1000 ms)\n` +
        `${'heavy-load'.padEnd(28)} /healthz: p50 ${load.healthz.p50.toFixed(0)} ms, p99 ${load.healthz.p99.toFixed(0)} ms, max ${load.healthz.max.toFixed(0)} ms (${load.healthz.count} requests; target < 1000 ms)\n`,
    );
  }
}

await on.http.close();
await off.http.close();
await orm.close(true);

// Bulk ingestion, in a process of its own (bench/ingest-run.ts); `--scenario ingest` runs it alone.
if (!values.scenario?.length || values.scenario.includes('ingest')) await runIngestBench();
