import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { UnauthenticatedError } from '../../src/auth/authenticate.js';
import { PrincipalKind, type Principal } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';
import { Department } from '../../src/common/department.js';
import {
  internalKey,
  signGatewayToken,
  verifyGatewayToken,
} from '../../src/server/federation/internal-token.js';

const key = internalKey('k'.repeat(40));
const principal: Principal = {
  id: 'tax-system',
  organisation: Department.TAX,
  kind: PrincipalKind.DEPARTMENT,
  scopes: ['read'],
  department: Department.TAX,
  via: 'api-key',
  apiKeyId: 'key-1',
};
const claims = { principal, purpose: Purpose.SUPERVISION, operationId: 'op-1' };

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(UnauthenticatedError);
    return (err as UnauthenticatedError).details.reason;
  }
  throw new Error('the token was accepted');
}

afterEach(() => {
  jest.useRealTimers();
});

describe('the gateway token', () => {
  it('carries the principal, the purpose and the operation id to the subgraph it names', async () => {
    const token = await signGatewayToken(key, 'credit', claims, 60);
    expect(await verifyGatewayToken(key, 'credit', token)).toEqual(claims);
  });

  it('is refused when missing, for another subgraph, under another key, altered or expired', async () => {
    const token = await signGatewayToken(key, 'credit', claims, 60);
    expect(await refusal(verifyGatewayToken(key, 'credit', undefined))).toBe('GATEWAY_TOKEN_REQUIRED');
    expect(await refusal(verifyGatewayToken(key, 'registry', token))).toBe('GATEWAY_TOKEN_INVALID');
    expect(await refusal(verifyGatewayToken(internalKey('x'.repeat(40)), 'credit', token))).toBe(
      'GATEWAY_TOKEN_INVALID',
    );
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const widened = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), kind: 'ADMIN' }),
    ).toString('base64url');
    expect(await refusal(verifyGatewayToken(key, 'credit', `${header}.${widened}.${signature}`))).toBe(
      'GATEWAY_TOKEN_INVALID',
    );
    jest.useFakeTimers({ now: Date.now() + 61_000 });
    expect(await refusal(verifyGatewayToken(key, 'credit', token))).toBe('GATEWAY_TOKEN_EXPIRED');
  });
});
