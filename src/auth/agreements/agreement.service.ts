import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { ErrorCode } from '../../common/errors.js';
import { isOwner } from '../access-control.js';
import { SharingClass, type CatalogResource } from '../catalog.js';
import { hubCatalogResources } from '../hub-catalog.js';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let resourcesByCode: ReadonlyMap<string, CatalogResource> | undefined;

/** The catalog entry of a resource code; built on first use because the catalog is assembled from the modules. */
export function catalogResource(code: string): CatalogResource | undefined {
  resourcesByCode ??= new Map(hubCatalogResources().map((r) => [r.code, r]));
  return resourcesByCode.get(code);
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

const badInput = (argument: string, message: string): AgreementError =>
  new AgreementError(ErrorCode.BAD_USER_INPUT, message, { argument });

/** Only conditionally shared resources are governed by agreements; anything else is the caller's mistake. */
function conditionalResource(code: string): CatalogResource {
  const resource = catalogResource(code);
  if (!resource) {
    throw badInput('resource', `resource '${code}' is not in the data catalog; use a catalog resource code`);
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
  if (purposes.length === 0) throw badInput('purposes', 'purposes must list at least one purpose of use');
  const unknown = purposes.filter((p) => !isPurpose(p));
  if (unknown.length > 0)
    throw badInput('purposes', `purposes contains unknown purposes: ${unknown.join(', ')}`);
  const duplicates = purposes.filter((p, i) => purposes.indexOf(p) !== i);
  if (duplicates.length > 0) {
    throw badInput(
      'purposes',
      `purposes must not repeat a purpose; repeated: ${[...new Set(duplicates)].join(', ')}`,
    );
  }
  return [...purposes];
}

/** A reason a person can read later: required, trimmed, 10–2000 characters. */
function checkReason(argument: string, reason: string | null | undefined, why: string): string {
  const text = reason?.trim() ?? '';
  if (text === '') throw badInput(argument, `${argument} is required: ${why}`);
  if (text.length < REASON_MIN_LENGTH || text.length > REASON_MAX_LENGTH) {
    throw badInput(
      argument,
      `${argument} must be ${REASON_MIN_LENGTH} to ${REASON_MAX_LENGTH} characters after trimming, got ${text.length}`,
    );
  }
  return text;
}

function checkDate(argument: string, value: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw badInput(argument, `${argument} must be a valid date-time`);
  }
  return value;
}

async function lockAgreement(em: SqlEntityManager, id: string): Promise<SharingAgreementEntity> {
  // Ids are UUIDs; anything else cannot name an agreement, and PostgreSQL would reject it as SQL.
  const found = UUID.test(id)
    ? await em.findOne(SharingAgreementEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
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

/** A consumer asks an owner for a conditionally shared resource, for stated purposes, with a justification. */
export async function apply(
  em: SqlEntityManager,
  principal: Principal,
  input: ApplyInput,
): Promise<SharingAgreementEntity> {
  // Being admin or auditor grants no data, so neither may hold an agreement that would.
  if (principal.kind === PrincipalKind.ADMIN || principal.kind === PrincipalKind.AUDITOR) {
    throw new AgreementError(
      ErrorCode.FORBIDDEN,
      `${principal.kind} principals read no department data and cannot apply for sharing agreements`,
    );
  }
  const resource = conditionalResource(input.resource);
  if (isOwner(principal, resource.owner)) {
    throw badInput(
      'resource',
      `resource '${resource.code}' is owned by ${resource.owner}; an owner reads its own data without an agreement`,
    );
  }
  const purposes = checkPurposes(input.purposes);
  const reason = checkReason('reason', input.reason, 'say why your organisation needs this resource');
  const agreement = em.create(SharingAgreementEntity, {
    consumerOrg: principal.organisation,
    applicant: principalRef(principal),
    resource: resource.code,
    purposes,
    reason,
    status: SharingAgreementStatus.PENDING,
    ownerDepartment: resource.owner,
  });
  await em.flush();
  return agreement;
}

export async function approve(
  em: SqlEntityManager,
  principal: Principal,
  id: string,
  input: ApprovalInput,
): Promise<SharingAgreementEntity> {
  return em.transactional(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    assertOwnerDecides(principal, agreement, 'approve');
    assertStatus(agreement, SharingAgreementStatus.PENDING, 'approved');
    const validFrom = checkDate('validFrom', input.validFrom);
    const validTo = checkDate('validTo', input.validTo);
    if (validTo.getTime() <= validFrom.getTime()) {
      throw badInput('validTo', `validTo must be after validFrom (${validFrom.toISOString()})`);
    }
    const now = new Date();
    if (validTo.getTime() <= now.getTime()) {
      throw badInput('validTo', `validTo must be in the future, got ${validTo.toISOString()}`);
    }
    Object.assign(agreement, {
      status: SharingAgreementStatus.APPROVED,
      validFrom,
      validTo,
      decidedBy: principalRef(principal),
      decidedAt: now,
    });
    return agreement;
  });
}

export async function reject(
  em: SqlEntityManager,
  principal: Principal,
  id: string,
  input: ReasonInput,
): Promise<SharingAgreementEntity> {
  return em.transactional(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    assertOwnerDecides(principal, agreement, 'reject');
    assertStatus(agreement, SharingAgreementStatus.PENDING, 'rejected');
    const reason = checkReason(
      'reason',
      input.reason,
      'the sharing regulation requires reasons for refusals',
    );
    Object.assign(agreement, {
      status: SharingAgreementStatus.REJECTED,
      decidedBy: principalRef(principal),
      decidedAt: new Date(),
      decisionReason: reason,
    });
    return agreement;
  });
}

/** The owner withdraws its consent, or the hub operator offboards a consumer; effective from the next request. */
export async function revoke(
  em: SqlEntityManager,
  principal: Principal,
  id: string,
  input: ReasonInput,
): Promise<SharingAgreementEntity> {
  return em.transactional(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    if (!isOwner(principal, agreement.ownerDepartment) && principal.kind !== PrincipalKind.ADMIN) {
      throw new AgreementError(
        ErrorCode.FORBIDDEN,
        `Only the owning department ${agreement.ownerDepartment} or the hub operator may revoke sharing agreement ${agreement.id}`,
      );
    }
    assertStatus(agreement, SharingAgreementStatus.APPROVED, 'revoked');
    const reason = checkReason('reason', input.reason, 'a consumer losing access is told why');
    Object.assign(agreement, {
      status: SharingAgreementStatus.REVOKED,
      revokedBy: principalRef(principal),
      revokedAt: new Date(),
      revocationReason: reason,
    });
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
    if (!catalogResource(filter.resource)) {
      throw badInput('resource', `resource '${filter.resource}' is not in the data catalog`);
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
  const resource = conditionalResource(input.resource);
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
