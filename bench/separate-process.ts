import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs one of the bench scripts (compiled beside this file) in a process of its
 * own, so that its figures (peak RSS, event delays) are its own hub's and not the
 * other scenarios'. The PostgreSQL-only parts say so and are skipped without
 * DATABASE_URL.
 */
export async function runSeparateBench(name: string, script: string, args: readonly string[]): Promise<void> {
  if (!process.env.DATABASE_URL) {
    process.stdout.write(`\n${name}: skipped (needs DATABASE_URL, a PostgreSQL server)\n`);
    return;
  }
  const path = fileURLToPath(new URL(script, import.meta.url));
  const code = await new Promise<number | null>((done) =>
    spawn(process.execPath, [path, ...args], { stdio: 'inherit', env: process.env }).once('exit', done),
  );
  if (code !== 0) process.stdout.write(`${name}: exited ${String(code)}\n`);
}
