import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLObjectType } from 'graphql';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import { loadConfig } from '../../src/config/config.js';
import { startTestHub, type GraphQLResponse, type TestHub } from '../helpers/test-hub.js';
import { PRINCIPALS } from '../helpers/principals.js';

const ENTERPRISE = '{ enterprise(uscc: "91350100M000100Y43") { uscc } }';
const DEV_SECRET = new TextEncoder().encode(loadConfig({ NODE_ENV: 'test' }).jwtSecret);
const ISSUER = 'inter-agency-data-hub';

const BANK_CLAIMS = { org: 'BANK_XM_001', kind: 'BANK' };

/** An HS256 token with the hub's defaults, any of which a test may spoil. */
async function hs256(
  claims: JWTPayload = BANK_CLAIMS,
  {
    secret = DEV_SECRET,
    issuer = ISSUER,
    audience = ISSUER,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- widens the default: a test passes a number
    exp = '5m' as string | number,
    sub = 'risk-engine',
  } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(secret);
}

const codes = (res: GraphQLResponse<unknown>) => (res.body.errors ?? []).map((e) => e.extensions?.code);

function expectUnauthenticated(res: GraphQLResponse, message: RegExp): void {
  expect(res.status).toBe(401);
  expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  expect(res.body.errors![0]!.message).toMatch(message);
  expect(res.body.data).toBeUndefined();
}

let hub: TestHub;
let anonymous: ReturnType<TestHub['as']>;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 1 });
  anonymous = hub.as({ principal: null });
});
afterAll(async () => {
  await hub?.close();
});

const withBearer = async (token: string) =>
  anonymous(ENTERPRISE, undefined, { authorization: `Bearer ${token}` });

describe('bearer tokens', () => {
  it('answers a valid HS256 token', async () => {
    const res = await withBearer(await hs256());
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ enterprise: { uscc: '91350100M000100Y43' } });
  });

  it('refuses a request without credentials with 401 and no data', async () => {
    const res = await anonymous(ENTERPRISE);
    expectUnauthenticated(res, /no credentials/);
  });

  it('refuses an Authorization header of another scheme', async () => {
    const res = await anonymous(ENTERPRISE, undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    expectUnauthenticated(res, /must be "Bearer <token>" or "ApiKey <key>"/);
  });

  it('refuses a bearer value that is not a JWT', async () => {
    expectUnauthenticated(await withBearer('not-a-jwt'), /not a JWT/);
  });

  it('refuses an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    expectUnauthenticated(await withBearer(await hs256(BANK_CLAIMS, { exp: past })), /expired/);
  });

  it('refuses a token without exp', async () => {
    const token = await new SignJWT(BANK_CLAIMS)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('risk-engine')
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .sign(DEV_SECRET);
    expectUnauthenticated(await withBearer(token), /exp claim/);
  });

  it('refuses a token from another issuer', async () => {
    expectUnauthenticated(
      await withBearer(await hs256(BANK_CLAIMS, { issuer: 'someone-else' })),
      /iss claim/,
    );
  });

  it('refuses a token for another audience', async () => {
    expectUnauthenticated(
      await withBearer(await hs256(BANK_CLAIMS, { audience: 'another-api' })),
      /aud claim/,
    );
  });

  it('refuses a token signed with another secret', async () => {
    const secret = new TextEncoder().encode('an-entirely-different-secret-0123456789');
    expectUnauthenticated(await withBearer(await hs256(BANK_CLAIMS, { secret })), /signature is invalid/);
  });

  it('refuses a token whose kind is not a principal kind', async () => {
    const res = await withBearer(await hs256({ org: 'BANK_XM_001', kind: 'SUPERUSER' }));
    expectUnauthenticated(res, /token kind must be one of DEPARTMENT, BANK/);
  });

  it('refuses a DEPARTMENT token whose organisation is not a department', async () => {
    const res = await withBearer(await hs256({ org: 'BANK_XM_001', kind: 'DEPARTMENT' }));
    expectUnauthenticated(res, /DEPARTMENT token must name a department code/);
  });

  it('refuses an RS256 token when no JWKS is configured', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await signWith(privateKey, 'RS256', 'k1');
    expectUnauthenticated(await withBearer(token), /RS256 are not accepted/);
  });
});

async function signWith(
  key: CryptoKey,
  alg: string,
  kid: string,
  claims: JWTPayload = BANK_CLAIMS,
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid })
    .setSubject('risk-engine')
    .setIssuer(ISSUER)
    .setAudience(ISSUER)
    .setExpirationTime('5m')
    .sign(key);
}

describe('tokens verified against a JWKS file', () => {
  let jwksHub: TestHub;
  let dir: string;
  let keys: Record<'rs' | 'es' | 'stranger', CryptoKey>;
  beforeAll(async () => {
    const rs = await generateKeyPair('RS256');
    const es = await generateKeyPair('ES256');
    const stranger = await generateKeyPair('RS256');
    keys = { rs: rs.privateKey, es: es.privateKey, stranger: stranger.privateKey };
    const jwks = {
      keys: [
        { ...(await exportJWK(rs.publicKey)), kid: 'rs-1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(es.publicKey)), kid: 'es-1', alg: 'ES256', use: 'sig' },
      ],
    };
    dir = mkdtempSync(join(tmpdir(), 'hub-jwks-'));
    const file = join(dir, 'jwks.json');
    writeFileSync(file, JSON.stringify(jwks));
    // Another instance on the file's database, verifying tokens against the JWKS file.
    jwksHub = await startTestHub({ sharing: hub, env: { JWKS_FILE: file } });
  });
  afterAll(async () => {
    await jwksHub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (token: string) =>
    jwksHub.as({ principal: null })(ENTERPRISE, undefined, { authorization: `Bearer ${token}` });

  it.each([
    ['RS256', 'rs', 'rs-1'],
    ['ES256', 'es', 'es-1'],
  ] as const)('answers a %s token signed by a key in the set', async (alg, key, kid) => {
    const res = await call(await signWith(keys[key], alg, kid));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ enterprise: { uscc: '91350100M000100Y43' } });
  });

  it('refuses an RS256 token signed by a key outside the set', async () => {
    const res = await call(await signWith(keys.stranger, 'RS256', 'rs-1'));
    expectUnauthenticated(res, /signature is invalid/);
  });

  it('refuses a JWKS-signed token whose claims do not describe a principal', async () => {
    const res = await call(await signWith(keys.es, 'ES256', 'es-1', { org: 'BANK_XM_001', kind: 'ROOT' }));
    expectUnauthenticated(res, /token kind must be one of/);
  });
});

const CREATE = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    key
    apiKey { id prefix name subject organisation kind department scopes createdBy createdAt revokedAt lastUsedAt }
  }
}`;
const LIST = `query ($all: Boolean) {
  apiKeys(includeRevoked: $all) { id prefix name subject organisation kind scopes createdBy revokedAt revokedBy lastUsedAt }
}`;
const REVOKE = 'mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt revokedBy } }';

interface CreatedKey {
  createApiKey: { key: string; apiKey: { id: string; prefix: string; [field: string]: unknown } };
}
interface ListedKeys {
  apiKeys: { id: string; lastUsedAt: string | null; [field: string]: unknown }[];
}

describe('API keys', () => {
  const bankKeyInput = {
    name: 'Xiamen bank risk engine',
    subject: 'risk-engine',
    organisation: 'BANK_XM_001',
    kind: 'BANK',
    scopes: ['credit:read', 'registry:read'],
  };
  const asAdmin = () => hub.as({ principal: PRINCIPALS.admin });
  // A key cannot outrank its issuer: the bank's own administrator issues the bank's keys.
  const bankManager = { ...PRINCIPALS.bank, sub: 'hub-admin', scopes: ['api-keys:manage'] };
  const asIssuer = () => hub.as({ principal: bankManager });
  const withKey = (key: string) => anonymous(ENTERPRISE, undefined, { 'x-api-key': key });
  let created: CreatedKey['createApiKey'];

  beforeAll(async () => {
    const res = await asIssuer()<CreatedKey>(CREATE, { input: bankKeyInput });
    expect(res.body.errors).toBeUndefined();
    created = res.body.data!.createApiKey;
  });

  it('creates a key shown once in the hub_<prefix>_<secret> format', () => {
    expect(created.key).toMatch(/^hub_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(`hub_${created.apiKey.prefix}_`)).toBe(true);
    expect(created.apiKey).toMatchObject({
      name: 'Xiamen bank risk engine',
      subject: 'risk-engine',
      organisation: 'BANK_XM_001',
      kind: 'BANK',
      department: null,
      scopes: ['credit:read', 'registry:read'],
      createdBy: 'hub-admin',
      revokedAt: null,
      lastUsedAt: null,
    });
  });

  it('never returns or stores the secret: apiKeys shows no secret and the row holds only its SHA-256', async () => {
    const secret = created.key.split('_').slice(2).join('_');
    const res = await asAdmin()<ListedKeys>(LIST);
    expect(res.body.data!.apiKeys.map((k) => k.id)).toContain(created.apiKey.id);
    expect(JSON.stringify(res.body)).not.toContain(secret);
    const fields = Object.keys((hub.app.schema.getType('ApiKey') as GraphQLObjectType).getFields());
    expect(fields.filter((f) => /secret|hash|key$/i.test(f))).toEqual([]);
    const rows = await hub.orm.em
      .fork()
      .execute<Record<string, unknown>[]>('select * from auth_api_key where id = ?', [created.apiKey.id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(secret);
    expect(rows[0]!.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
  });

  it('authenticates with the X-API-Key header and with Authorization: ApiKey', async () => {
    const viaHeader = await withKey(created.key);
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body.data).toEqual({ enterprise: { uscc: '91350100M000100Y43' } });
    const viaAuthorization = await anonymous(ENTERPRISE, undefined, {
      authorization: `ApiKey ${created.key}`,
    });
    expect(viaAuthorization.status).toBe(200);
    expect(viaAuthorization.body.data).toEqual({ enterprise: { uscc: '91350100M000100Y43' } });
  });

  it('records lastUsedAt at most once a minute', async () => {
    const lastUsed = async () =>
      (await asAdmin()<ListedKeys>(LIST)).body.data!.apiKeys.find((k) => k.id === created.apiKey.id)!
        .lastUsedAt;
    const before = Date.now();
    await withKey(created.key);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect(Math.abs(new Date(first!).getTime() - before)).toBeLessThan(60_000);
    await withKey(created.key);
    expect(await lastUsed()).toBe(first);
  });

  it.each([
    ['a wrong secret with a known prefix', (key: string) => `${key.slice(0, -4)}AAAA`],
    ['a malformed key', () => 'hub_nothex_secret'],
    ['an unknown prefix', (key: string) => `hub_000000000000_${key.split('_').slice(2).join('_')}`],
  ])('refuses %s with 401', async (_label, spoil) => {
    expectUnauthenticated(await withKey(spoil(created.key)), /API key is unknown or revoked/);
  });

  it('refuses non-admin principals with FORBIDDEN', async () => {
    for (const principal of [
      PRINCIPALS.bank,
      PRINCIPALS.marketRegulation,
      PRINCIPALS.auditor,
      PRINCIPALS.admin,
    ]) {
      const create = await hub.as({ principal })<CreatedKey>(CREATE, { input: bankKeyInput });
      if (principal === PRINCIPALS.admin) {
        expect(codes(create)).toEqual(['FORBIDDEN']);
        continue; // the operator still lists and revokes keys
      }
      expect(codes(create)).toEqual(['FORBIDDEN']);
      expect(create.body.data).toEqual({ createApiKey: null });
      const list = await hub.as({ principal })(LIST);
      expect(codes(list)).toEqual(['FORBIDDEN']);
      const revoke = await hub.as({ principal })(REVOKE, { id: created.apiKey.id });
      expect(codes(revoke)).toEqual(['FORBIDDEN']);
    }
    const still = await withKey(created.key);
    expect(still.status).toBe(200);
  });

  it('refuses bad input naming the field', async () => {
    const scopes = await asIssuer()(CREATE, { input: { ...bankKeyInput, scopes: ['credit read'] } });
    expect(codes(scopes)).toEqual(['BAD_USER_INPUT']);
    expect(scopes.body.errors![0]!.extensions?.argument).toBe('scopes');
    // Checked before the issuer rule, whose message names the organisation.
    const long = await asIssuer()(CREATE, { input: { ...bankKeyInput, organisation: 'X'.repeat(65) } });
    expect(codes(long)).toEqual(['BAD_USER_INPUT']);
    expect(long.body.errors![0]!.extensions?.argument).toBe('organisation');
    expect(long.body.errors![0]!.message).toBe('organisation must be at most 64 characters, got 65');
  });

  it('creates a DEPARTMENT key bound to its department', async () => {
    const taxManager = { ...PRINCIPALS.tax, sub: 'tax-admin', scopes: ['api-keys:manage'] };
    const res = await hub.as({ principal: taxManager })<CreatedKey>(CREATE, {
      input: { name: 'Tax sync', subject: 'tax-sync', organisation: 'TAX', kind: 'DEPARTMENT' },
    });
    expect(res.body.data!.createApiKey.apiKey).toMatchObject({
      department: 'TAX',
      kind: 'DEPARTMENT',
      scopes: [],
    });
    expect((await withKey(res.body.data!.createApiKey.key)).status).toBe(200);
  });

  it('revokes a key: the next request with it is refused, and revoking again is a CONFLICT', async () => {
    const { body } = await asIssuer()<CreatedKey>(CREATE, { input: { ...bankKeyInput, name: 'to revoke' } });
    const { key, apiKey } = body.data!.createApiKey;
    expect((await withKey(key)).status).toBe(200);

    const revoked = await asAdmin()<{ revokeApiKey: { id: string; revokedAt: string; revokedBy: string } }>(
      REVOKE,
      {
        id: apiKey.id,
      },
    );
    expect(revoked.body.data!.revokeApiKey).toMatchObject({ id: apiKey.id, revokedBy: 'hub-admin' });
    expect(revoked.body.data!.revokeApiKey.revokedAt).toEqual(expect.any(String));

    expectUnauthenticated(await withKey(key), /API key is unknown or revoked/);

    const again = await asAdmin()(REVOKE, { id: apiKey.id });
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors![0]!.message).toMatch(new RegExp(`API key ${apiKey.id} is already revoked`));

    const active = (await asAdmin()<ListedKeys>(LIST)).body.data!.apiKeys.map((k) => k.id);
    expect(active).not.toContain(apiKey.id);
    expect(active).toContain(created.apiKey.id);
    const all = (await asAdmin()<ListedKeys>(LIST, { all: true })).body.data!.apiKeys;
    expect(all.find((k) => k.id === apiKey.id)).toMatchObject({ revokedBy: 'hub-admin' });
  });

  it('revoking an unknown id is NOT_FOUND, a malformed one BAD_USER_INPUT', async () => {
    const unknown = await asAdmin()(REVOKE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const malformed = await asAdmin()(REVOKE, { id: '42' });
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.body.errors![0]!.message).toBe('id must be a UUID, got "42"');
  });
});
