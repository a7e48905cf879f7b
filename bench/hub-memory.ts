import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { mintToken } from '../src/auth/authenticate.js';
import { PrincipalKind } from '../src/auth/principal.js';
import { Purpose } from '../src/auth/purpose.js';
import { loadConfig } from '../src/config/config.js';
import {
  BENCH_ROOT,
  benchDatabaseUrl,
  benchHubEnv,
  procStatus,
  seededSample,
  startHubProcess,
} from './hub-command.js';
import { profileQuery } from './scenarios.js';

/**
 * The hub's memory after a load, measured on a hub process started the way `npm
 * start` starts it (its node flags, then the production entry, bench/hub-command.ts),
 * so the figure is the hub's alone: no client, no second hub, no seeding in it.
 * On the database bench/run.ts seeded (DATABASE_URL, its caller BENCH_BANK with an
 * agreement for every conditional resource): the hub's RSS (kernel VmRSS) once it
 * is warm and quiet ("idle"), then `--clients` clients send pages of 200 with every
 * department's lists and enterprise profiles (conditional data, so access-log
 * records) for `--seconds`, then, after `--settle-seconds` of quiet, RSS again.
 * Environment variables of the allocator (MALLOC_ARENA_MAX, ...) are passed to the
 * hub, so their effect can be measured. Not a test: nothing passes or fails.
 */
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '20' },
    'settle-seconds': { type: 'string', default: '10' },
  },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const settle = Number(values['settle-seconds']);
const url = benchDatabaseUrl('bench/hub-memory');

const vmRss = (pid: number) => procStatus(pid, 'VmRSS');
const mb = (n: number) => (n / 2 ** 20).toFixed(0);

const env = benchHubEnv(url, {
  METRICS_TOKEN: randomBytes(16).toString('hex'),
  // The load's principals are measured, not metered.
  RATE_LIMIT_OVERRIDES: Array.from({ length: 64 }, (_, c) => `BENCH_BANK/bench-m${c}=999999999999`).join(','),
});
for (const k of [
  'MALLOC_ARENA_MAX',
  'MALLOC_TRIM_THRESHOLD_',
  'MALLOC_TOP_PAD_',
  'MALLOC_MMAP_THRESHOLD_',
  'LD_PRELOAD',
])
  if (process.env[k]) env[k] = process.env[k];
const config = loadConfig(env);

const sample = await seededSample(url, 'bench/hub-memory');

const started = await startHubProcess(BENCH_ROOT, env);
const { base, args } = started;
const hub = started.process;
try {
  /** The hub's V8 heap (committed and used) and external memory, from its own /metrics. */
  const heap = async (): Promise<string> => {
    const text = await (
      await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${env.METRICS_TOKEN!}` } })
    ).text();
    const metric = (name: string) =>
      Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    return (
      `heap ${mb(metric('nodejs_heap_size_used_bytes'))} used of ${mb(metric('nodejs_heap_size_total_bytes'))}, ` +
      `external ${mb(metric('nodejs_external_memory_bytes'))}`
    );
  };
  const allocator = ['MALLOC_ARENA_MAX', 'LD_PRELOAD']
    .filter((k) => env[k])
    .map((k) => ` ${k}=${env[k]!}`)
    .join('');
  process.stdout.write(`hub:${allocator} node ${args.join(' ')} (as npm start), pid ${String(hub.pid)}\n`);
  const headers = await Promise.all(
    Array.from({ length: clients }, async (_, c) => ({
      'content-type': 'application/json',
      'x-purpose': Purpose.CREDIT_ASSESSMENT,
      authorization: `Bearer ${await mintToken(config, { sub: `bench-m${c}`, org: 'BENCH_BANK', kind: PrincipalKind.BANK }, '2h')}`,
    })),
  );
  const page = { query: readFileSync('queries/enterprise-page.graphql', 'utf8'), variables: { first: 200 } };
  const profile = profileQuery();
  const post = async (hdrs: Record<string, string>, body: unknown) => {
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: hdrs, body: JSON.stringify(body) });
    const json = (await res.json()) as { errors?: unknown };
    if (json.errors)
      throw new Error(`the hub answered with errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
  };
  const started = vmRss(hub.pid!);
  // Warm-up: each query once, from one client (compiled documents, pools), then quiet. Not
  // a load of its own: the idle figure is a hub that has answered, not one that was loaded.
  await post(headers[0]!, page);
  await post(headers[0]!, { query: profile, variables: { uscc: sample[0] } });
  await new Promise((r) => setTimeout(r, 1000 * settle));
  const idle = vmRss(hub.pid!);
  const idleHeap = await heap();
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, vmRss(hub.pid!))), 200);
  const until = performance.now() + 1000 * seconds;
  const counts = { pages: 0, profiles: 0 };
  // Half the clients read pages of 200, the other half profiles, until the time is up.
  await Promise.all(
    headers.map(async (h, c) => {
      for (let i = 0; performance.now() < until; i++) {
        if (c % 2 === 0) {
          await post(h, page);
          counts.pages++;
        } else {
          await post(h, { query: profile, variables: { uscc: sample[(c * 997 + i) % sample.length] } });
          counts.profiles++;
        }
      }
    }),
  );
  clearInterval(sampler);
  const loaded = vmRss(hub.pid!);
  await new Promise((r) => setTimeout(r, 1000 * settle));
  const after = vmRss(hub.pid!);
  const afterHeap = await heap();
  process.stdout.write(
    `hub memory: RSS ${mb(started)} MB when ready, ${mb(idle)} MB idle (${idleHeap}; one page and one profile answered, ${settle} s quiet); ${clients} clients for ${seconds} s ` +
      `(${counts.pages} pages of 200, ${counts.profiles} profiles): peak ${mb(peak)} MB, ${mb(loaded)} MB at the end; ` +
      `${mb(after)} MB (${afterHeap}) after ${settle} s quiet = ${(after / idle).toFixed(2)}x idle (target <= 1.5x); ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
  );
} finally {
  hub.kill('SIGTERM');
  await started.exited;
}
