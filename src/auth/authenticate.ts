import { createSecretKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  SignJWT,
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JSONWebKeySet,
} from 'jose';
import type { HubConfig } from '../config/config.js';
import { BadInputError, ErrorCode, HubError, type ErrorDetails } from '../common/errors.js';
import { checkList, checkOrganisation, checkSubject, checkToken } from '../common/input.js';
import { PrincipalKind, isDepartment, type Principal } from './principal.js';

export class UnauthenticatedError extends HubError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ErrorCode.UNAUTHENTICATED, message, details);
  }
}

/** Looks up an API key; resolves to its principal, or null when unknown or revoked. */
export type ApiKeyVerifier = (key: string) => Promise<Principal | null>;

export interface TokenClaims {
  readonly sub: string;
  readonly org: string;
  readonly kind: PrincipalKind;
  readonly scopes?: readonly string[];
}

const ASYMMETRIC = ['RS256', 'ES256'];
const isKind = (value: unknown): value is PrincipalKind =>
  typeof value === 'string' && (Object.values(PrincipalKind) as string[]).includes(value);

const SCOPE = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$/;

/**
 * A claim checked by the same rules as the API input it becomes (subject,
 * organisation code, scope tokens), so whatever authentication admits fits every
 * column it is written to; a bad claim is 401 naming the claim, never a 500 later.
 */
function claim<T>(name: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    throw new UnauthenticatedError(`token claim ${err.message}`, {
      claim: name,
      rule: err.details.rule ?? null,
    });
  }
}

/** Turns verified claims into a principal, refusing claims that do not describe one. */
export function principalFromClaims(
  payload: JWTPayload,
  via: Principal['via'],
  departments?: ReadonlySet<string>,
): Principal {
  const raw = payload as JWTPayload & { org?: unknown; kind?: unknown };
  if (typeof raw.sub !== 'string' || raw.sub === '')
    throw new UnauthenticatedError('token has no subject (sub)', { claim: 'sub', rule: 'required' });
  if (typeof raw.org !== 'string' || raw.org === '')
    throw new UnauthenticatedError('token has no organisation (org)', { claim: 'org', rule: 'required' });
  const sub = claim('sub', () => checkSubject('sub', raw.sub));
  const org = claim('org', () => checkOrganisation('org', raw.org));
  const kind = raw.kind;
  if (!isKind(kind))
    throw new UnauthenticatedError(`token kind must be one of ${Object.values(PrincipalKind).join(', ')}`, {
      claim: 'kind',
      rule: 'enum',
    });
  if (kind === PrincipalKind.DEPARTMENT && !isDepartment(org, departments)) {
    throw new UnauthenticatedError('a DEPARTMENT token must name a department code as its organisation', {
      claim: 'org',
      rule: 'format',
    });
  }
  const scope = (payload as { scope?: unknown }).scope;
  const scopes = claim('scope', () =>
    checkList(
      'scope',
      typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [],
      32,
      (argument, value) => checkToken(argument, value, 64, SCOPE, 'space-separated scope tokens'),
    ),
  );
  return {
    id: sub,
    organisation: org,
    kind,
    scopes,
    department: kind === PrincipalKind.DEPARTMENT && isDepartment(org, departments) ? org : undefined,
    via,
  };
}

/**
 * Verifies bearer tokens (HS256 with the configured secret; RS256/ES256 against a
 * JWKS) and API keys. Issuer, audience and expiry are always checked.
 */
export class Authenticator {
  // A KeyObject made once: with raw bytes jose imports the key again on every verification.
  private readonly secret: KeyObject | undefined;
  private readonly jwks: JWTVerifyGetKey | undefined;
  /**
   * HS256 tokens this hub verified, with the principal each proved, until they
   * expire: verifying again gives the same answer (same bytes, same secret, same
   * issuer and audience) but for the time claims, which are checked again on every
   * use. A verification through WebCrypto was a thread-pool round trip per request
   * (0.1 ms of a profile's 4–5 ms). Tokens checked against a JWKS are verified
   * every time, so a key withdrawn from the set stops working as jose refetches it.
   * Like Envoy's jwt_authn token cache, bounded: the oldest entry makes room.
   */
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly config: Pick<
      HubConfig,
      'jwtSecret' | 'jwtIssuer' | 'jwtAudience' | 'jwksUrl' | 'jwksFile'
    > &
      Partial<Pick<HubConfig, 'jwtMaxTtl' | 'jwtMachineMaxTtl' | 'jwtMachineClients'>>,
    private readonly verifyApiKey: ApiKeyVerifier,
    /** The assembled hub's declared departments (default: the built-in modules'). */
    private readonly departments?: ReadonlySet<string>,
    /** Verified HS256 tokens kept at most. */
    private readonly verifiedTokensKept = VERIFIED_TOKENS_KEPT,
  ) {
    this.secret = config.jwtSecret ? createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) : undefined;
    if (config.jwksUrl) this.jwks = createRemoteJWKSet(new URL(config.jwksUrl));
    else if (config.jwksFile)
      this.jwks = createLocalJWKSet(JSON.parse(readFileSync(config.jwksFile, 'utf8')) as JSONWebKeySet);
  }

  async authenticate(headers: Record<string, string | string[] | undefined>): Promise<Principal> {
    const authorization = single(headers.authorization);
    const apiKeyHeader = single(headers['x-api-key']);
    if (apiKeyHeader) return this.fromApiKey(apiKeyHeader);
    if (!authorization) {
      throw new UnauthenticatedError(
        'no credentials: send Authorization: Bearer <token> or X-API-Key: <key>',
      );
    }
    const [scheme, value] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() === 'apikey' && value) return this.fromApiKey(value);
    if (scheme?.toLowerCase() !== 'bearer' || !value) {
      throw new UnauthenticatedError('the Authorization header must be "Bearer <token>" or "ApiKey <key>"');
    }
    return this.fromToken(value);
  }

  private async fromApiKey(key: string): Promise<Principal> {
    const principal = await this.verifyApiKey(key);
    if (!principal) throw new UnauthenticatedError('the API key is unknown or revoked');
    return principal;
  }

  /**
   * A stolen long-lived token outlives every revocation, so lifetimes are capped:
   * JWT_MAX_TTL for people, JWT_MACHINE_MAX_TTL for registered machine clients.
   * Lifetime is exp − iat (a token without iat counts from now).
   */
  private checkLifetime(payload: JWTPayload, principal: Principal): Principal {
    const machine = (this.config.jwtMachineClients ?? []).includes(
      `${principal.organisation}/${principal.id}`,
    );
    const max = machine ? (this.config.jwtMachineMaxTtl ?? 30 * 86400) : (this.config.jwtMaxTtl ?? 86400);
    const issued = typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000);
    const lifetime = (payload.exp ?? Infinity) - issued;
    if (lifetime > max) {
      throw lifetimeRefused(
        `the bearer token lives ${lifetime} s, longer than the ${max} s this hub accepts` +
          (machine ? ' for registered machine clients' : ''),
        max,
      );
    }
    return principal;
  }

  /** Verified HS256 tokens kept now (tests). */
  get verifiedTokens(): number {
    return this.verified.size;
  }

  /** Keeps what a verified token proved; the principal, shared by every request with it, is frozen. */
  private remember(token: string, payload: JWTPayload, principal: Principal): Principal {
    // requiredClaims: ['exp'] made jose refuse a token without it.
    if (typeof payload.exp !== 'number') return principal;
    if (this.verified.size >= this.verifiedTokensKept) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    const frozen = Object.freeze({ ...principal, scopes: Object.freeze([...principal.scopes]) });
    this.verified.set(token, {
      principal: frozen,
      exp: payload.exp,
      nbf: typeof payload.nbf === 'number' ? payload.nbf : undefined,
    });
    return frozen;
  }

  private async fromToken(token: string): Promise<Principal> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new UnauthenticatedError('the bearer token is not a JWT');
    }
    const options = {
      issuer: this.config.jwtIssuer,
      audience: this.config.jwtAudience,
      requiredClaims: ['exp'],
    };
    try {
      if (alg === 'HS256' && this.secret) {
        const known = this.verified.get(token);
        if (known) {
          if (inForce(known)) return known.principal;
          // Expired (or not yet valid) now: jose says which, as for any other token.
          this.verified.delete(token);
        }
        const { payload } = await jwtVerify(token, this.secret, { ...options, algorithms: ['HS256'] });
        return this.remember(
          token,
          payload,
          this.checkLifetime(payload, principalFromClaims(payload, 'jwt', this.departments)),
        );
      }
      if (alg && ASYMMETRIC.includes(alg) && this.jwks) {
        const { payload } = await jwtVerify(token, this.jwks, { ...options, algorithms: ASYMMETRIC });
        return this.checkLifetime(payload, principalFromClaims(payload, 'jwt', this.departments));
      }
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      throw new UnauthenticatedError(describeJoseError(err));
    }
    throw new UnauthenticatedError(`tokens signed with ${alg ?? 'no algorithm'} are not accepted here`);
  }
}

/** Verified HS256 tokens kept at most (a few hundred bytes each). */
export const VERIFIED_TOKENS_KEPT = 10_000;

interface VerifiedToken {
  readonly principal: Principal;
  /** exp and nbf in seconds, as jose compares them (whole seconds of now, no tolerance). */
  readonly exp: number;
  readonly nbf: number | undefined;
}

function inForce(token: VerifiedToken): boolean {
  const now = Math.floor(Date.now() / 1000);
  return now < token.exp && (token.nbf === undefined || token.nbf <= now);
}

function lifetimeRefused(message: string, maxSeconds: number): UnauthenticatedError {
  return new UnauthenticatedError(message, {
    reason: 'TOKEN_LIFETIME_TOO_LONG',
    maxLifetimeSeconds: maxSeconds,
  });
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'the bearer token has expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed)
    return `the bearer token's ${err.claim} claim is not accepted`;
  if (err instanceof joseErrors.JWSSignatureVerificationFailed)
    return 'the bearer token signature is invalid';
  return 'the bearer token could not be verified';
}

/** Mints an HS256 token (development CLI and tests). */
export async function mintToken(
  config: Pick<HubConfig, 'jwtSecret' | 'jwtIssuer' | 'jwtAudience'>,
  claims: TokenClaims,
  expiresIn = '8h',
): Promise<string> {
  if (!config.jwtSecret) throw new UnauthenticatedError('no JWT_SECRET is configured to sign tokens with');
  return new SignJWT({ org: claims.org, kind: claims.kind, scope: (claims.scopes ?? []).join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(config.jwtIssuer)
    .setAudience(config.jwtAudience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(config.jwtSecret));
}
