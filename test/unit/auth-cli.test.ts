import { describe, expect, it } from '@jest/globals';
import { decodeJwt, jwtVerify } from 'jose';
import { runAuthCli } from '../../src/auth/cli/auth-cli.js';
import { DEMO_PRINCIPALS } from '../../seeds/demo-principals.js';
import { loadConfig } from '../../src/config/config.js';
import { HUB } from '../../src/hub.js';

/** As `npm run auth` runs it (seeds/auth.ts): with the demo principals; `demo: false` is the production entry. */
async function run(argv: string[], env: NodeJS.ProcessEnv = { NODE_ENV: 'test' }, demo = true) {
  let out = '';
  let err = '';
  const code = await runAuthCli(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env,
    hub: HUB,
    ...(demo ? { demoPrincipals: DEMO_PRINCIPALS } : {}),
  });
  return { code, out, err };
}

const secret = new TextEncoder().encode(loadConfig({ NODE_ENV: 'test' }).jwtSecret);

describe('auth CLI: token', () => {
  it('mints a verifiable HS256 token with the given claims and expiry', async () => {
    const { code, out, err } = await run([
      'token',
      '--kind',
      'BANK',
      '--org',
      'BANK_XM_001',
      '--sub',
      'risk-engine',
      '--scopes',
      'a,b',
      '--expires',
      '30m',
    ]);
    expect(code).toBe(0);
    expect(err).toContain('development secret');
    const { payload, protectedHeader } = await jwtVerify(out.trim(), secret, {
      issuer: 'inter-agency-data-hub',
      audience: 'inter-agency-data-hub',
    });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: 'risk-engine', org: 'BANK_XM_001', kind: 'BANK', scope: 'a b' });
    expect(payload.exp! - payload.iat!).toBe(30 * 60);
  });

  it('mints a token for a named demo principal', async () => {
    const { code, out } = await run(['token', '--demo', 'bank-guangzhou']);
    expect(code).toBe(0);
    expect(decodeJwt(out.trim())).toMatchObject({ sub: 'risk-engine', org: 'BANK_GZ_002', kind: 'BANK' });
    expect(DEMO_PRINCIPALS['bank-xiamen'].org).toBe('BANK_XM_001');
  });

  it('has no demo principals in the production entry (src/auth/cli/auth.ts): --demo is refused, claims still work', async () => {
    const demo = await run(['token', '--demo', 'bank-xiamen'], { NODE_ENV: 'test' }, false);
    expect(demo.code).toBe(2);
    expect(demo.out).toBe('');
    expect(demo.err).toContain("unknown demo principal 'bank-xiamen': this entry carries no demo principals");
    expect(demo.err).toContain('No demo NAMEs');
    const explicit = await run(
      ['token', '--kind', 'BANK', '--org', 'BANK_XM_001', '--sub', 'risk-engine'],
      { NODE_ENV: 'test' },
      false,
    );
    expect(explicit.code).toBe(0);
    expect(decodeJwt(explicit.out.trim())).toMatchObject({ org: 'BANK_XM_001', kind: 'BANK' });
  });

  it('refuses when no signing secret is configured', async () => {
    const { code, out, err } = await run(['token', '--demo', 'admin'], {
      NODE_ENV: 'production',
      JWKS_URL: 'https://idp.example/jwks.json',
    });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/no JWT_SECRET is configured/);
  });

  it.each([
    [['token', '--kind', 'BANK', '--org', 'BANK_XM_001'], '--sub is required'],
    [
      ['token', '--kind', 'ROOT', '--org', 'X', '--sub', 'y'],
      "--kind must be one of DEPARTMENT, BANK, ANALYST, AUDITOR, ADMIN, got 'ROOT'",
    ],
    [
      ['token', '--kind', 'DEPARTMENT', '--org', 'BANK_XM_001', '--sub', 'y'],
      '--org of a DEPARTMENT must be a Department code',
    ],
    [['token', '--demo', 'nobody'], "unknown demo principal 'nobody'"],
    [
      ['token', '--demo', 'admin', '--expires', 'forever'],
      "--expires must look like 30m, 8h or 7d, got 'forever'",
    ],
    [['token', '--colour', 'red'], "Unknown option '--colour'"],
    [['api-key', 'rotate'], "unknown api-key command 'rotate'"],
    [['api-key', 'revoke'], 'expected 1 argument(s), got 0'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [[], 'no command given'],
  ])('%j exits 2 with usage', async (argv, message) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err).toContain('Usage: npm run -s auth -- <command>');
  });
});
