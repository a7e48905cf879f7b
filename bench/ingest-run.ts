import { runSeparateBench } from './separate-process.js';

/**
 * The bulk-ingestion part of `npm run bench`: bench/ingest.ts (the hub and a load
 * client) in a process of its own, so that its peak RSS is the loading hub's.
 * BENCH_INGEST_RECORDS (default 1,000,000) and BENCH_INGEST_ENTERPRISES (20,000) size it.
 */
export async function runIngestBench(): Promise<void> {
  const records = process.env.BENCH_INGEST_RECORDS ?? '1000000';
  const enterprises = process.env.BENCH_INGEST_ENTERPRISES ?? '20000';
  if (process.env.DATABASE_URL)
    process.stdout.write(
      `\nbulk ingestion (bench/ingest.ts): ${records} penalties over POST /ingest on PostgreSQL, risk triggers on\n`,
    );
  await runSeparateBench('bulk ingestion', './ingest.js', [
    '--records',
    records,
    '--enterprises',
    enterprises,
  ]);
}

/**
 * The monitoring part of `npm run bench`: bench/monitoring.ts, delay from a
 * committed ingestion chunk to a graphql-ws subscriber and event throughput for a
 * portfolio of BENCH_MONITORING_PORTFOLIO codes (default 100,000).
 */
export async function runMonitoringBench(): Promise<void> {
  const portfolio = process.env.BENCH_MONITORING_PORTFOLIO ?? '100000';
  if (process.env.DATABASE_URL)
    process.stdout.write(
      `\nportfolio monitoring (bench/monitoring.ts): a watched portfolio of ${portfolio} codes\n`,
    );
  await runSeparateBench('portfolio monitoring', './monitoring.js', ['--portfolio', portfolio]);
}

/**
 * The hub's own memory after a load (bench/hub-memory.ts): a hub process started
 * as `npm start` starts it, on the database this bench seeded, loaded by clients in
 * the bench script's process. BENCH_MEMORY_CLIENTS (default 8) and
 * BENCH_MEMORY_SECONDS (20) size the load.
 */
export async function runHubMemoryBench(settleSeconds: string): Promise<void> {
  if (process.env.DATABASE_URL)
    process.stdout.write(
      '\nhub memory (bench/hub-memory.ts): a hub process started as npm start, under a load\n',
    );
  await runSeparateBench('hub memory', './hub-memory.js', [
    '--clients',
    process.env.BENCH_MEMORY_CLIENTS ?? '8',
    '--seconds',
    process.env.BENCH_MEMORY_SECONDS ?? '20',
    '--settle-seconds',
    settleSeconds,
  ]);
}

/**
 * Profile throughput of a hub process of its own (bench/hub-throughput.ts), started
 * as `npm start` starts it and loaded by clients in another process.
 * BENCH_THROUGHPUT_PROFILES (default 100 per client) sizes each pass.
 */
export async function runHubThroughputBench(connections: readonly string[]): Promise<void> {
  if (process.env.DATABASE_URL)
    process.stdout.write(
      '\nhub throughput (bench/hub-throughput.ts): a hub process started as npm start, clients in another process\n',
    );
  await runSeparateBench('hub throughput', './hub-throughput.js', [
    ...connections.flatMap((c) => ['--connections', c]),
    '--profiles-per-client',
    process.env.BENCH_THROUGHPUT_PROFILES ?? '100',
  ]);
}
