import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The bulk-ingestion part of `npm run bench`: runs bench/ingest.ts (the hub and a
 * load client) in a process of its own, so that its peak RSS is the loading hub's
 * and not the other scenarios' hubs. It needs PostgreSQL (COPY, the figures the
 * issue asks for); without DATABASE_URL it says so and is skipped.
 * BENCH_INGEST_RECORDS (default 1,000,000) and BENCH_INGEST_ENTERPRISES (20,000) size it.
 */
export async function runIngestBench(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    process.stdout.write('\nbulk ingestion: skipped (needs DATABASE_URL, a PostgreSQL server)\n');
    return;
  }
  const records = process.env.BENCH_INGEST_RECORDS ?? '1000000';
  const enterprises = process.env.BENCH_INGEST_ENTERPRISES ?? '20000';
  process.stdout.write(
    `\nbulk ingestion (bench/ingest.ts): ${records} penalties over POST /ingest on PostgreSQL, risk triggers on\n`,
  );
  const script = fileURLToPath(new URL('./ingest.js', import.meta.url));
  const code = await new Promise<number | null>((done) =>
    spawn(process.execPath, [script, '--records', records, '--enterprises', enterprises], {
      stdio: 'inherit',
      env: process.env,
    }).once('exit', done),
  );
  if (code !== 0) process.stdout.write(`bulk ingestion: exited ${code}\n`);
}
