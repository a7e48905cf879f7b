import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { appendGovernanceWrite, type GovernanceActor } from '../../audit/access-log.append.js';
import type { GovernanceAction } from '../../audit/access-log.entity.js';
import { ErrorCode } from '../../common/errors.js';
import { checkDateTime, checkText, checkUuid, quote, type InputRule } from '../../common/input.js';
import { isOwner } from '../access-control.js';
import { SharingClass, type CatalogResource } from '../catalog.js';
import { hubCatalogResources } from '../hub-catalog.js';
import { modulesOfEm } from '../../db/orm-modules.js';
import type { HubModule } from '../../server/hub-module.js';
import { PrincipalKind, type Principal } from '../principal.js';
import { isPurpose, type Purpose } from '../purpose.js';
import { SharingAgreementEntity } from './agreement.entity.js';
import { SharingAgreementStatus, type StoredAgreementStatus } from './agreement.enums.js';
import { AgreementError } from './agreement.errors.js';

export const REASON_MIN_LENGTH = 10;
export const REASON_MAX_LENGTH = 2000;

export interface ApplyInput {
  readonly resource: string;
  readonly purposes: readonly Purpose[];
  readonly reason: string;
}

export interface ApprovalInput {
  readonly validFrom: Date;
  readonly validTo: Date;
}

export interface ReasonInput {
  /** Optional in the type so that a missing reason is reported as a rule, not a crash. */
  readonly reason: string | null | undefined;
}

export interface AgreementFilter {
  readonly status?: SharingAgreementStatus | null;
  readonly resource?: string | null;
}

export interface AgreementPage {
  readonly limit: number;
  readonly offset: number;
}

export interface AgreementList {
  readonly items: readonly SharingAgreementEntity[];
  readonly totalCount: number;
}

/** The catalog entry of a resource code in a hub's catalog (its module list). */
export function catalogResource(modules: readonly HubModule[], code: string): CatalogResource | undefined {
  return hubCatalogResources(modules).find((r) => r.code === code);
}

/** The module list of the hub an EntityManager belongs to (every hub ORM is created with one). */
function modulesOf(em: SqlEntityManager): readonly HubModule[] {
  const modules = modulesOfEm(em);
  if (!modules) throw new Error('this EntityManager was not created by createOrm, so it has no hub catalog');
  return modules;
}

/** Who acted, as `organisation/principal-id`: ids are unique only within their organisation. */
export const principalRef = (principal: Principal): string => `${principal.organisation}/${principal.id}`;

/** The status a client sees: an approved agreement whose window has ended is EXPIRED. */
export function effectiveStatus(
  agreement: SharingAgreementEntity,
  now: Date = new Date(),
): SharingAgreementStatus {
  if (
    agreement.status === SharingAgreementStatus.APPROVED &&
    agreement.validTo !== null &&
    agreement.validTo.getTime() <= now.getTime()
  ) {
    return SharingAgreementStatus.EXPIRED;
  }
  return agreement.status;
}

const badInput = (
  argument: string,
  message: string,
  rule: InputRule | 'catalog' = 'catalog',
): AgreementError => new AgreementError(ErrorCode.BAD_USER_INPUT, message, { argument, rule });

/** Only conditionally shared resources are governed by agreements; anything else is the caller's mistake. */
function conditionalResource(em: SqlEntityManager, value: string): CatalogResource {
  const code = checkText('resource', value, { max: 100 });
  const resource = catalogResource(modulesOf(em), code);
  if (!resource) {
    throw badInput(
      'resource',
      `resource ${quote(code)} is not in the data catalog; use a catalog resource code`,
    );
  }
  if (resource.sharing === SharingClass.UNCONDITIONAL) {
    throw badInput(
      'resource',
      `resource '${code}' is shared unconditionally: it is readable without an agreement, so there is nothing to apply for`,
    );
  }
  if (resource.sharing === SharingClass.NOT_SHARED) {
    throw badInput(
      'resource',
      `resource '${code}' is not shared: only its owner ${resource.owner} may read it`,
    );
  }
  return resource;
}

function checkPurposes(purposes: readonly Purpose[]): Purpose[] {
  if (purposes.length === 0)
    throw badInput('purposes', 'purposes must list at least one purpose of use', 'required');
  const unknown = purposes.filter((p) => !isPurpose(p));
  if (unknown.length > 0)
    throw badInput(
      'purposes',
      `purposes contains unknown purposes: ${unknown.map((p) => quote(p)).join(', ')}`,
      'enum',
    );
  const duplicates = purposes.filter((p, i) => purposes.indexOf(p) !== i);
  if (duplicates.length > 0) {
    throw badInput(
      'purposes',
      `purposes must not repeat a purpose; repeated: ${[...new Set(duplicates)].join(', ')}`,
      'format',
    );
  }
  return [...purposes];
}

/** A reason a person can read later: required, free text, 10–2000 characters (code points) after trimming. */
function checkReason(argument: string, reason: string | null | undefined, why: string): string {
  if ((reason ?? '').trim() === '') throw badInput(argument, `${argument} is required: ${why}`, 'required');
  return checkText(argument, reason, { min: REASON_MIN_LENGTH, max: REASON_MAX_LENGTH, multiline: true });
}

/** Ids are UUIDs; anything else is bad input (checked before any SQL), a UUID that names nothing NOT_FOUND. */
async function lockAgreement(em: SqlEntityManager, id: string): Promise<SharingAgreementEntity> {
  const found = await em.findOne(SharingAgreementEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!found) {
    throw new AgreementError(ErrorCode.NOT_FOUND, `No sharing agreement with id ${id}`, { argument: 'id' });
  }
  return found;
}

/** Approval and refusal are the owning department's decision; the hub operator does not make it for them. */
function assertOwnerDecides(principal: Principal, agreement: SharingAgreementEntity, action: string): void {
  if (isOwner(principal, agreement.ownerDepartment)) return;
  const why =
    principal.kind === PrincipalKind.ADMIN
      ? 'the hub operator may revoke agreements but not decide applications'
      : `${principal.organisation} does not own resource ${agreement.resource}`;
  throw new AgreementError(
    ErrorCode.FORBIDDEN,
    `Only the owning department ${agreement.ownerDepartment} may ${action} sharing agreement ${agreement.id}; ${why}`,
  );
}

function assertStatus(
  agreement: SharingAgreementEntity,
  expected: SharingAgreementStatus,
  action: string,
): void {
  const current = effectiveStatus(agreement);
  if (current === expected) return;
  throw new AgreementError(
    ErrorCode.CONFLICT,
    `Sharing agreement ${agreement.id} is ${current}; only a ${expected} agreement can be ${action}`,
    { status: current },
  );
}

/** Request id of writes made outside a request (seeds, scripts). */
const DIRECT = 'direct';

/** Serialises applications of one organisation for one resource, so a duplicate cannot slip in. */
const applicationLock = (consumerOrg: string, resource: string): string =>
  `auth_sharing_agreement.pending:${consumerOrg}:${resource}`;

async function recordDecision(
  tx: SqlEntityManager,
  principal: Principal,
  requestId: string,
  agreement: SharingAgreementEntity,
  action: GovernanceAction,
  reason: string | null,
  details: Record<string, string | readonly string[] | null> = {},
): Promise<void> {
  const actor: GovernanceActor = { principal, requestId };
  await appendGovernanceWrite(tx, actor, {
    action,
    targetType: 'SharingAgreement',
    targetId: agreement.id,
    reason,
    resource: agreement.resource,
    owner: agreement.ownerDepartment,
    details: {
      consumerOrganisation: agreement.consumerOrg,
      status: agreement.status,
      purposes: agreement.purposes,
      ...details,
    },
  });
}

/**
 * A consumer asks an owner for a conditionally shared resource, for stated purposes,
 * with a justification. An organisation has at most one pending application per
 * resource: a second is CONFLICT naming the first.
 */
export async function apply(
  em: SqlEntityManager,
  principal: Principal,
  input: ApplyInput,
  requestId: string = DIRECT,
): Promise<SharingAgreementEntity> {
  // Being admin or auditor grants no data, so neither may hold an agreement that would.
  if (principal.kind === PrincipalKind.ADMIN || principal.kind === PrincipalKind.AUDITOR) {
    throw new AgreementError(
      ErrorCode.FORBIDDEN,
      `${principal.kind} principals read no department data and cannot apply for sharing agreements`,
    );
  }
  const resource = conditionalResource(em, input.resource);
  if (isOwner(principal, resource.owner)) {
    throw badInput(
      'resource',
      `resource '${resource.code}' is owned by ${resource.owner}; an owner reads its own data without an agreement`,
    );
  }
  const purposes = checkPurposes(input.purposes);
  const reason = checkReason('reason', input.reason, 'say why your organisation needs this resource');
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [
      applicationLock(principal.organisation, resource.code),
    ]);
    const pending = await tx.findOne(
      SharingAgreementEntity,
      {
        consumerOrg: principal.organisation,
        resource: resource.code,
        status: SharingAgreementStatus.PENDING,
      },
      { fields: ['id'] },
    );
    if (pending) {
      throw new AgreementError(
        ErrorCode.CONFLICT,
        `${principal.organisation} already has a pending application for ${resource.code} (${pending.id}); wait for its decision`,
        { argument: 'resource', rule: 'unique', id: pending.id },
      );
    }
    const agreement = tx.create(SharingAgreementEntity, {
      consumerOrg: principal.organisation,
      applicant: principalRef(principal),
      resource: resource.code,
      purposes,
      reason,
      status: SharingAgreementStatus.PENDING,
      ownerDepartment: resource.owner,
    });
    await tx.flush();
    await recordDecision(tx, principal, requestId, agreement, 'AGREEMENT_APPLIED', reason);
    return agreement;
  });
}

export async function approve(
  em: SqlEntityManager,
  principal: Principal,
  id: string,
  input: ApprovalInput,
  requestId: string = DIRECT,
): Promise<SharingAgreementEntity> {
  const agreementId = checkUuid('id', id);
  const validFrom = checkDateTime('validFrom', input.validFrom);
  const validTo = checkDateTime('validTo', input.validTo);
  if (validTo.getTime() <= validFrom.getTime()) {
    throw badInput('validTo', `validTo must be after validFrom (${validFrom.toISOString()})`, 'dateRange');
  }
  return em.transactional(async (tx) => {
    const agreement = await lockAgreement(tx, agreementId);
    assertOwnerDecides(principal, agreement, 'approve');
    assertStatus(agreement, SharingAgreementStatus.PENDING, 'approved');
    const now = new Date();
    if (validTo.getTime() <= now.getTime()) {
      throw badInput('validTo', `validTo must be in the future, got ${validTo.toISOString()}`, 'dateRange');
    }
    Object.assign(agreement, {
      status: SharingAgreementStatus.APPROVED,
      validFrom,
      validTo,
      decidedBy: principalRef(principal),
      decidedAt: now,
    });
    await tx.flush();
    await recordDecision(tx, principal, requestId, agreement, 'AGREEMENT_APPROVED', null, {
      validFrom: validFrom.toISOString(),
      validTo: validTo.toISOString(),
    });
    return agreement;
  });
}

export async function reject(
  em: SqlEntityManager,
  principal: Principal,
  id: string,
  input: ReasonInput,
  requestId: string = DIRECT,
): Promise<SharingAgreementEntity> {
  const agreementId = checkUuid('id', id);
  const reason = checkReason('reason', input.reason, 'the sharing regulation requires reasons for refusals');
  return em.transactional(async (tx) => {
    const agreement = await lockAgreement(tx, agreementId);
    assertOwnerDecides(principal, agreement, 'reject');
    assertStatus(agreement, SharingAgreementStatus.PENDING, 'rejected');
    Object.assign(agreement, {
      status: SharingAgreementStatus.REJECTED,
      decidedBy: principalRef(principal),
      decidedAt: new Date(),
      decisionReason: reason,
    });
    await tx.flush();
    await recordDecision(tx, principal, requestId, agreement, 'AGREEMENT_REJECTED', reason);
    return agreement;
  });
}

/** The owner withdraws its consent, or the hub operator offboards a consumer; effective from the next request. */
export async function revoke(
  em: SqlEntityManager,
  principal: Principal,
  id: string,
  input: ReasonInput,
  requestId: string = DIRECT,
): Promise<SharingAgreementEntity> {
  const agreementId = checkUuid('id', id);
  const reason = checkReason('reason', input.reason, 'a consumer losing access is told why');
  return em.transactional(async (tx) => {
    const agreement = await lockAgreement(tx, agreementId);
    if (!isOwner(principal, agreement.ownerDepartment) && principal.kind !== PrincipalKind.ADMIN) {
      throw new AgreementError(
        ErrorCode.FORBIDDEN,
        `Only the owning department ${agreement.ownerDepartment} or the hub operator may revoke sharing agreement ${agreement.id}`,
      );
    }
    assertStatus(agreement, SharingAgreementStatus.APPROVED, 'revoked');
    Object.assign(agreement, {
      status: SharingAgreementStatus.REVOKED,
      revokedBy: principalRef(principal),
      revokedAt: new Date(),
      revocationReason: reason,
    });
    await tx.flush();
    await recordDecision(tx, principal, requestId, agreement, 'AGREEMENT_REVOKED', reason);
    return agreement;
  });
}

/** Rows the principal may see: its organisation's applications, and for a department those for its resources. */
function visibleTo(principal: Principal): FilterQuery<SharingAgreementEntity> {
  if (principal.kind === PrincipalKind.ADMIN || principal.kind === PrincipalKind.AUDITOR) return {};
  if (principal.kind === PrincipalKind.DEPARTMENT && principal.department) {
    return { $or: [{ ownerDepartment: principal.department }, { consumerOrg: principal.organisation }] };
  }
  return { consumerOrg: principal.organisation };
}

function statusWhere(status: SharingAgreementStatus, now: Date): FilterQuery<SharingAgreementEntity> {
  switch (status) {
    case SharingAgreementStatus.EXPIRED:
      return { status: SharingAgreementStatus.APPROVED, validTo: { $lte: now } };
    case SharingAgreementStatus.APPROVED:
      return { status: SharingAgreementStatus.APPROVED, validTo: { $gt: now } };
    default:
      return { status };
  }
}

/** Agreements the principal may see, newest first. */
export async function list(
  em: SqlEntityManager,
  principal: Principal,
  filter: AgreementFilter = {},
  page: AgreementPage = { limit: 50, offset: 0 },
): Promise<AgreementList> {
  const now = new Date();
  const conditions: FilterQuery<SharingAgreementEntity>[] = [visibleTo(principal)];
  if (filter.status) conditions.push(statusWhere(filter.status, now));
  if (filter.resource) {
    if (!catalogResource(modulesOf(em), checkText('resource', filter.resource, { max: 100 }))) {
      throw badInput('resource', `resource ${quote(filter.resource)} is not in the data catalog`);
    }
    conditions.push({ resource: filter.resource });
  }
  const [items, totalCount] = await em.findAndCount(
    SharingAgreementEntity,
    { $and: conditions },
    { orderBy: { createdAt: 'desc', id: 'asc' }, limit: page.limit, offset: page.offset },
  );
  return { items, totalCount };
}

export interface AgreementRecordInput {
  readonly consumerOrg: string;
  readonly resource: string;
  readonly purposes: readonly Purpose[];
  readonly status: StoredAgreementStatus;
  readonly reason?: string;
  readonly applicant?: string;
  readonly validFrom?: Date | null;
  readonly validTo?: Date | null;
  readonly decidedBy?: string | null;
  readonly decidedAt?: Date | null;
  readonly decisionReason?: string | null;
  readonly revokedBy?: string | null;
  readonly revokedAt?: Date | null;
  readonly revocationReason?: string | null;
  readonly createdAt?: Date;
}

/**
 * Writes an agreement in any stored state without the workflow, for seeds and
 * tests that need history (expired, revoked) the clock would not give them.
 */
export async function createAgreementRecord(
  em: SqlEntityManager,
  input: AgreementRecordInput,
): Promise<SharingAgreementEntity> {
  const resource = conditionalResource(em, input.resource);
  const granted =
    input.status === SharingAgreementStatus.APPROVED || input.status === SharingAgreementStatus.REVOKED;
  if (granted && (!input.validFrom || !input.validTo || input.validTo <= input.validFrom)) {
    throw badInput('validTo', `an ${input.status} agreement needs validFrom before validTo`);
  }
  const agreement = em.create(SharingAgreementEntity, {
    consumerOrg: input.consumerOrg,
    applicant: input.applicant ?? `${input.consumerOrg}/seed`,
    resource: resource.code,
    purposes: checkPurposes(input.purposes),
    reason: input.reason ?? `Recorded directly for ${input.consumerOrg} by seed or test data`,
    status: input.status,
    ownerDepartment: resource.owner,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    decidedBy: input.decidedBy ?? null,
    decidedAt: input.decidedAt ?? null,
    decisionReason: input.decisionReason ?? null,
    revokedBy: input.revokedBy ?? null,
    revokedAt: input.revokedAt ?? null,
    revocationReason: input.revocationReason ?? null,
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  });
  await em.flush();
  return agreement;
}

export interface ApprovedAgreementInput {
  readonly consumerOrg: string;
  readonly resource: string;
  readonly purposes: readonly Purpose[];
  readonly validFrom: Date;
  readonly validTo: Date;
  /** `organisation/principal-id` of the approver, e.g. `TAX/tax-system`. */
  readonly approvedBy: string;
  readonly reason?: string;
  readonly applicant?: string;
  readonly decidedAt?: Date;
  readonly createdAt?: Date;
}

/** An approved agreement written directly; a `validTo` in the past makes an expired one. */
export async function createApprovedAgreement(
  em: SqlEntityManager,
  input: ApprovedAgreementInput,
): Promise<SharingAgreementEntity> {
  return createAgreementRecord(em, {
    ...input,
    status: SharingAgreementStatus.APPROVED,
    decidedBy: input.approvedBy,
    decidedAt: input.decidedAt ?? input.validFrom,
  });
}
