import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { appendGovernanceWrite, type GovernanceActor } from '../../audit/access-log.append.js';
import { NotFoundError } from '../../common/errors.js';
import {
  checkEnum,
  checkList,
  checkOrganisation,
  checkSubject,
  checkText,
  checkToken,
  checkUuid,
  inputError,
  quote,
} from '../../common/input.js';
import { PrincipalKind, hubDepartments, isDepartment } from '../principal.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { ApiKeyConflictError } from './api-key.errors.js';
import { generateApiKey } from './api-key.secret.js';

export interface CreateApiKeyFields {
  readonly name: string;
  /** Subject of the principal the key authenticates as. */
  readonly principalId: string;
  readonly organisation: string;
  readonly kind: PrincipalKind | string;
  readonly scopes?: readonly string[] | null;
}

export interface ApiKeyFilter {
  readonly includeRevoked?: boolean | null;
}

const SCOPE = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,63}$/;
const MAX_SCOPES = 32;

/** Serialises creations so two concurrent requests cannot both take a free name. */
const NAME_LOCK = 'auth_api_key.name';

/** Who acts when a key is made outside a request (the `auth` CLI): the operator string, as admin. */
const cliActor = (operator: string): GovernanceActor => ({
  principal: { id: operator, organisation: 'HUB_CLI', kind: PrincipalKind.ADMIN },
  requestId: 'cli',
});

function checkScopes(scopes: readonly unknown[] | null | undefined): string[] {
  return checkList('scopes', scopes, MAX_SCOPES, (argument, value) =>
    checkToken(argument, value, 64, SCOPE, 'a token of letters, digits and : . _ - (no spaces)'),
  );
}

/**
 * Creates a key; the returned `key` is the only time the secret exists outside
 * the caller's hands. The key and its access-log record commit together.
 */
export async function createApiKey(
  em: SqlEntityManager,
  input: CreateApiKeyFields,
  createdBy: string,
  actor: GovernanceActor = cliActor(createdBy),
): Promise<{ key: string; record: ApiKeyEntity }> {
  const name = checkText('name', input.name, { max: 100 });
  const principalId = checkSubject('subject', input.principalId);
  const organisation = checkOrganisation('organisation', input.organisation);
  const kind = checkEnum('kind', input.kind, Object.values(PrincipalKind));
  const departments = hubDepartments(em);
  if (kind === PrincipalKind.DEPARTMENT && !isDepartment(organisation, departments)) {
    throw inputError(
      'organisation',
      'format',
      `organisation of a DEPARTMENT key must be a Department code, got ${quote(organisation)}`,
    );
  }
  const scopes = checkScopes(input.scopes);
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [NAME_LOCK]);
    const taken = await tx.findOne(ApiKeyEntity, { name, revokedAt: null }, { fields: ['id'] });
    if (taken) {
      throw new ApiKeyConflictError(
        `an active API key is already named ${quote(name)}; names identify keys`,
        {
          argument: 'name',
          rule: 'unique',
          id: taken.id,
        },
      );
    }
    const generated = generateApiKey();
    const record = tx.create(ApiKeyEntity, {
      id: randomUUID(),
      prefix: generated.prefix,
      secretHash: generated.secretHash,
      name,
      principalId,
      organisation,
      kind,
      department:
        kind === PrincipalKind.DEPARTMENT && isDepartment(organisation, departments) ? organisation : null,
      scopes: scopes.join(' '),
      createdAt: new Date(),
      createdBy,
      revokedAt: null,
      revokedBy: null,
      lastUsedAt: null,
    });
    await tx.flush();
    await appendGovernanceWrite(tx, actor, {
      action: 'API_KEY_CREATED',
      targetType: 'ApiKey',
      targetId: record.id,
      reason: null,
      details: { name, prefix: record.prefix, subject: principalId, organisation, kind, scopes },
    });
    return { key: generated.key, record };
  });
}

/** Revokes a key; the next request that presents it is refused. The revocation is on the access log. */
export async function revokeApiKey(
  em: SqlEntityManager,
  id: string,
  revokedBy: string,
  actor: GovernanceActor = cliActor(revokedBy),
): Promise<ApiKeyEntity> {
  const keyId = checkUuid('id', id);
  return em.transactional(async (tx) => {
    // Conditional update, so two concurrent revocations cannot both succeed.
    const changed = await tx.nativeUpdate(
      ApiKeyEntity,
      { id: keyId, revokedAt: null },
      { revokedAt: new Date(), revokedBy },
    );
    const record = await tx.findOne(ApiKeyEntity, { id: keyId }, { refresh: true });
    if (!record) throw new NotFoundError(`No API key with id ${keyId}`, { argument: 'id' });
    if (changed === 0) {
      throw new ApiKeyConflictError(
        `API key ${keyId} is already revoked (since ${record.revokedAt?.toISOString()})`,
        { argument: 'id', rule: 'state', id: keyId },
      );
    }
    await appendGovernanceWrite(tx, actor, {
      action: 'API_KEY_REVOKED',
      targetType: 'ApiKey',
      targetId: keyId,
      reason: null,
      details: { name: record.name, prefix: record.prefix, subject: record.principalId },
    });
    return record;
  });
}

/** Keys, newest first; revoked ones only when asked for. */
export async function listApiKeys(em: SqlEntityManager, filter: ApiKeyFilter = {}): Promise<ApiKeyEntity[]> {
  return em.find(ApiKeyEntity, filter.includeRevoked ? {} : { revokedAt: null }, {
    orderBy: { createdAt: 'desc', id: 'asc' },
  });
}
