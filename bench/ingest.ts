import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { mintToken } from '../src/auth/authenticate.js';
import { PrincipalKind } from '../src/auth/principal.js';
import { loadConfig } from '../src/config/config.js';
import { migrate } from '../src/db/bootstrap.js';
import { createOrm } from '../src/db/orm.js';
import { buildApp } from '../src/server/app.js';
import { createLogger } from '../src/server/logger.js';
import { HUB } from '../src/hub.js';

/**
 * Bulk ingestion throughput: registers enterprises, then streams a generated
 * NDJSON file of penalties to POST /ingest/AdministrativePenalty on a hub in this
 * process (risk triggers on), and reports records/s and the hub process's peak
 * RSS. The file is generated and sent by a child process (bench/ingest-client.ts),
 * so its memory is not in the figure. Runs on a fresh PostgreSQL database
 * made from DATABASE_URL and dropped afterwards. Not a test: nothing passes or fails.
 */
/** The kernel's peak RSS of this process (VmHWM), which a 100 ms sampler could miss; 0 without /proc. */
function kernelPeakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resets VmHWM to the current RSS (Linux: clear_refs 5), so the peak is the load's alone. */
function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the sampler's figure stands alone.
  }
}

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '200000' },
    enterprises: { type: 'string', default: '20000' },
  },
});
const run = promisify(execFile);
const records = Number(values.records);
const enterprises = Number(values.enterprises);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write(
    'bench:ingest needs DATABASE_URL (a PostgreSQL server to create a scratch database on)\n',
  );
  process.exit(2);
}
const name = `hub_bench_ingest_${randomBytes(4).toString('hex')}`;
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
let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 100);
try {
  await migrate(orm);
  const app = await buildApp({ hub: HUB, orm, config, log: createLogger(config) });
  const base = await app.http.listen({ port: 0, host: '127.0.0.1' });
  const token = await mintToken(config, {
    sub: 'bench',
    org: 'MARKET_REGULATION',
    kind: PrincipalKind.DEPARTMENT,
  });
  // The client runs in a child process: the RSS sampled here is the hub's alone.
  const client = fileURLToPath(new URL('./ingest-client.js', import.meta.url));
  const load = async (recordType: string, count: number) => {
    const started = process.hrtime.bigint();
    const { stdout } = await run(process.execPath, [
      client,
      base,
      token,
      recordType,
      String(count),
      String(enterprises),
    ]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { job: JSON.parse(stdout) as { status: string; accepted: number; rejected: number }, seconds };
  };

  const ent = await load('Enterprise', enterprises);
  process.stdout.write(
    `enterprises: ${ent.job.accepted} in ${ent.seconds.toFixed(1)} s (${(ent.job.accepted / ent.seconds).toFixed(0)}/s)\n`,
  );
  peakRss = 0;
  peakHeap = 0;
  resetPeakRss();
  const rssBefore = process.memoryUsage.rss();
  const pen = await load('AdministrativePenalty', records);
  process.stdout.write(
    `penalties: ${pen.job.status}, ${pen.job.accepted} accepted, ${pen.job.rejected} rejected in ${pen.seconds.toFixed(1)} s = ` +
      `${(pen.job.accepted / pen.seconds).toFixed(0)} records/s; RSS ${(rssBefore / 1e6).toFixed(0)} MB before, ` +
      `peak ${(Math.max(peakRss, kernelPeakRss()) / 1e6).toFixed(0)} MB during the load (kernel VmHWM ${(kernelPeakRss() / 1e6).toFixed(0)} MB, ` +
      `heap used at most ${(peakHeap / 1e6).toFixed(0)} MB), hub process only\n`,
  );
  await app.http.close();
} finally {
  clearInterval(sampler);
  await orm.close(true);
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
