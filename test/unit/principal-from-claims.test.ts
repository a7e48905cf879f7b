import { describe, expect, it } from '@jest/globals';
import { UnauthenticatedError, principalFromClaims } from '../../src/auth/authenticate.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Department } from '../../src/common/department.js';

describe('principalFromClaims', () => {
  it('builds a DEPARTMENT principal with its department and split scopes', () => {
    expect(
      principalFromClaims({ sub: 'tax-system', org: 'TAX', kind: 'DEPARTMENT', scope: 'a  b' }, 'jwt'),
    ).toEqual({
      id: 'tax-system',
      organisation: 'TAX',
      kind: PrincipalKind.DEPARTMENT,
      scopes: ['a', 'b'],
      department: Department.TAX,
      via: 'jwt',
    });
  });

  it('gives a BANK principal no department, even when its organisation is spelled like one', () => {
    const principal = principalFromClaims({ sub: 'risk-engine', org: 'TAX', kind: 'BANK' }, 'api-key');
    expect(principal.department).toBeUndefined();
    expect(principal.scopes).toEqual([]);
    expect(principal.via).toBe('api-key');
  });

  it.each([
    [{ org: 'BANK_XM_001', kind: 'BANK' }, 'token has no subject (sub)'],
    [{ sub: '', org: 'BANK_XM_001', kind: 'BANK' }, 'token has no subject (sub)'],
    [{ sub: 'x', kind: 'BANK' }, 'token has no organisation (org)'],
    [{ sub: 'x', org: 42, kind: 'BANK' }, 'token has no organisation (org)'],
    [
      { sub: 'x', org: 'BANK_XM_001', kind: 'bank' },
      'token kind must be one of DEPARTMENT, BANK, ANALYST, AUDITOR, ADMIN',
    ],
    [{ sub: 'x', org: 'BANK_XM_001' }, 'token kind must be one of DEPARTMENT, BANK, ANALYST, AUDITOR, ADMIN'],
    [
      { sub: 'x', org: 'BANK_XM_001', kind: 'DEPARTMENT' },
      'a DEPARTMENT token must name a department code as its organisation',
    ],
  ])('refuses %j', (claims, message) => {
    expect(() => principalFromClaims(claims, 'jwt')).toThrow(new UnauthenticatedError(message));
  });
});
