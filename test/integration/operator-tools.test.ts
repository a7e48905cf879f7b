import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mintToken } from '../../src/auth/authenticate.js';
import { loadConfig } from '../../src/config/config.js';
import { socketPath } from '../../src/db/pglite-socket.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { unpackPgliteTemplate } from '../helpers/db-template.js';
import { ensureBuilt } from '../helpers/hub-process.js';

/*
 * Operator tools beside a running hub: the built hub (node dist/src/main.js) on a data
 * folder of its own, and audit:verify / auth api-key run from other processes while it
 * serves. On PGlite the tools go through the socket the hub serves in its data folder; on
 * PostgreSQL (DATABASE_URL set) they share the server as any client does.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'hub-ops-'));
const pgliteDir = join(dir, 'pglite');
let db: TestDatabase;
let hub: ChildProcess;
let port: number;
let toolEnv: NodeJS.ProcessEnv;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv = toolEnv): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [script, ...args], { cwd: ROOT, env }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: unknown }).code as number) : 0;
      done({ code: typeof code === 'number' ? code : null, stdout, stderr });
    });
  });
}

const verify = (env?: NodeJS.ProcessEnv) => run('dist/src/audit/cli/verify.js', [], env);
const auth = (...args: string[]) => run('dist/src/auth/cli/auth.js', args);

async function graphql(query: string): Promise<unknown> {
  const token = await mintToken(loadConfig({ NODE_ENV: 'test' }), PRINCIPALS.auditor);
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

beforeAll(async () => {
  ensureBuilt();
  // Migrated already: the run's template (a PostgreSQL copy, or the PGlite folder unpacked from it).
  db = await createTestDatabase(undefined, { fromTemplate: true });
  if (!db.url) unpackPgliteTemplate(pgliteDir);
  toolEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    USER: 'operator-test',
    ...(db.url ? { DATABASE_URL: db.url } : { PGLITE_DIR: pgliteDir }),
  };
  hub = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: { ...toolEnv, LOG_LEVEL: 'info', PORT: '0', SEED_ON_EMPTY: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  hub.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  port = await new Promise<number>((ok, fail) => {
    hub.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /"address":"http:\/\/127\.0\.0\.1:(\d+)\/graphql"[^\n]*"msg":"hub is ready"/.exec(out);
      if (ready) ok(Number(ready[1]));
    });
    hub.once('exit', () => fail(new Error(`the hub exited: ${err}`)));
  });
});

afterAll(async () => {
  if (hub.exitCode === null) {
    const exited = new Promise((ok) => hub.once('exit', ok));
    hub.kill('SIGTERM');
    await exited;
  }
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('operator tools while the hub runs', () => {
  it('on PGlite, the hub serves its database on an owner-only socket in the data folder', () => {
    if (db.url) {
      expect(existsSync(socketPath(pgliteDir))).toBe(false);
      return;
    }
    const stat = statSync(socketPath(pgliteDir));
    expect(stat.isSocket()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o600);
  });

  it('api-key create and list work, and the running hub and audit:verify see the key', async () => {
    const created = await auth(
      'api-key',
      'create',
      '--kind',
      'BANK',
      '--org',
      'BANK_XM_001',
      '--sub',
      'loan-desk',
      '--name',
      'ops test key',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^hub_[0-9a-f]+_\S+\n$/);
    expect(created.stderr).toMatch(/^Created API key [0-9a-f-]{36} in /m);

    const listed = await auth('api-key', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('"ops test key"  BANK BANK_XM_001/loan-desk');
    expect(listed.stdout).toContain('by cli:operator-test');

    // The key works against the hub at once: it reads the same database.
    const key = created.stdout.trim();
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await res.json()).toMatchObject({ data: { __typename: 'Query' } });

    const checked = await verify();
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/access log intact: [1-9]\d* records/);
    expect(checked.stdout).toMatch(/^governance writes: [1-9]\d* \(.*API_KEY_CREATED 1.*\)$/m);
    expect(checked.stdout).toMatch(/^anchor: \d+:[0-9a-f]{64}$/m);
  });

  it('risk:recompute runs beside the hub', async () => {
    const recomputed = await run('dist/src/modules/risk/risk.recompute.cli.js', []);
    expect(recomputed.code).toBe(0);
    // Nothing is seeded: no enterprise, no profile; what matters is that it reached the database.
    expect(recomputed.stdout).toMatch(/: recomputed 0 risk profiles in \d+\.\d s\n$/);
  });

  it("MikroORM's CLI (npm run orm) reads the running hub's database", async () => {
    // package.json's mikro-orm.configPaths points at the built src/mikro-orm.config.ts.
    const listed = await run('node_modules/@mikro-orm/cli/cli.js', ['migration:list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Migration20261122045727Initial');
    expect(listed.stdout).toContain('Migration20261202163000AccessLogClaim');
    const pending = await run('node_modules/@mikro-orm/cli/cli.js', ['migration:pending']);
    expect(pending.code).toBe(0);
    expect(pending.stdout).toContain('No pending migrations');
  });

  it("tools and the hub's own requests at the same time leave an intact chain", async () => {
    // The hub records each enterprise read in the access log while a tool writes a key in
    // the same chain: on PGlite they share one session, which must not interleave them.
    const reads = Array.from({ length: 12 }, () =>
      graphql('{ enterprise(uscc: "91350100M000100Y43") { uscc } }'),
    );
    const [created, listed, ...answers] = await Promise.all([
      auth('api-key', 'create', '--kind', 'BANK', '--org', 'BANK_GZ_002', '--sub', 'x', '--name', 'second'),
      auth('api-key', 'list'),
      ...reads,
    ]);
    expect([created.code, listed.code]).toEqual([0, 0]);
    expect(answers).toHaveLength(12);
    for (const answer of answers)
      expect(answer).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    const checked = await verify();
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^governance writes: \d+ \(.*API_KEY_CREATED 2.*\)$/m);
    expect(await graphql('{ __typename }')).toMatchObject({ data: { __typename: 'Query' } });
  });
});

describe('a tool that cannot reach the database', () => {
  it('prints one line and exits with its documented code, no stack', async () => {
    // A folder held by a live process that serves no socket (the test runner itself).
    const held = join(dir, 'held');
    mkdirSync(held);
    writeFileSync(join(held, 'hub.lock'), JSON.stringify({ pid: process.pid }));
    const env = { PATH: process.env.PATH, NODE_ENV: 'test', PGLITE_DIR: held };
    const checked = await verify(env);
    expect(checked.code).toBe(2);
    expect(checked.stdout).toBe('');
    expect(checked.stderr).toBe(
      `could not verify the access log: cannot reach the database: PGlite at ${held} is held by process ` +
        `${process.pid}, which serves no operator socket (${socketPath(held)}); stop that process, or use ` +
        'PostgreSQL (DATABASE_URL)\n',
    );

    const listed = await run('dist/src/auth/cli/auth.js', ['api-key', 'list'], env);
    expect(listed.code).toBe(3);
    expect(listed.stderr.split('\n')).toEqual([expect.stringMatching(/^cannot reach the database: /), '']);

    // PostgreSQL that is not there: the same one line.
    const down = await run('dist/src/auth/cli/auth.js', ['api-key', 'list'], {
      ...env,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
    });
    expect(down.code).toBe(3);
    expect(down.stderr).toBe('cannot reach the database: connect ECONNREFUSED 127.0.0.1:1\n');

    // migrate and seed too: MikroORM connects lazily, so the tools try the connection first.
    for (const script of ['dist/src/db/cli/migrate.js', 'dist/seeds/seed.js']) {
      const refused = await run(script, [], { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
      expect({ script, code: refused.code, stdout: refused.stdout, stderr: refused.stderr }).toEqual({
        script,
        code: 3,
        stdout: '',
        stderr: 'cannot reach the database: connect ECONNREFUSED 127.0.0.1:1\n',
      });
    }
  });
});
