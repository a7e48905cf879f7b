import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';

/**
 * `node` arguments that start the hub the way `npm start` does: the V8 flags of
 * package.json `scripts.start` (`node [flags] dist/seeds/demo-hub.js`), then `entry`
 * — by default the production entry `dist/src/main.js`, which the demo entry wraps
 * with its seeder. A bench or test started this way measures the started hub, flags
 * included.
 */
export function hubStartArgs(root: string, entry = 'dist/src/main.js'): string[] {
  return [...npmStartArgs(root).slice(0, -1), entry];
}

/** The arguments of `node` in `npm start` exactly: its V8 flags, then the demo entry it runs. */
export function npmStartArgs(root: string): string[] {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = pkg.scripts.start!.trim().split(/\s+/);
  const script = args.at(-1) ?? '';
  const flags = args.slice(0, -1);
  if (command !== 'node' || !/^dist\/.+\.js$/.test(script) || flags.some((f) => !f.startsWith('--')))
    throw new TypeError(
      `scripts.start must be 'node [--flags] dist/<entry>.js', got '${pkg.scripts.start!}'`,
    );
  return [...flags, script];
}

/**
 * Resolves with the origin a hub process logs in its "hub is ready" line (pino JSON on
 * its stdout), echoing its warnings and errors to stderr; rejects if it exits first.
 */
export function hubReady(hub: ChildProcess, exited: Promise<number | null>): Promise<string> {
  return new Promise<string>((ok, fail) => {
    let rest = '';
    hub.stdout?.on('data', (chunk: Buffer) => {
      rest += chunk.toString();
      const lines = rest.split('\n');
      rest = lines.pop()!;
      for (const line of lines.filter((l) => l.startsWith('{'))) {
        const entry = JSON.parse(line) as { msg?: string; level?: number; address?: string };
        if (entry.msg === 'hub is ready') ok(new URL(entry.address!).origin);
        else if ((entry.level ?? 0) >= 40) process.stderr.write(`hub: ${line}\n`);
      }
    });
    void exited.then((code) => fail(new Error(`the hub exited (${String(code)}) before it was ready`)));
  });
}

/**
 * The environment of a hub process a bench starts on `databaseUrl`: production mode, a
 * fresh JWT secret, an ephemeral loopback port, info logs (its "hub is ready" line
 * carries its address), no demo seed; `extra` adds or overrides settings.
 */
export function benchHubEnv(databaseUrl: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_EMPTY: 'false',
    ...extra,
  };
}

/** A field of /proc/<pid>/status in bytes (VmHWM: peak RSS, VmRSS: now); 0 without /proc. */
export function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * What a bench needs of the database bench/run.ts seeded before it starts a hub of
 * its own: up to 1,000 enterprises (USCC order) and the benchmark caller BENCH_BANK's
 * agreements. Exits with a message if the database was not seeded.
 */
export async function seededSample(url: string, bench: string): Promise<string[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const sample = (
      await db.query<{ uscc: string }>('select uscc from registry_enterprise order by uscc limit 1000')
    ).rows.map((r) => r.uscc);
    const [granted] = (
      await db.query<{ n: string }>(
        "select count(*) as n from auth_sharing_agreement where consumer_org = 'BENCH_BANK'",
      )
    ).rows;
    if (sample.length === 0 || Number(granted?.n ?? 0) === 0) {
      process.stderr.write(`${bench}: run bench/run.ts on this database first (it seeds it)\n`);
      process.exit(2);
    }
    return sample;
  } finally {
    await db.end();
  }
}

export interface StartedHub {
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  /** The `node` arguments it was started with (npm start's flags, the production entry). */
  readonly args: readonly string[];
  /** Its origin, from its "hub is ready" line. */
  readonly base: string;
}

/** Starts a hub process the way `npm start` does (hubStartArgs) with `env`, and waits until it is ready. */
export async function startHubProcess(root: string, env: NodeJS.ProcessEnv): Promise<StartedHub> {
  const args = hubStartArgs(root);
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  try {
    return { process: child, exited, args, base: await hubReady(child, exited) };
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
}

/** The repository root, where `npm start` runs (this file is compiled to dist/bench/). */
export const BENCH_ROOT = resolve(import.meta.dirname, '../..');

/** DATABASE_URL, which a bench that starts its own hub needs: exits with a message without it. */
export function benchDatabaseUrl(bench: string): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(`${bench} needs DATABASE_URL (the database bench/run.ts seeded)\n`);
    process.exit(2);
  }
  return url;
}
