import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSchema } from 'graphql';
import { mintToken } from '../src/auth/authenticate.js';
import { PrincipalKind } from '../src/auth/principal.js';
import { Purpose } from '../src/auth/purpose.js';
import { loadConfig } from '../src/config/config.js';
import { BENCH_ROOT, benchDatabaseUrl, benchHubEnv, seededSample, startHubProcess } from './hub-command.js';
import { profileQuery } from './scenarios.js';
import { withoutConditionalData } from './selection.js';
import { spread, summarise, type Summary } from './stats.js';

/**
 * Throughput of single enterprise profiles from a hub process started as `npm start`
 * starts it (its node flags, the production entry; bench/hub-command.ts), loaded by
 * clients in this process. `concurrent-profile` in bench/run.ts runs the hubs in the
 * bench's own process, where the clients' work (requests, reading and parsing the
 * answers) shares the hubs' main thread; here the hub has its thread to itself, as
 * deployed. Each client is its own principal of BENCH_BANK (so the per-principal
 * concurrency cap does not stand in for the hub's cost); the full selection
 * (conditional data: one access-log record per request) and the same without its
 * conditional fields (no record) are run with / without / without / with, and the
 * mean throughput and median p50 of each are printed. Not a test: nothing fails.
 */
const { values } = parseArgs({
  options: {
    connections: { type: 'string', multiple: true },
    'profiles-per-client': { type: 'string', default: '100' },
  },
});
const connections = (values.connections ?? ['8', '16']).map(Number);
const perClient = Number(values['profiles-per-client']);
const url = benchDatabaseUrl('bench/hub-throughput');
const env = benchHubEnv(url, {
  RATE_LIMIT_OVERRIDES: Array.from({ length: 64 }, (_, c) => `BENCH_BANK/bench-t${c}=999999999999`).join(','),
});
const config = loadConfig(env);
const sample = await seededSample(url, 'bench/hub-throughput');
const schema = buildSchema(readFileSync(resolve(BENCH_ROOT, 'schema/schema.graphql'), 'utf8'));
const withQuery = profileQuery();
const queries = { with: withQuery, without: withoutConditionalData(schema, withQuery) };

const hub = await startHubProcess(BENCH_ROOT, env);
try {
  process.stdout.write(`hub: node ${hub.args.join(' ')} (as npm start), pid ${String(hub.process.pid)}\n`);
  const headers = await Promise.all(
    Array.from({ length: Math.max(...connections) }, async (_, c) => ({
      'content-type': 'application/json',
      'x-purpose': Purpose.CREDIT_ASSESSMENT,
      authorization: `Bearer ${await mintToken(config, { sub: `bench-t${c}`, org: 'BENCH_BANK', kind: PrincipalKind.BANK }, '2h')}`,
    })),
  );
  const post = async (hdrs: Record<string, string>, query: string, uscc: string) => {
    const res = await fetch(`${hub.base}/graphql`, {
      method: 'POST',
      headers: hdrs,
      body: JSON.stringify({ query, variables: { uscc } }),
    });
    const json = (await res.json()) as { errors?: unknown };
    if (json.errors)
      throw new Error(`the hub answered with errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
  };
  const pass = async (variant: 'with' | 'without', clients: number, count: number): Promise<Summary> => {
    const latencies: number[] = [];
    const t = performance.now();
    await Promise.all(
      headers.slice(0, clients).map(async (hdrs, c) => {
        for (let i = 0; i < count; i++) {
          const s = performance.now();
          await post(hdrs, queries[variant], sample[(c * count + i) % sample.length]!);
          latencies.push(performance.now() - s);
        }
      }),
    );
    return summarise(latencies, performance.now() - t);
  };
  // A fresh process: its first few hundred answers run on code V8 has not optimised yet.
  await pass('with', 8, 50);
  await pass('without', 8, 50);
  for (const clients of connections) {
    await pass('with', clients, 5);
    await pass('without', clients, 5);
    const results = { with: [] as Summary[], without: [] as Summary[] };
    for (const variant of ['with', 'without', 'without', 'with'] as const)
      results[variant].push(await pass(variant, clients, perClient));
    const rate = (xs: Summary[]) => xs.reduce((a, x) => a + x.reqPerSec, 0) / xs.length;
    const p50 = (xs: Summary[]) => spread(xs.map((x) => x.p50)).median;
    process.stdout.write(
      `${'hub-throughput profile'.padEnd(28)} ${String(clients).padStart(2)} connections x ${perClient} (twice each, alternating): ` +
        `with conditional data ${rate(results.with).toFixed(1)} req/s (p50 ${p50(results.with).toFixed(0)} ms; passes ${results.with.map((r) => r.reqPerSec.toFixed(0)).join(', ')}), ` +
        `without ${rate(results.without).toFixed(1)} req/s (p50 ${p50(results.without).toFixed(0)} ms); ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}\n`,
    );
  }
} finally {
  hub.process.kill('SIGTERM');
  await hub.exited;
}
