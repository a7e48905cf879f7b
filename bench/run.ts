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
import {
  runHubMemoryBench,
  runHubThroughputBench,
  runIngestBench,
  runMonitoringBench,
} from './ingest-run.js';
import { canonicalJson, firstDifference } from './canonical.js';
import { profileQuery, scenarios, type Scenario } from './scenarios.js';
import { withoutConditionalData } from './selection.js';
import { formatSpread, spread, summarise, type Summary } from './stats.js';
import { costAnalysisMicros, heavyLoad } from './limits.js';
import { limitsPolicy } from '../src/server/limits/policy.js';
import { HUB } from '../src/hub.js';

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
    // BENCH_ENTERPRISES sets the seed of an empty database too (100000 for the issue's run).
    enterprises: { type: 'string', default: process.env.BENCH_ENTERPRISES ?? '2000' },
    concurrency: { type: 'string', default: '16' },
    // Connections of the concurrent profile and page scenarios, one run each.
    connections: { type: 'string', multiple: true },
    'profiles-per-client': { type: 'string', default: '50' },
    'pages-per-client': { type: 'string', default: '2' },
    // concurrent-logged-reads: reads per client in each pass, and on/off rounds.
    'logged-reads-per-client': { type: 'string', default: '40' },
    'logged-rounds': { type: 'string', default: '10' },
    // Quiet time after the load before its RSS is read (V8 gives pages back when idle).
    'settle-seconds': { type: 'string', default: '10' },
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
  // The bench's own principals (not the heavy-load clients) are timed, not metered.
  RATE_LIMIT_OVERRIDES:
    process.env.RATE_LIMIT_OVERRIDES ??
    ['bench', ...Array.from({ length: 64 }, (_, c) => `bench-c${c}`)]
      .map((sub) => `BENCH_BANK/${sub}=999999999999`)
      .join(','),
});
process.env.NODE_ENV = config.nodeEnv;
const counter = new QueryCounter();
// Recorded only while a statement count is taken (a long run would otherwise hold every statement).
counter.paused = true;
const orm = await createOrm(HUB, config, { loggerFactory: counter.loggerFactory });
await migrate(orm);
const seeded = await isEmpty(orm);
if (seeded) {
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
const on = await buildApp({ hub: HUB, orm, config, log });
// This entry alone may build an app with the rules off (see src/server/benchmark-switch.ts).
unlockBenchmarkWithoutAuthorization();
const off = await buildApp({ hub: HUB, orm, config, log, benchmarkWithoutAuthorization: true });
const urls = {
  on: await on.http.listen({ port: 0, host: '127.0.0.1' }),
  off: await off.http.listen({ port: 0, host: '127.0.0.1' }),
};
const [row] = await orm.em.fork().execute<{ n: string }[]>('select count(*) as n from registry_enterprise');
process.stdout.write(
  `database: ${describeDatabase(config)} with ${row?.n ?? 0} enterprises; ${requests} timed requests per scenario and mode\n\n`,
);

/** Sends one operation and returns its `data`; an answer with errors stops the bench. */
async function post(base: string, body: unknown, hdrs: Record<string, string> = headers): Promise<unknown> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: hdrs, body: JSON.stringify(body) });
  return checked(await res.text());
}

function checked(text: string): unknown {
  const json = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (json.errors) throw new Error(`scenario returned errors: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return json.data;
}

/** The answer's text is read inside the timed span; parsing it (a client's work) is not. */
async function timedPost(base: string, body: unknown): Promise<{ ms: number; text: string }> {
  const t = performance.now();
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  return { ms: performance.now() - t, text };
}

async function countStatements(send: () => Promise<unknown>): Promise<number> {
  counter.reset();
  counter.paused = false;
  try {
    await send();
    return counter.count;
  } finally {
    counter.paused = true;
    counter.reset();
  }
}

const rss = () => {
  const m = process.memoryUsage();
  const mb = (n: number) => (n / 2 ** 20).toFixed(0);
  return `RSS ${mb(m.rss)} MB (heap ${mb(m.heapUsed)} used of ${mb(m.heapTotal)}, external ${mb(m.external)}, array buffers ${mb(m.arrayBuffers)})`;
};

interface ModeResult extends Summary {
  readonly statements: number;
  /** This process's CPU (hub and client side; not the database's) per request, µs. */
  readonly cpuMicros: number;
}

async function run(scenario: Scenario): Promise<{ on: ModeResult; off: ModeResult; ratios: number[] }> {
  for (let i = 0; i < warmup; i++) {
    await post(urls.on, scenario.body(i));
    await post(urls.off, scenario.body(i));
  }
  const statements = { on: 0, off: 0 };
  for (const mode of ['on', 'off'] as const)
    statements[mode] = await countStatements(() => post(urls[mode], scenario.body(0)));
  const times = { on: [] as number[], off: [] as number[] };
  const wall = { on: 0, off: 0 };
  const cpu = { on: 0, off: 0 };
  const ratios: number[] = [];
  for (let i = 0; i < requests; i++) {
    // Alternate which mode goes first so neither always gets the warmer cache.
    const order = i % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    for (const mode of order) {
      const before = process.cpuUsage();
      const { ms, text } = await timedPost(urls[mode], scenario.body(i));
      const used = process.cpuUsage(before);
      cpu[mode] += used.user + used.system;
      checked(text);
      times[mode].push(ms);
      wall[mode] += ms;
    }
    ratios.push(times.on.at(-1)! / times.off.at(-1)!);
  }
  return {
    ratios,
    on: { ...summarise(times.on, wall.on), statements: statements.on, cpuMicros: cpu.on / requests },
    off: { ...summarise(times.off, wall.off), statements: statements.off, cpuMicros: cpu.off / requests },
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
// Before any scenario: the figure the memory after the load is compared with.
const idle = rss();
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
  const overhead = (r.on.p50 / r.off.p50 - 1) * 100;
  const meanOverhead = (r.off.reqPerSec / r.on.reqPerSec - 1) * 100;
  process.stdout.write(
    `${scenario.name.padEnd(28)} authorisation overhead: p50 ${overhead.toFixed(1)} %, mean ${meanOverhead.toFixed(1)} % (target <= 15 %); ` +
      `on/off per round min / median / max ${formatSpread(spread(r.ratios))}; ` +
      `bench process CPU per request ${r.off.cpuMicros.toFixed(0)} µs off, ${r.on.cpuMicros.toFixed(0)} µs on\n\n`,
  );
}

/**
 * Hub against its hand-written SQL (bench/baseline-sql.ts): every request of the
 * timed rounds is first answered by both and compared (canonical JSON, sorted
 * keys); any difference stops the bench. Then, round by round, hub and SQL are
 * timed one after the other, alternating which goes first.
 */
async function sqlBaseline(scenario: Scenario): Promise<void> {
  const baseline = scenario.baseline!;
  const sqlText = async (i: number): Promise<string> => {
    const { sql, params } = baseline(i);
    const rows = await orm.em.fork().execute<{ result: string }[]>(sql, [...params]);
    return rows[0]!.result;
  };
  for (let i = 0; i < requests; i++) {
    const hub = await post(urls.on, scenario.body(i));
    const sql: unknown = JSON.parse(await sqlText(i));
    if (canonicalJson(hub) !== canonicalJson(sql)) {
      process.stderr.write(
        `${scenario.name}: the hand-written SQL does not return what the hub does (request ${i}): ${firstDifference(hub, sql)}\n`,
      );
      process.exit(1);
    }
  }
  const bytes = Buffer.byteLength(await sqlText(0));
  const times = { hub: [] as number[], sql: [] as number[] };
  const ratios: number[] = [];
  for (let i = 0; i < requests; i++) {
    const order = i % 2 === 0 ? (['hub', 'sql'] as const) : (['sql', 'hub'] as const);
    for (const side of order) {
      if (side === 'hub') {
        const { ms, text } = await timedPost(urls.on, scenario.body(i));
        checked(text);
        times.hub.push(ms);
      } else {
        const t = performance.now();
        await sqlText(i);
        times.sql.push(performance.now() - t);
      }
    }
    ratios.push(times.hub.at(-1)! / times.sql.at(-1)!);
  }
  const hub = spread(times.hub);
  const sql = spread(times.sql);
  process.stdout.write(
    `${scenario.name.padEnd(28)} hub vs one hand-written SQL statement (same JSON, ${bytes} bytes, checked on ${requests} requests): ` +
      `p50 hub ${hub.median.toFixed(1)} ms, SQL ${sql.median.toFixed(1)} ms, ratio of p50s ${(hub.median / sql.median).toFixed(2)}; ` +
      `per-round hub/SQL min / median / max ${formatSpread(spread(ratios))}\n`,
  );
}

const withBaseline = chosen.filter((s) => s.baseline);
if (withBaseline.length) process.stdout.write('\n');
for (const scenario of withBaseline) await sqlBaseline(scenario);

/**
 * Throughput of the profile and the page from many clients at once (each client
 * its own principal of the same bank, so the per-principal concurrency cap does
 * not stand in for the hub's own cost), with the full selection (conditional data:
 * one access-log record per request) and with its conditional fields removed (no record).
 */
async function concurrentScenario(
  name: string,
  connections: number,
  perClient: number,
  body: (i: number) => { query: string; variables: Record<string, unknown> },
): Promise<void> {
  const clientHeaders = await Promise.all(
    Array.from({ length: connections }, async (_, c) => ({
      ...headers,
      authorization: `Bearer ${await mintToken(config, { sub: `bench-c${c}`, org: BENCH_ORG, kind: PrincipalKind.BANK }, '2h')}`,
    })),
  );
  const without = withoutConditionalData(on.schema, body(0).query);
  const variants = {
    with: body,
    without: (i: number) => ({ query: without, variables: body(i).variables }),
  };
  const once = async (variant: 'with' | 'without', count: number) => {
    const latencies: number[] = [];
    const t = performance.now();
    await Promise.all(
      clientHeaders.map(async (hdrs, c) => {
        for (let i = 0; i < count; i++) {
          const s = performance.now();
          await post(urls.on, variants[variant](c * count + i), hdrs);
          latencies.push(performance.now() - s);
        }
      }),
    );
    return summarise(latencies, performance.now() - t);
  };
  await once('with', 1);
  await once('without', 1);
  const logBefore = await logCount();
  const results = { with: [] as Summary[], without: [] as Summary[] };
  for (const variant of ['with', 'without', 'without', 'with'] as const)
    results[variant].push(await once(variant, perClient));
  const appended = (await logCount()) - logBefore;
  const rate = (xs: Summary[]) => xs.reduce((a, x) => a + x.reqPerSec, 0) / xs.length;
  const p50 = (xs: Summary[]) => spread(xs.map((x) => x.p50)).median;
  process.stdout.write(
    `${name.padEnd(28)} ${String(connections).padStart(2)} connections x ${perClient} (twice each, alternating): ` +
      `with conditional data ${rate(results.with).toFixed(1)} req/s (p50 ${p50(results.with).toFixed(0)} ms), ` +
      `without ${rate(results.without).toFixed(1)} req/s (p50 ${p50(results.without).toFixed(0)} ms); ` +
      `with/without ${((rate(results.with) / rate(results.without)) * 100).toFixed(0)} %; ${appended} access-log records\n`,
  );
}

async function logCount(): Promise<number> {
  const rows = await orm.em.fork().execute<{ n: string }[]>('select count(*) as n from audit_access_log');
  return Number(rows[0]!.n);
}

const connectionCounts = (values.connections ?? ['8', '16']).map((c) => positiveInteger('connections', c));
const concurrent = [
  {
    name: 'concurrent-profile',
    perClient: positiveInteger('profiles-per-client', values['profiles-per-client']),
    body: (i: number) => ({ query: profileQuery(), variables: { uscc: sample[i % sample.length] } }),
  },
  {
    name: 'concurrent-page-of-200',
    perClient: positiveInteger('pages-per-client', values['pages-per-client']),
    body: () => all.find((s) => s.name === 'page-of-200-all-domains')!.body(0),
  },
];
if (concurrent.some((c) => !values.scenario?.length || values.scenario.includes(c.name)))
  process.stdout.write('\n');
for (const c of concurrent) {
  if (values.scenario?.length && !values.scenario.includes(c.name)) continue;
  for (const n of connectionCounts) await concurrentScenario(c.name, n, c.perClient, c.body);
}
/**
 * Throughput of small governed operations from many clients at once. Each one
 * appends an access-log record; records are written in group-commit batches
 * (src/audit/access-log.appender.ts) that still form one chain under one lock,
 * so this shows what the log costs the hub; the "off" hub writes none.
 */
async function concurrentThroughput(
  mode: 'on' | 'off',
  clients: number,
  perClient: number,
): Promise<{ rate: number; cpuMicrosPerOp: number }> {
  const body = (i: number) => ({
    query:
      'query LoggedRead($uscc: USCC!) { enterprise(uscc: $uscc) { uscc taxGrades(first: 1) { totalCount } } }',
    variables: { uscc: sample[i % sample.length] },
  });
  const t = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) await post(urls[mode], body(c * perClient + i));
    }),
  );
  const used = process.cpuUsage(cpu);
  const ops = clients * perClient;
  return {
    rate: ops / ((performance.now() - t) / 1000),
    // This process's CPU (hubs and clients; the database's is not in it) per operation.
    cpuMicrosPerOp: (used.user + used.system) / ops,
  };
}

if (!values.scenario?.length || values.scenario.includes('concurrent-logged-reads')) {
  const clients = positiveInteger('concurrency', values.concurrency);
  // A pass of 16 x 40 reads lasts about half a second: passes of a fifth of that were mostly noise.
  const perClient = positiveInteger('logged-reads-per-client', values['logged-reads-per-client']);
  await concurrentThroughput('on', clients, 2);
  await concurrentThroughput('off', clients, 2);
  const logBefore = await logCount();
  // Rounds of on/off pairs, the order flipping each round (on off, off on, ...): neither mode
  // always runs on the warmer cache, and each round's ratio shares that moment's noise.
  const rounds = Math.max(2, positiveInteger('logged-rounds', values['logged-rounds']));
  const rates = { on: [] as number[], off: [] as number[] };
  const cpu = { on: [] as number[], off: [] as number[] };
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const round: Partial<Record<'on' | 'off', number>> = {};
    for (const mode of r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      const result = await concurrentThroughput(mode, clients, perClient);
      rates[mode].push(result.rate);
      cpu[mode].push(result.cpuMicrosPerOp);
      round[mode] = result.rate;
    }
    ratios.push(round.on! / round.off!);
  }
  const appended = (await logCount()) - logBefore;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [onRate, offRate] = [mean(rates.on), mean(rates.off)];
  process.stdout.write(
    `${'concurrent-logged-reads'.padEnd(28)} ${clients} clients x ${perClient} small conditional reads, ${rounds} rounds: ` +
      `${offRate.toFixed(0)} ops/s off, ${onRate.toFixed(0)} ops/s on (${((onRate / offRate) * 100).toFixed(0)} %, target >= 85 %; ` +
      `on/off per round min / median / max ${formatSpread(spread(ratios))}); ` +
      `bench process CPU per op ${mean(cpu.off).toFixed(0)} µs off, ${mean(cpu.on).toFixed(0)} µs on ` +
      `(${appended} access-log records appended)\n`,
  );
}

// Operation limits: the cost analysis every request pays, against the hub's p50.
const policy = limitsPolicy(config);
for (const name of ['page-of-200-all-domains', 'single-enterprise-profile', 'portfolio-1000']) {
  const scenario = all.find((s) => s.name === name)!;
  const { perRequest, remembered, shapeOnce } = costAnalysisMicros(
    on.schema,
    policy,
    config.defaultPageSize,
    scenario.body(0),
  );
  const p50 = p50On.get(name);
  process.stdout.write(
    `${name.padEnd(28)} cost analysis: ${perRequest.toFixed(0)} µs per request worked out` +
      (p50
        ? ` = ${((perRequest / 1000 / p50) * 100).toFixed(2)} % of p50 ${p50.toFixed(1)} ms (target < 3 %)`
        : '') +
      `, ${remembered.toFixed(0)} µs when remembered (same document and priced variables)` +
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

// Memory after the load: the same process, quiet for a few seconds after the last request (no forced GC).
// This process holds both hubs and every client and runs without npm start's V8 flags, so
// it is not the hub's figure: that is bench/hub-memory.ts (`--scenario hub-memory`) below.
await new Promise((r) => setTimeout(r, 1000 * Number(values['settle-seconds'])));
process.stdout.write(
  `\nmemory of this bench process (two hubs and the clients, node's default heap flags): idle after start-up and warm-up ${idle}; after the load ${rss()}\n` +
    (seeded
      ? 'memory: this run seeded the database in-process, so its idle figure includes the seeding; run again\n'
      : ''),
);
// With node --expose-gc: what is still held once garbage is collected (a leak shows here, garbage does not).
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  gc();
  await new Promise((r) => setTimeout(r, 1000));
  process.stdout.write(`memory: after the load and a full GC ${rss()}\n`);
}

await on.http.close();
await off.http.close();
await orm.close(true);

// Bulk ingestion and monitoring, each in a process of its own (bench/ingest-run.ts);
// `--scenario ingest` / `--scenario monitoring` runs one alone.
if (!values.scenario?.length || values.scenario.includes('hub-memory'))
  await runHubMemoryBench(values['settle-seconds']);
if (!values.scenario?.length || values.scenario.includes('hub-throughput'))
  await runHubThroughputBench(values.connections ?? ['8', '16']);
if (!values.scenario?.length || values.scenario.includes('ingest')) await runIngestBench();
if (!values.scenario?.length || values.scenario.includes('monitoring')) await runMonitoringBench();
