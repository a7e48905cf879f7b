import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { UnauthenticatedError, principalFromClaims } from '../../auth/authenticate.js';
import type { Principal } from '../../auth/principal.js';
import { isPurpose, type Purpose } from '../../auth/purpose.js';

/** The header that carries the gateway's token to a subgraph (a client's own credentials never do). */
export const GATEWAY_TOKEN_HEADER = 'x-hub-gateway-token';
const ISSUER = 'inter-agency-data-hub/gateway';
const audienceOf = (subgraph: string) => `inter-agency-data-hub/subgraph/${subgraph}`;

/** What a subgraph learns from the gateway about one client operation. */
export interface GatewayClaims {
  readonly principal: Principal;
  readonly purpose: Purpose | undefined;
  /** The client operation's id at the gateway: every subgraph's access-log record carries it. */
  readonly operationId: string;
}

export function internalKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/**
 * Signs the principal the gateway authenticated, the operation's purpose and its
 * id for one subgraph (the audience), valid for `ttlSeconds`: a token taken from
 * one fetch cannot be replayed to another subgraph, nor for long.
 */
export async function signGatewayToken(
  key: KeyObject,
  subgraph: string,
  claims: GatewayClaims,
  ttlSeconds: number,
): Promise<string> {
  const { principal } = claims;
  return new SignJWT({
    org: principal.organisation,
    kind: principal.kind,
    scope: principal.scopes.join(' '),
    via: principal.via,
    ...(principal.apiKeyId === undefined ? {} : { akid: principal.apiKeyId }),
    ...(claims.purpose === undefined ? {} : { purpose: claims.purpose }),
    op: claims.operationId,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.id)
    .setIssuer(ISSUER)
    .setAudience(audienceOf(subgraph))
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

/**
 * A subgraph's check of the gateway's token: HS256 under the shared key, this
 * subgraph as audience, not expired. Anything else is UNAUTHENTICATED: a subgraph
 * serves nobody who did not come through the gateway.
 */
export async function verifyGatewayToken(
  key: KeyObject,
  subgraph: string,
  token: string | undefined,
): Promise<GatewayClaims> {
  if (token === undefined || token === '') {
    throw new UnauthenticatedError(
      `this subgraph serves only the hub's gateway: the ${GATEWAY_TOKEN_HEADER} header is missing`,
      { reason: 'GATEWAY_TOKEN_REQUIRED' },
    );
  }
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: audienceOf(subgraph),
      requiredClaims: ['exp', 'iat', 'sub', 'op'],
    }));
  } catch (err) {
    if (!(err instanceof joseErrors.JOSEError)) throw err;
    const reason = err instanceof joseErrors.JWTExpired ? 'GATEWAY_TOKEN_EXPIRED' : 'GATEWAY_TOKEN_INVALID';
    throw new UnauthenticatedError(`the gateway token was refused: ${err.code}`, { reason });
  }
  const via = payload.via === 'api-key' ? 'api-key' : 'jwt';
  const base = principalFromClaims(payload, via);
  const apiKeyId = typeof payload.akid === 'string' ? payload.akid : undefined;
  const principal: Principal = apiKeyId === undefined ? base : { ...base, apiKeyId };
  const purpose =
    typeof payload.purpose === 'string' && isPurpose(payload.purpose) ? payload.purpose : undefined;
  if (typeof payload.op !== 'string' || !/^[\w-]{1,64}$/.test(payload.op))
    throw new UnauthenticatedError('the gateway token names no operation', {
      reason: 'GATEWAY_TOKEN_INVALID',
    });
  return { principal, purpose, operationId: payload.op };
}
