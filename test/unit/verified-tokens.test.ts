import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { SignJWT } from 'jose';
import { Authenticator, VERIFIED_TOKENS_KEPT } from '../../src/auth/authenticate.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';
const ISSUER = 'inter-agency-data-hub';
// Every test runs at this instant (fakeDate): tokens are issued at it, so none outlives the
// hub's maximum lifetime whatever day the suite runs on.
const T0 = Date.parse('2026-12-04T08:00:00.000Z');

function authenticator(kept?: number): Authenticator {
  return new Authenticator(
    { jwtSecret: SECRET, jwtIssuer: ISSUER, jwtAudience: ISSUER, jwksUrl: undefined, jwksFile: undefined },
    async () => null,
    undefined,
    kept,
  );
}

async function token(
  sub: string,
  { exp, nbf }: { exp: number; nbf?: number },
  secret = SECRET,
): Promise<string> {
  const jwt = new SignJWT({ org: 'BANK_XM_001', kind: 'BANK' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(ISSUER)
    .setIssuedAt(Math.floor(T0 / 1000))
    .setExpirationTime(exp);
  if (nbf !== undefined) jwt.setNotBefore(nbf);
  return jwt.sign(new TextEncoder().encode(secret));
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const at = (ms: number) => jest.setSystemTime(ms);

describe('verified HS256 tokens are kept until they expire', () => {
  afterEach(() => {
    jest.useRealTimers();
  });
  // Only Date is faked: jose's WebCrypto work and the promises around it run as usual.
  const fakeDate = () =>
    jest.useFakeTimers({
      now: T0,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });

  it('serves a kept token only while it is in force: expiry is checked on every use', async () => {
    fakeDate();
    const auth = authenticator();
    const t = await token('risk-engine', { exp: Math.floor(T0 / 1000) + 60 });
    expect((await auth.authenticate(bearer(t))).id).toBe('risk-engine');
    expect(auth.verifiedTokens).toBe(1);
    at(T0 + 59_999);
    expect((await auth.authenticate(bearer(t))).id).toBe('risk-engine');
    at(T0 + 60_000);
    await expect(auth.authenticate(bearer(t))).rejects.toThrow('the bearer token has expired');
    expect(auth.verifiedTokens).toBe(0);
  });

  it('checks a kept token’s not-before again: a clock set back does not make it valid early', async () => {
    fakeDate();
    const auth = authenticator();
    const t = await token('risk-engine', { exp: Math.floor(T0 / 1000) + 600, nbf: Math.floor(T0 / 1000) });
    await auth.authenticate(bearer(t));
    at(T0 - 1000);
    await expect(auth.authenticate(bearer(t))).rejects.toThrow(/nbf/);
  });

  it('keys on the whole token: a kept token with its signature changed is refused', async () => {
    fakeDate();
    const auth = authenticator();
    const t = await token('risk-engine', { exp: Math.floor(T0 / 1000) + 600 });
    await auth.authenticate(bearer(t));
    const [head, body] = t.split('.');
    const forged = await token('risk-engine', { exp: Math.floor(T0 / 1000) + 600 }, `${SECRET}-other`);
    await expect(auth.authenticate(bearer(`${head}.${body}.${forged.split('.')[2]}`))).rejects.toThrow(
      /signature/,
    );
    // A token of another subject signed with another secret is not the kept one either.
    await expect(auth.authenticate(bearer(forged))).rejects.toThrow(/signature/);
  });

  it('hands out a frozen principal, the same one for every request with the token', async () => {
    fakeDate();
    const auth = authenticator();
    const t = await token('risk-engine', { exp: Math.floor(T0 / 1000) + 600 });
    const first = await auth.authenticate(bearer(t));
    const second = await auth.authenticate(bearer(t));
    expect(second).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.scopes)).toBe(true);
  });

  it('keeps 10,000 tokens by default', () => {
    expect(VERIFIED_TOKENS_KEPT).toBe(10_000);
  });

  it('keeps at most as many tokens as it is told, the oldest making room', async () => {
    fakeDate();
    const auth = authenticator(50);
    const exp = Math.floor(T0 / 1000) + 600;
    const first = await token('client-0', { exp });
    await auth.authenticate(bearer(first));
    for (let i = 1; i <= 50; i++) await auth.authenticate(bearer(await token(`client-${i}`, { exp })));
    expect(auth.verifiedTokens).toBe(50);
    // The first one was dropped: verified again (and kept again), still accepted.
    expect((await auth.authenticate(bearer(first))).id).toBe('client-0');
    expect(auth.verifiedTokens).toBe(50);
  });
});
