import { ForbiddenError } from '../forbidden.js';
import { PrincipalKind, type Principal } from '../principal.js';

/** Scope of an organisation's own administrator: may issue that organisation's keys. */
export const KEY_MANAGER_SCOPE = 'api-keys:manage';

/**
 * A key cannot outrank its issuer. A key reads what its (kind, organisation)
 * may read, so an issuer may mint only keys it could already act as:
 *
 * - the hub operator (ADMIN) mints operator keys: kind ADMIN, its own organisation;
 * - an organisation's administrator (a principal with scope `api-keys:manage`)
 *   mints keys of its own kind for its own organisation: the tax bureau's
 *   administrator issues the tax bureau's keys, a bank's administrator the bank's.
 *
 * Nobody can mint a key for another organisation or a different kind: an admin
 * cannot give itself the tax bureau's conditional data through a DEPARTMENT key.
 */
export function checkMayMint(issuer: Principal, kind: string, organisation: string): void {
  const own = organisation.trim() === issuer.organisation;
  const allowed =
    issuer.kind === PrincipalKind.ADMIN
      ? kind === PrincipalKind.ADMIN && own
      : issuer.scopes.includes(KEY_MANAGER_SCOPE) && kind === issuer.kind && own;
  if (allowed) return;
  const rule =
    issuer.kind === PrincipalKind.ADMIN
      ? `the hub operator issues operator keys only (kind ADMIN, organisation ${issuer.organisation})`
      : issuer.scopes.includes(KEY_MANAGER_SCOPE)
        ? `an organisation's administrator issues keys of its own kind for its own organisation only (${issuer.kind}, ${issuer.organisation})`
        : `only the hub operator or an organisation's administrator (scope ${KEY_MANAGER_SCOPE}) issues keys`;
  throw new ForbiddenError(
    `createApiKey refused: a key cannot outrank its issuer; ${rule}. Ask ${organisation}'s own administrator.`,
    { reason: 'KEY_OUTRANKS_ISSUER', operation: 'createApiKey' },
  );
}
