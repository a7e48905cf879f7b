import type { HubOrm } from '../../db/orm.js';
import type { ApiKeyVerifier } from '../authenticate.js';
import { PrincipalKind, type Principal } from '../principal.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { parseApiKey, secretMatches } from './api-key.secret.js';

const LAST_USED_RESOLUTION_MS = 60_000;

export function principalOfKey(record: ApiKeyEntity): Principal {
  return {
    id: record.principalId,
    organisation: record.organisation,
    kind: record.kind,
    scopes: record.scopes.split(' ').filter(Boolean),
    // Checked against the hub's declared departments when the key was created.
    department: record.kind === PrincipalKind.DEPARTMENT ? (record.department ?? undefined) : undefined,
    via: 'api-key',
    apiKeyId: record.id,
  };
}

/** Resolves an API key to its principal: null when malformed, unknown, revoked or wrong. */
export const apiKeyVerifier =
  (orm: HubOrm): ApiKeyVerifier =>
  async (key) => {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const em = orm.em.fork();
    const record = await em.findOne(ApiKeyEntity, { prefix: parsed.prefix });
    if (!record || record.revokedAt !== null || !secretMatches(parsed.secret, record.secretHash)) return null;
    // lastUsedAt is for spotting idle keys, not an access log: minute resolution
    // spares a write on every request of a busy risk engine.
    const now = Date.now();
    if (!record.lastUsedAt || now - record.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await em.execute(
        `update auth_api_key set last_used_at = now()
          where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
        [record.id],
      );
    }
    return principalOfKey(record);
  };
