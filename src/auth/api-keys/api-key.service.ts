import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import { PrincipalKind, isDepartment } from '../principal.js';
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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireText(field: string, value: string, max: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') throw new BadInputError(`${field} must not be empty`, { field, rule: 'required' });
  if (trimmed.length > max) {
    throw new BadInputError(`${field} must be at most ${max} characters, got ${trimmed.length}`, {
      field,
      rule: 'maxLength',
    });
  }
  return trimmed;
}

function checkKind(kind: string): PrincipalKind {
  if (!(Object.values(PrincipalKind) as string[]).includes(kind)) {
    throw new BadInputError(`kind must be one of ${Object.values(PrincipalKind).join(', ')}, got '${kind}'`, {
      field: 'kind',
      rule: 'enum',
    });
  }
  return kind as PrincipalKind;
}

function checkScopes(scopes: readonly string[]): string[] {
  const unique = [...new Set(scopes.map((s) => s.trim()))];
  const bad = unique.find((s) => !SCOPE.test(s));
  if (bad !== undefined) {
    throw new BadInputError(
      `scopes must be tokens of letters, digits and : . _ - (at most 64 characters, no spaces); '${bad}' is not`,
      { field: 'scopes', rule: 'token' },
    );
  }
  if (unique.length > MAX_SCOPES) {
    throw new BadInputError(`scopes may list at most ${MAX_SCOPES} scopes, got ${unique.length}`, {
      field: 'scopes',
      rule: 'maxItems',
    });
  }
  return unique;
}

/** Creates a key; the returned `key` is the only time the secret exists outside the caller's hands. */
export async function createApiKey(
  em: SqlEntityManager,
  input: CreateApiKeyFields,
  createdBy: string,
): Promise<{ key: string; record: ApiKeyEntity }> {
  const name = requireText('name', input.name, 100);
  const principalId = requireText('subject', input.principalId, 128);
  const organisation = requireText('organisation', input.organisation, 64);
  const kind = checkKind(input.kind);
  if (kind === PrincipalKind.DEPARTMENT && !isDepartment(organisation)) {
    throw new BadInputError(
      `organisation of a DEPARTMENT key must be a Department code, got '${organisation}'`,
      {
        field: 'organisation',
        rule: 'department',
      },
    );
  }
  const scopes = checkScopes(input.scopes ?? []);
  const generated = generateApiKey();
  const record = em.create(ApiKeyEntity, {
    id: randomUUID(),
    prefix: generated.prefix,
    secretHash: generated.secretHash,
    name,
    principalId,
    organisation,
    kind,
    department: kind === PrincipalKind.DEPARTMENT && isDepartment(organisation) ? organisation : null,
    scopes: scopes.join(' '),
    createdAt: new Date(),
    createdBy,
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
  });
  await em.flush();
  return { key: generated.key, record };
}

/** Revokes a key; the next request that presents it is refused. */
export async function revokeApiKey(
  em: SqlEntityManager,
  id: string,
  revokedBy: string,
): Promise<ApiKeyEntity> {
  if (!UUID.test(id))
    throw new BadInputError(`id must be a UUID, got '${id}'`, { field: 'id', rule: 'uuid' });
  // Conditional update, so two concurrent revocations cannot both succeed.
  const changed = await em.nativeUpdate(
    ApiKeyEntity,
    { id, revokedAt: null },
    { revokedAt: new Date(), revokedBy },
  );
  const record = await em.findOne(ApiKeyEntity, { id }, { refresh: true });
  if (!record) throw new NotFoundError(`No API key with id ${id}`, { id });
  if (changed === 0) {
    throw new ApiKeyConflictError(
      `API key ${id} is already revoked (since ${record.revokedAt?.toISOString()})`,
      {
        id,
      },
    );
  }
  return record;
}

/** Keys, newest first; revoked ones only when asked for. */
export async function listApiKeys(em: SqlEntityManager, filter: ApiKeyFilter = {}): Promise<ApiKeyEntity[]> {
  return em.find(ApiKeyEntity, filter.includeRevoked ? {} : { revokedAt: null }, {
    orderBy: { createdAt: 'desc', id: 'asc' },
  });
}
