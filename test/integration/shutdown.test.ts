import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mintToken } from '../../src/auth/authenticate.js';
import { loadConfig } from '../../src/config/config.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { unpackPgliteTemplate } from '../helpers/db-template.js';
import { ensureBuilt } from '../helpers/hub-process.js';

/*
 * The built hub (npm run build, node dist/src/main.js) on a PGlite folder of its own,
 * stopped by a signal the way an orchestrator stops it.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];

interface RunningHub {
  readonly child: ChildProcess;
  readonly dir: string;
  readonly port: number;
  readonly lines: { msg?: string; signal?: string; exitCode?: number }[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(msg: string): Promise<void>;
}

async function startHub(): Promise<RunningHub> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-shutdown-'));
  dirs.push(dir);
  // A migrated folder (the run's template unpacked): start-up runs no initdb and no migration.
  unpackPgliteTemplate(join(dir, 'pglite'));
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PGLITE_DIR: join(dir, 'pglite'),
      PORT: '0',
      SEED_ON_EMPTY: 'false',
      SHUTDOWN_GRACE_SECONDS: '30',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: RunningHub['lines'] = [];
  const waiters: { msg: string; resolve: () => void }[] = [];
  let rest = '';
  child.stdout.on('data', (chunk: Buffer) => {
    rest += chunk.toString();
    const parts = rest.split('\n');
    rest = parts.pop()!;
    // Log lines are JSON; the migrator also prints plain text, which is skipped.
    for (const part of parts.filter((p) => p.startsWith('{'))) {
      const line = JSON.parse(part) as RunningHub['lines'][number];
      lines.push(line);
      for (const w of waiters.filter((w) => w.msg === line.msg)) w.resolve();
    }
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const waitFor = (msg: string) =>
    lines.some((l) => l.msg === msg)
      ? Promise.resolve()
      : new Promise<void>((ok, fail) => {
          waiters.push({ msg, resolve: ok });
          void exited.then(() => fail(new Error(`the hub exited before '${msg}': ${stderr}`)));
        });
  await waitFor('hub is ready');
  const ready = lines.find((l) => l.msg === 'hub is ready') as { address: string };
  return { child, dir, port: Number(new URL(ready.address).port), lines, exited, waitFor };
}

beforeAll(() => {
  ensureBuilt();
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('clean shutdown', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: exits 0, closes PGlite and releases hub.lock`, async () => {
      const hub = await startHub();
      const lock = join(hub.dir, 'pglite', 'hub.lock');
      expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: hub.child.pid });
      expect((await fetch(`http://127.0.0.1:${hub.port}/readyz`)).status).toBe(200);

      hub.child.kill(signal);
      expect(await hub.exited).toEqual({ code: 0, signal: null });
      expect(existsSync(lock)).toBe(false);
      expect(hub.lines.filter((l) => l.msg === 'shut down')).toEqual([
        expect.objectContaining({ signal, exitCode: 0 }),
      ]);
    });
  }

  it('finishes an operation that is in flight when SIGTERM arrives, then exits 0', async () => {
    const hub = await startHub();
    const config = loadConfig({ NODE_ENV: 'test' });
    const token = await mintToken(config, PRINCIPALS.bank);
    const body = JSON.stringify({ query: '{ enterprise(uscc: "91350100M000100Y43") { uscc } }' });
    const socket = connect(hub.port, '127.0.0.1');
    await new Promise<void>((ok) => socket.once('connect', () => ok()));
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    const closed = new Promise<void>((ok) => socket.once('close', () => ok()));
    // Headers and half the body now; the rest only once the hub has begun to shut down.
    socket.write(
      `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
        `authorization: Bearer ${token}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n` +
        body.slice(0, 10),
    );
    // SIGTERM only once the hub has the request (Fastify logs it when its headers are parsed):
    // a request that arrives after shutdown began is refused with 503, by design.
    await hub.waitFor('incoming request');
    hub.child.kill('SIGTERM');
    await hub.waitFor('shutting down: no new requests, finishing those in flight');
    socket.write(body.slice(10));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    // Nothing is seeded, so the answer is NOT_FOUND: what matters is that it was answered in full.
    expect(JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4))).toMatchObject({
      data: { enterprise: null },
      errors: [{ extensions: { code: 'NOT_FOUND' } }],
    });
    expect(await hub.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(join(hub.dir, 'pglite', 'hub.lock'))).toBe(false);
  });
});
