import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runAuthCli } from '../../src/auth/cli/auth-cli.js';
import { loadConfig, type HubConfig } from '../../src/config/config.js';
import { migrate } from '../../src/db/bootstrap.js';
import { createOrm, type HubOrm } from '../../src/db/orm.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { pgliteTemplate } from '../helpers/db-template.js';
import { buildApp, type HubApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { HUB } from '../../src/hub.js';

// The CLI opens and closes the database on every command; on in-memory PGlite
// each open is a new database, so the tests keep one ORM and ignore its close.
let db: TestDatabase;
let orm: HubOrm;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  // A copy of the run's migrated template: migrate() below finds nothing pending.
  db = await createTestDatabase(undefined, { fromTemplate: true });
  env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...(db.url ? { DATABASE_URL: db.url } : {}), USER: 'ops' };
  const template = db.url ? undefined : pgliteTemplate();
  orm = await createOrm(HUB, loadConfig(env), {
    pgliteInMemory: true,
    logger: () => {},
    ...(template ? { pgliteLoadDataDir: template } : {}),
  });
  await migrate(orm);
});
afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const shared = Object.create(orm, { close: { value: async () => {} } }) as HubOrm;
  const code = await runAuthCli(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env,
    hub: HUB,
    openOrm: async (_config: HubConfig) => shared,
  });
  return { code, out, err };
}

describe('auth CLI: api-key', () => {
  let key: string;
  let id: string;

  it('creates a key, printing it once on stdout', async () => {
    const res = await run([
      'api-key',
      'create',
      '--kind',
      'BANK',
      '--org',
      'BANK_XM_001',
      '--sub',
      'risk-engine',
      '--name',
      'Xiamen risk engine',
      '--scopes',
      'credit:read',
    ]);
    expect(res.code).toBe(0);
    key = res.out.trim();
    expect(key).toMatch(/^hub_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    id = /Created API key ([0-9a-f-]{36})/.exec(res.err)![1]!;
  });

  it('lists the key without its secret', async () => {
    const res = await run(['api-key', 'list']);
    expect(res.code).toBe(0);
    expect(res.out).toContain(id);
    expect(res.out).toContain('BANK BANK_XM_001/risk-engine');
    expect(res.out).toContain('by cli:ops');
    // The secret is base64url and may itself contain '_': take everything after hub_<prefix>_.
    const secret = key.slice('hub_'.length + 12 + 1);
    expect(secret).toHaveLength(43);
    expect(res.out).not.toContain(secret);
  });

  it('refuses bad input with exit 2 naming the field', async () => {
    const res = await run([
      'api-key',
      'create',
      '--kind',
      'BANK',
      '--org',
      'X'.repeat(65),
      '--sub',
      's',
      '--name',
      'n',
    ]);
    expect(res.code).toBe(2);
    expect(res.err).toBe('organisation must be at most 64 characters, got 65\n');
  });

  it('revokes the key, then refuses to revoke it again', async () => {
    const first = await run(['api-key', 'revoke', id, '--by', 'alice']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/revoked .* by alice/);
    const again = await run(['api-key', 'revoke', id]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('is already revoked');
    expect((await run(['api-key', 'list'])).out).toBe('No API keys.\n');
    expect((await run(['api-key', 'list', '--include-revoked'])).out).toContain(id);
  });
});

describe('a key created by the CLI', () => {
  let app: HubApp;
  let url: string;
  beforeAll(async () => {
    app = await buildApp({ hub: HUB, orm, config: loadConfig(env), log: createLogger(loadConfig(env)) });
    url = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.http.close();
  });

  it('authenticates against a hub on the same database, as the principal it names', async () => {
    const created = await run([
      'api-key',
      'create',
      '--kind',
      'ADMIN',
      '--org',
      'HUB_OPERATOR',
      '--sub',
      'ops-bot',
      '--name',
      'ops bot',
    ]);
    expect(created.code).toBe(0);
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': created.out.trim() },
      body: JSON.stringify({ query: '{ apiKeys { name subject } }' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data?: unknown }).data).toEqual({
      apiKeys: [{ name: 'ops bot', subject: 'ops-bot' }],
    });
  });
});
