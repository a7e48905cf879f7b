import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlEntityManager } from '@mikro-orm/sql';
// Imported before the agreements component: modules → shield → hub-catalog → platform →
// agreements is an import cycle that only resolves when the modules load first.
import { startTestHub, type Caller, type GraphQLResponse, type TestHub } from '../helpers/test-hub.js';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import {
  createAgreementRecord,
  createApprovedAgreement,
  grantLoader,
  SharingAgreementEntity,
  SharingAgreementStatus,
} from '../../src/auth/agreements/index.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';
import { PRINCIPALS } from '../helpers/principals.js';

interface Agreement {
  id: string;
  consumerOrganisation: string;
  resource: string;
  resourceName: string;
  ownerDepartment: string;
  purposes: string[];
  reason: string;
  status: string;
  validFrom: string | null;
  validTo: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  createdAt: string;
}

const FIELDS = `id consumerOrganisation resource resourceName ownerDepartment purposes reason status
  validFrom validTo decidedAt decisionReason revokedAt revocationReason createdAt`;

const APPLY = `mutation ($input: ApplyForSharingInput!) { applyForSharing(input: $input) { ${FIELDS} } }`;
const APPROVE = `mutation ($id: ID!, $validFrom: DateTimeISO!, $validTo: DateTimeISO!) {
  approveSharingAgreement(id: $id, validFrom: $validFrom, validTo: $validTo) { ${FIELDS} } }`;
const REJECT = `mutation ($id: ID!, $reason: String) { rejectSharingAgreement(id: $id, reason: $reason) { ${FIELDS} } }`;
const REVOKE = `mutation ($id: ID!, $reason: String) { revokeSharingAgreement(id: $id, reason: $reason) { ${FIELDS} } }`;
const LIST = `query ($status: SharingAgreementStatus, $resource: String, $first: Int) {
  sharingAgreements(status: $status, resource: $resource, first: $first) { totalCount edges { node { ${FIELDS} } } } }`;

/** A consumer no other test applies as, so its grants are this file's to assert on. */
const offboardedBank = { sub: 'risk-engine', org: 'BANK_SZ_003', kind: PrincipalKind.BANK } as TokenClaims;

const REASON = 'Pre-loan credit assessment of corporate borrowers under our lending policy';
const DAY = 24 * 60 * 60 * 1000;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const as = (principal: TokenClaims) =>
  hub.as({ principal, purpose: Purpose.CREDIT_ASSESSMENT } satisfies Caller);
const grantsOf = (org: string) => grantLoader(hub.orm.em.fork())(org);

function data<T>(res: GraphQLResponse<Record<string, T>>, field: string): T {
  expect(res.body.errors).toBeUndefined();
  return res.body.data![field]!;
}

function errorOf(res: GraphQLResponse): {
  message: string;
  code: unknown;
  extensions: Record<string, unknown>;
} {
  expect(res.body.errors).toHaveLength(1);
  const error = res.body.errors![0]!;
  return { message: error.message, code: error.extensions?.code, extensions: error.extensions ?? {} };
}

async function applyAs(principal: TokenClaims, resource: string, purposes: string[] = ['CREDIT_ASSESSMENT']) {
  return as(principal)<Record<string, Agreement>>(APPLY, { input: { resource, purposes, reason: REASON } });
}

async function applied(principal: TokenClaims, resource: string): Promise<Agreement> {
  return data(await applyAs(principal, resource), 'applyForSharing');
}

const window = () => ({
  validFrom: new Date(Date.now() - 60_000).toISOString(),
  validTo: new Date(Date.now() + DAY).toISOString(),
});

async function listAs(principal: TokenClaims, vars: Record<string, unknown> = {}): Promise<Agreement[]> {
  const res = await as(principal)<Record<string, { totalCount: number; edges: { node: Agreement }[] }>>(
    LIST,
    {
      first: 1000,
      ...vars,
    },
  );
  const page = data(res, 'sharingAgreements');
  expect(page.totalCount).toBe(page.edges.length);
  return page.edges.map((e) => e.node);
}

describe('sharing agreement lifecycle', () => {
  it('grants from approval and stops granting on the very next request after revocation', async () => {
    const pending = await applied(PRINCIPALS.bank, 'credit.taxGrades');
    expect(pending).toMatchObject({
      consumerOrganisation: 'BANK_XM_001',
      resource: 'credit.taxGrades',
      ownerDepartment: 'TAX',
      purposes: ['CREDIT_ASSESSMENT'],
      reason: REASON,
      status: 'PENDING',
      validFrom: null,
      validTo: null,
      decidedAt: null,
    });
    expect(pending.resourceName).toContain('纳税信用');
    expect((await grantsOf('BANK_XM_001')).map((g) => g.agreementId)).not.toContain(pending.id);

    const { validFrom, validTo } = window();
    const approved = data(
      await as(PRINCIPALS.tax)<Record<string, Agreement>>(APPROVE, { id: pending.id, validFrom, validTo }),
      'approveSharingAgreement',
    );
    expect(approved).toMatchObject({ id: pending.id, status: 'APPROVED', validFrom, validTo });
    expect(approved.decidedAt).not.toBeNull();

    expect(await grantsOf('BANK_XM_001')).toEqual([
      { agreementId: pending.id, resource: 'credit.taxGrades', purposes: [Purpose.CREDIT_ASSESSMENT] },
    ]);
    expect(await grantsOf('BANK_GZ_002')).toEqual([]);

    const revoked = data(
      await as(PRINCIPALS.tax)<Record<string, Agreement>>(REVOKE, {
        id: pending.id,
        reason: 'Consumer breached the purpose limitation of the agreement',
      }),
      'revokeSharingAgreement',
    );
    expect(revoked).toMatchObject({
      status: 'REVOKED',
      revocationReason: 'Consumer breached the purpose limitation of the agreement',
    });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await grantsOf('BANK_XM_001')).toEqual([]);

    const seenByBank = (await listAs(PRINCIPALS.bank)).find((a) => a.id === pending.id);
    expect(seenByBank?.status).toBe('REVOKED');
  });

  it('approving twice is a CONFLICT naming the current status', async () => {
    const pending = await applied(PRINCIPALS.bank, 'credit.taxArrears');
    const first = await as(PRINCIPALS.tax)(APPROVE, { id: pending.id, ...window() });
    expect(first.body.errors).toBeUndefined();
    const again = errorOf(await as(PRINCIPALS.tax)(APPROVE, { id: pending.id, ...window() }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('is APPROVED');
    expect(again.extensions.status).toBe('APPROVED');
    const rejectApproved = errorOf(
      await as(PRINCIPALS.tax)(REJECT, { id: pending.id, reason: 'Too late to refuse this one' }),
    );
    expect(rejectApproved.code).toBe('CONFLICT');

    // Leave BANK_XM_001 without active grants for the other tests.
    const revoked = await as(PRINCIPALS.tax)(REVOKE, {
      id: pending.id,
      reason: 'Clean-up after the conflict test',
    });
    expect(revoked.body.errors).toBeUndefined();
  });

  it('checks the approval window', async () => {
    const pending = await applied(PRINCIPALS.bank, 'credit.taxGrades');
    const now = Date.now();
    const inverted = errorOf(
      await as(PRINCIPALS.tax)(APPROVE, {
        id: pending.id,
        validFrom: new Date(now + 2 * DAY).toISOString(),
        validTo: new Date(now + DAY).toISOString(),
      }),
    );
    expect(inverted).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { argument: 'validTo' } });
    expect(inverted.message).toContain('validTo must be after validFrom');
    const past = errorOf(
      await as(PRINCIPALS.tax)(APPROVE, {
        id: pending.id,
        validFrom: new Date(now - 2 * DAY).toISOString(),
        validTo: new Date(now - DAY).toISOString(),
      }),
    );
    expect(past.code).toBe('BAD_USER_INPUT');
    expect(past.message).toContain('validTo must be in the future');
    const [still] = await listAs(PRINCIPALS.tax, { resource: 'credit.taxGrades', status: 'PENDING' });
    expect(still?.id).toBe(pending.id);
  });

  it('an unknown id is NOT_FOUND, a malformed one BAD_USER_INPUT (rule uuid) as for API keys', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const unknown = errorOf(await as(PRINCIPALS.tax)(APPROVE, { id, ...window() }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain(id);
    const malformed = errorOf(await as(PRINCIPALS.tax)(APPROVE, { id: 'not-a-uuid', ...window() }));
    expect(malformed.code).toBe('BAD_USER_INPUT');
    expect(malformed.message).toBe('id must be a UUID, got "not-a-uuid"');
  });
});

describe('expired and revoked agreements', () => {
  it('grants nothing past validTo, before validFrom, or once revoked, and lists the first as EXPIRED', async () => {
    const em = hub.orm.em.fork() as SqlEntityManager;
    const now = Date.now();
    const base = {
      consumerOrg: 'BANK_XM_001',
      purposes: [Purpose.CREDIT_ASSESSMENT],
      approvedBy: 'TAX/tax-system',
    };
    const expired = await createApprovedAgreement(em, {
      ...base,
      resource: 'credit.taxArrears',
      validFrom: new Date(now - 60 * DAY),
      validTo: new Date(now - DAY),
    });
    const future = await createApprovedAgreement(em, {
      ...base,
      resource: 'credit.taxGrades',
      validFrom: new Date(now + DAY),
      validTo: new Date(now + 30 * DAY),
    });
    const revoked = await createAgreementRecord(em, {
      ...base,
      resource: 'credit.taxGrades',
      status: SharingAgreementStatus.REVOKED,
      validFrom: new Date(now - DAY),
      validTo: new Date(now + DAY),
      revokedBy: 'TAX/tax-system',
      revokedAt: new Date(now - 1000),
      revocationReason: 'Consumer offboarded from the hub',
    });
    // A control: the same helper with a window around now does grant.
    const active = await createApprovedAgreement(em, {
      ...base,
      consumerOrg: 'BANK_QZ_004',
      resource: 'credit.taxArrears',
      validFrom: new Date(now - DAY),
      validTo: new Date(now + DAY),
    });

    const ids = (await grantsOf('BANK_XM_001')).map((g) => g.agreementId);
    expect(ids).not.toContain(expired.id);
    expect(ids).not.toContain(future.id);
    expect(ids).not.toContain(revoked.id);
    expect((await grantsOf('BANK_QZ_004')).map((g) => g.agreementId)).toEqual([active.id]);

    const listed = await listAs(PRINCIPALS.bank, { status: 'EXPIRED' });
    expect(listed.map((a) => [a.id, a.status])).toEqual([[expired.id, 'EXPIRED']]);
    const approvedNow = await listAs(PRINCIPALS.bank, { status: 'APPROVED' });
    expect(approvedNow.map((a) => a.id)).toEqual([future.id]);

    const revokeExpired = errorOf(
      await as(PRINCIPALS.tax)(REVOKE, { id: expired.id, reason: 'Nothing left to revoke here' }),
    );
    expect(revokeExpired.code).toBe('CONFLICT');
    expect(revokeExpired.message).toContain('is EXPIRED');
  });
});

describe('rejection', () => {
  it('requires a reason, and the reason is visible to both sides', async () => {
    const pending = await applied(PRINCIPALS.bank, 'credit.riskClasses');
    expect(pending.ownerDepartment).toBe('MARKET_REGULATION');

    for (const reason of [null, '   ']) {
      const err = errorOf(await as(PRINCIPALS.marketRegulation)(REJECT, { id: pending.id, reason }));
      expect(err).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { argument: 'reason' } });
      expect(err.message).toContain('reason is required');
    }
    const short = errorOf(await as(PRINCIPALS.marketRegulation)(REJECT, { id: pending.id, reason: 'no' }));
    expect(short.code).toBe('BAD_USER_INPUT');
    expect(short.message).toContain('10 to 2000 characters');

    const because = 'Risk classes are shared only with supervising departments';
    const rejected = data(
      await as(PRINCIPALS.marketRegulation)<Record<string, Agreement>>(REJECT, {
        id: pending.id,
        reason: because,
      }),
      'rejectSharingAgreement',
    );
    expect(rejected).toMatchObject({ status: 'REJECTED', decisionReason: because, validFrom: null });

    for (const side of [PRINCIPALS.bank, PRINCIPALS.marketRegulation]) {
      const seen = (await listAs(side, { status: 'REJECTED' })).find((a) => a.id === pending.id);
      expect(seen).toMatchObject({ status: 'REJECTED', decisionReason: because });
    }
    expect(await grantsOf('BANK_XM_001')).toEqual([]);

    const approveRejected = errorOf(
      await as(PRINCIPALS.marketRegulation)(APPROVE, { id: pending.id, ...window() }),
    );
    expect(approveRejected.code).toBe('CONFLICT');
    expect(approveRejected.message).toContain('is REJECTED');
  });
});

describe('who decides', () => {
  it('another department, the consumer and ADMIN cannot approve; ADMIN can revoke', async () => {
    const pending = await applied(offboardedBank, 'credit.taxGrades');
    for (const principal of [PRINCIPALS.transport, offboardedBank, PRINCIPALS.admin, PRINCIPALS.auditor]) {
      const err = errorOf(await as(principal)(APPROVE, { id: pending.id, ...window() }));
      expect(err.code).toBe('FORBIDDEN');
      expect(err.message).toContain('Only the owning department TAX may approve');
    }
    const adminReject = errorOf(
      await as(PRINCIPALS.admin)(REJECT, { id: pending.id, reason: 'Operator does not decide applications' }),
    );
    expect(adminReject.code).toBe('FORBIDDEN');
    expect(
      (await listAs(PRINCIPALS.tax, { resource: 'credit.taxGrades' })).find((a) => a.id === pending.id)
        ?.status,
    ).toBe('PENDING');

    const approved = await as(PRINCIPALS.tax)(APPROVE, { id: pending.id, ...window() });
    expect(approved.body.errors).toBeUndefined();
    expect((await grantsOf('BANK_SZ_003')).map((g) => g.agreementId)).toEqual([pending.id]);

    const transportRevoke = errorOf(
      await as(PRINCIPALS.transport)(REVOKE, { id: pending.id, reason: 'Not ours to revoke at all' }),
    );
    expect(transportRevoke.code).toBe('FORBIDDEN');
    expect(await grantsOf('BANK_SZ_003')).toHaveLength(1);

    const revoked = data(
      await as(PRINCIPALS.admin)<Record<string, Agreement>>(REVOKE, {
        id: pending.id,
        reason: 'Consumer offboarded from the hub',
      }),
      'revokeSharingAgreement',
    );
    expect(revoked.status).toBe('REVOKED');
    expect(await grantsOf('BANK_SZ_003')).toEqual([]);
  });
});

describe('who sees which agreements', () => {
  it('a consumer sees only its own organisation’s; owners see theirs; ADMIN and AUDITOR see all', async () => {
    const mine = await applied(PRINCIPALS.bank, 'transport.vehicles');
    const theirs = await applied(offboardedBank, 'credit.taxArrears');

    const own = await listAs(PRINCIPALS.bank);
    expect(own.map((a) => a.id)).toContain(mine.id);
    expect(new Set(own.map((a) => a.consumerOrganisation))).toEqual(new Set(['BANK_XM_001']));

    expect(await listAs(PRINCIPALS.otherBank)).toEqual([]);

    const transport = await listAs(PRINCIPALS.transport);
    expect(transport.map((a) => a.id)).toContain(mine.id);
    expect(new Set(transport.map((a) => a.ownerDepartment))).toEqual(new Set(['TRANSPORT']));

    const tax = await listAs(PRINCIPALS.tax);
    expect(tax.map((a) => a.id)).toContain(theirs.id);
    expect(tax.map((a) => a.id)).not.toContain(mine.id);
    expect(tax.every((a) => a.ownerDepartment === 'TAX' || a.consumerOrganisation === 'TAX')).toBe(true);

    const stored = await hub.orm.em.fork().count(SharingAgreementEntity);
    for (const overseer of [PRINCIPALS.admin, PRINCIPALS.auditor]) {
      const ids = (await listAs(overseer)).map((a) => a.id);
      expect(ids).toHaveLength(stored);
      expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id, ...own.map((a) => a.id)]));
    }

    const byResource = await listAs(PRINCIPALS.auditor, { resource: 'transport.vehicles' });
    expect(byResource.map((a) => a.id)).toContain(mine.id);
    expect(new Set(byResource.map((a) => a.resource))).toEqual(new Set(['transport.vehicles']));
  });
});

describe('applying', () => {
  it('refuses resources that need no agreement or do not exist, naming the resource', async () => {
    const unconditional = errorOf(await applyAs(PRINCIPALS.bank, 'credit.penalties'));
    expect(unconditional).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { argument: 'resource' } });
    expect(unconditional.message).toContain("'credit.penalties'");
    expect(unconditional.message).toContain('readable without an agreement');

    const unknown = errorOf(await applyAs(PRINCIPALS.bank, 'credit.noSuchThing'));
    expect(unknown.code).toBe('BAD_USER_INPUT');
    expect(unknown.message).toContain('"credit.noSuchThing"');
    expect(unknown.message).toContain('not in the data catalog');
  });

  it('refuses an owner applying for its own resource, ADMIN applying, and bad purposes or reasons', async () => {
    const ownerApplies = errorOf(await applyAs(PRINCIPALS.tax, 'credit.taxGrades'));
    expect(ownerApplies.code).toBe('BAD_USER_INPUT');
    expect(ownerApplies.message).toContain('owned by TAX');

    expect(errorOf(await applyAs(PRINCIPALS.admin, 'credit.taxGrades')).code).toBe('FORBIDDEN');

    const none = errorOf(await applyAs(PRINCIPALS.bank, 'credit.taxGrades', []));
    expect(none).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { argument: 'purposes' } });
    const twice = errorOf(await applyAs(PRINCIPALS.bank, 'credit.taxGrades', ['STATISTICS', 'STATISTICS']));
    expect(twice.code).toBe('BAD_USER_INPUT');
    expect(twice.message).toContain('repeated: STATISTICS');

    const shortReason = errorOf(
      await as(PRINCIPALS.bank)(APPLY, {
        input: { resource: 'credit.taxGrades', purposes: ['CREDIT_ASSESSMENT'], reason: 'need it' },
      }),
    );
    expect(shortReason).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { argument: 'reason' } });
  });

  it('lets a department apply as a consumer of another department’s resource', async () => {
    const byTransport = await applied(PRINCIPALS.transport, 'credit.taxArrears');
    expect(byTransport).toMatchObject({
      consumerOrganisation: 'TRANSPORT',
      ownerDepartment: 'TAX',
      status: 'PENDING',
    });
    expect((await listAs(PRINCIPALS.transport)).map((a) => a.id)).toContain(byTransport.id);
    expect((await listAs(PRINCIPALS.tax)).map((a) => a.id)).toContain(byTransport.id);
    expect((await listAs(PRINCIPALS.bank)).map((a) => a.id)).not.toContain(byTransport.id);
  });
});
