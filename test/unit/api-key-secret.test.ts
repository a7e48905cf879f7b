import { describe, expect, it } from '@jest/globals';
import { ApiKeyEntity } from '../../src/auth/api-keys/api-key.entity.js';
import { generateApiKey, parseApiKey, secretMatches } from '../../src/auth/api-keys/api-key.secret.js';
import { principalOfKey } from '../../src/auth/api-keys/api-key.verifier.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Department } from '../../src/common/department.js';

describe('API key secrets', () => {
  it('generates hub_<prefix>_<secret> keys that parse back and match their hash only', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^hub_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(a.prefix).not.toBe(b.prefix);
    expect(parseApiKey(a.key)).toEqual({ prefix: a.prefix, secret: a.secret });
    expect(a.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.secretHash).not.toContain(a.secret);
    expect(secretMatches(a.secret, a.secretHash)).toBe(true);
    expect(secretMatches(b.secret, a.secretHash)).toBe(false);
    expect(secretMatches(a.secret, 'abcd')).toBe(false);
  });

  it.each([
    '',
    'hub_',
    'hub_0123456789ab_short',
    'key_0123456789ab_' + 'A'.repeat(43),
    'hub_0123456789AB_' + 'A'.repeat(43),
  ])('does not parse %j', (key) => {
    expect(parseApiKey(key)).toBeNull();
  });

  it('turns a DEPARTMENT key into a principal with its department, via api-key', () => {
    const record = Object.assign(new ApiKeyEntity(), {
      id: '00000000-0000-4000-8000-000000000001',
      principalId: 'tax-sync',
      organisation: 'TAX',
      kind: PrincipalKind.DEPARTMENT,
      department: Department.TAX,
      scopes: 'a b',
    });
    expect(principalOfKey(record)).toEqual({
      id: 'tax-sync',
      organisation: 'TAX',
      kind: PrincipalKind.DEPARTMENT,
      scopes: ['a', 'b'],
      department: Department.TAX,
      via: 'api-key',
      apiKeyId: '00000000-0000-4000-8000-000000000001',
    });
    expect(principalOfKey(Object.assign(record, { kind: PrincipalKind.BANK, scopes: '' }))).toMatchObject({
      department: undefined,
      scopes: [],
    });
  });
});
