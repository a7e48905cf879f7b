import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// Imported before the agreements service: modules → shield → hub-catalog → platform →
// agreements is an import cycle that only resolves when the modules load first.
import { startTestHub, type Caller, type GraphQLResponse, type TestHub } from '../helpers/test-hub.js';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import { createApprovedAgreement } from '../../src/auth/agreements/agreement.service.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';
import { PRINCIPALS } from '../helpers/principals.js';

/** Transport company with violations: tax grades B, D, D. */
const DEMO = '91350200776049653A';
const REASON = 'Pre-loan credit assessment of a corporate borrower under our lending policy';

interface Agreement {
  id: string;
  status: string;
  consumerOrganisation: string;
  resource: string;
  ownerDepartment: string;
  purposes: string[];
  validFrom: string | null;
  validTo: string | null;
}
const FIELDS = 'id status consumerOrganisation resource ownerDepartment purposes validFrom validTo';
const APPLY = `mutation Apply($input: ApplyForSharingInput!) { applyForSharing(input: $input) { ${FIELDS} } }`;
const APPROVE = `mutation Approve($id: ID!, $validFrom: DateTimeISO!, $validTo: DateTimeISO!) {
  approveSharingAgreement(id: $id, validFrom: $validFrom, validTo: $validTo) { ${FIELDS} } }`;
const REVOKE = `mutation Revoke($id: ID!, $reason: String) { revokeSharingAgreement(id: $id, reason: $reason) { ${FIELDS} } }`;
const LIST = `query List($resource: String) { sharingAgreements(resource: $resource, first: 100) { edges { node { ${FIELDS} } } } }`;

interface Grades {
  enterprise: {
    name: string;
    taxGrades: { totalCount: number; edges: { node: { year: number; grade: string } }[] } | null;
  };
}
const GRADES = `query Grades($uscc: USCC!) { enterprise(uscc: $uscc) { name
  taxGrades { totalCount edges { node { year grade } } } } }`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 10 });
});
afterAll(async () => {
  await hub?.close();
});

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  hub.orm.em.fork().execute<T[]>(query, params);

async function dbGrades(uscc: string): Promise<{ year: number; grade: string }[]> {
  const rows = await sql<{ year: number; grade: string }>(
    'select year, grade from credit_tax_evaluation where uscc = ? order by year desc',
    [uscc],
  );
  return rows.map((r) => ({ year: r.year, grade: r.grade }));
}

function ok<T>(res: GraphQLResponse<Record<string, T>>, field: string): T {
  expect(res.body.errors).toBeUndefined();
  return res.body.data![field]!;
}

const readGrades = (caller: Caller, uscc = DEMO) => hub.as(caller)<Grades>(GRADES, { uscc });

/** Tax grades are null, with one FORBIDDEN error at their path, and the name is still served. */
function expectGradesDenied(res: GraphQLResponse<Grades>, reason: string): void {
  expect(res.status).toBe(200);
  expect(res.body.data?.enterprise.name).toEqual(expect.any(String));
  expect(res.body.data?.enterprise.taxGrades).toBeNull();
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors![0]).toMatchObject({
    path: ['enterprise', 'taxGrades'],
    extensions: { code: 'FORBIDDEN', reason, resource: 'credit.taxGrades' },
  });
}

function expectGradesServed(res: GraphQLResponse<Grades>, expected: { year: number; grade: string }[]): void {
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.enterprise.taxGrades!.totalCount).toBe(expected.length);
  expect(res.body.data!.enterprise.taxGrades!.edges.map((e) => e.node)).toEqual(expected);
}

describe('an agreement through GraphQL: apply, approve, read, revoke', () => {
  const bank: Caller = { principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT };
  let expected: { year: number; grade: string }[];
  let agreementId: string;

  beforeAll(async () => {
    expected = await dbGrades(DEMO);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('denies the bank before it applies', async () => {
    expectGradesDenied(await readGrades(bank), 'NO_AGREEMENT');
  });

  it('still denies it while the application is PENDING', async () => {
    const pending = ok(
      await hub.as(bank)<Record<string, Agreement>>(APPLY, {
        input: { resource: 'credit.taxGrades', purposes: ['CREDIT_ASSESSMENT'], reason: REASON },
      }),
      'applyForSharing',
    );
    expect(pending).toMatchObject({
      status: 'PENDING',
      consumerOrganisation: 'BANK_XM_001',
      resource: 'credit.taxGrades',
      ownerDepartment: 'TAX',
      purposes: ['CREDIT_ASSESSMENT'],
      validFrom: null,
      validTo: null,
    });
    agreementId = pending.id;
    expectGradesDenied(await readGrades(bank), 'NO_AGREEMENT');
  });

  it('does not let the applicant approve its own application', async () => {
    const res = await hub.as(bank)(APPROVE, {
      id: agreementId,
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validTo: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expectGradesDenied(await readGrades(bank), 'NO_AGREEMENT');
  });

  it('serves the grades, equal to the database, from the first request after TAX approves', async () => {
    const approved = ok(
      await hub.as({ principal: PRINCIPALS.tax })<Record<string, Agreement>>(APPROVE, {
        id: agreementId,
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validTo: new Date(Date.now() + 86_400_000).toISOString(),
      }),
      'approveSharingAgreement',
    );
    expect(approved).toMatchObject({ id: agreementId, status: 'APPROVED' });
    expectGradesServed(await readGrades(bank), expected);
  });

  it('serves only the approved resource: tax arrears, same owner, stay denied', async () => {
    const res = await hub.as(bank)(
      `{ enterprise(uscc: "${DEMO}") { taxGrades { totalCount } taxArrears { totalCount } } }`,
    );
    expect(res.body.data).toMatchObject({
      enterprise: { taxGrades: { totalCount: expected.length }, taxArrears: null },
    });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]).toMatchObject({
      path: ['enterprise', 'taxArrears'],
      extensions: { code: 'FORBIDDEN', reason: 'NO_AGREEMENT' },
    });
  });

  it('serves only the organisation that applied: another bank stays denied', async () => {
    expectGradesDenied(
      await readGrades({ principal: PRINCIPALS.otherBank, purpose: Purpose.CREDIT_ASSESSMENT }),
      'NO_AGREEMENT',
    );
  });

  it('denies the bank with PURPOSE_NOT_GRANTED under X-Purpose SUPERVISION', async () => {
    expectGradesDenied(
      await readGrades({ principal: PRINCIPALS.bank, purpose: Purpose.SUPERVISION }),
      'PURPOSE_NOT_GRANTED',
    );
  });

  it('denies the bank with PURPOSE_REQUIRED without X-Purpose', async () => {
    expectGradesDenied(await readGrades({ principal: PRINCIPALS.bank }), 'PURPOSE_REQUIRED');
  });

  it('denies the bank on the very next request after TAX revokes', async () => {
    expectGradesServed(await readGrades(bank), expected);
    const revoked = ok(
      await hub.as({ principal: PRINCIPALS.tax })<Record<string, Agreement>>(REVOKE, {
        id: agreementId,
        reason: 'Consumer breached the purpose limitation of the agreement',
      }),
      'revokeSharingAgreement',
    );
    expect(revoked).toMatchObject({ id: agreementId, status: 'REVOKED' });
    expectGradesDenied(await readGrades(bank), 'NO_AGREEMENT');
    expectGradesDenied(await readGrades(bank, '91350100M000100Y43'), 'NO_AGREEMENT');
  });
});

describe('expiry', () => {
  /** A consumer used only here, so its grants are this block's to assert on. */
  const expiringBank = { sub: 'risk-engine', org: 'BANK_FZ_004', kind: PrincipalKind.BANK } as TokenClaims;
  const caller: Caller = { principal: expiringBank, purpose: Purpose.CREDIT_ASSESSMENT };

  it('denies on the first request after validTo, set into the past after approval', async () => {
    const expected = await dbGrades(DEMO);
    const pending = ok(
      await hub.as(caller)<Record<string, Agreement>>(APPLY, {
        input: { resource: 'credit.taxGrades', purposes: ['CREDIT_ASSESSMENT'], reason: REASON },
      }),
      'applyForSharing',
    );
    ok(
      await hub.as({ principal: PRINCIPALS.tax })<Record<string, Agreement>>(APPROVE, {
        id: pending.id,
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validTo: new Date(Date.now() + 86_400_000).toISOString(),
      }),
      'approveSharingAgreement',
    );
    expectGradesServed(await readGrades(caller), expected);

    await sql("update auth_sharing_agreement set valid_to = now() - interval '1 second' where id = ?", [
      pending.id,
    ]);
    expectGradesDenied(await readGrades(caller), 'NO_AGREEMENT');
    const listed = ok(
      await hub.as(caller)<Record<string, { edges: { node: Agreement }[] }>>(LIST, {
        resource: 'credit.taxGrades',
      }),
      'sharingAgreements',
    );
    expect(listed.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ id: pending.id, status: 'EXPIRED' }),
    ]);
  });

  it('denies on the first request after the validTo of an agreement written with createApprovedAgreement', async () => {
    const shortLived = { sub: 'risk-engine', org: 'BANK_FZ_005', kind: PrincipalKind.BANK } as TokenClaims;
    const shortCaller: Caller = { principal: shortLived, purpose: Purpose.CREDIT_ASSESSMENT };
    const expected = await dbGrades(DEMO);
    const validTo = new Date(Date.now() + 4_000);
    await createApprovedAgreement(hub.orm.em.fork(), {
      consumerOrg: shortLived.org,
      resource: 'credit.taxGrades',
      purposes: [Purpose.CREDIT_ASSESSMENT],
      validFrom: new Date(Date.now() - 60_000),
      validTo,
      approvedBy: 'TAX/tax-system',
    });
    expectGradesServed(await readGrades(shortCaller), expected);
    // Waits past the end of the window; what is asserted is the state after it, not a duration.
    await new Promise((resolve) => setTimeout(resolve, validTo.getTime() - Date.now() + 500));
    expectGradesDenied(await readGrades(shortCaller), 'NO_AGREEMENT');
  });

  it('does not grant before validFrom either', async () => {
    const early = { sub: 'risk-engine', org: 'BANK_FZ_006', kind: PrincipalKind.BANK } as TokenClaims;
    await createApprovedAgreement(hub.orm.em.fork(), {
      consumerOrg: early.org,
      resource: 'credit.taxGrades',
      purposes: [Purpose.CREDIT_ASSESSMENT],
      validFrom: new Date(Date.now() + 86_400_000),
      validTo: new Date(Date.now() + 2 * 86_400_000),
      approvedBy: 'TAX/tax-system',
    });
    expectGradesDenied(
      await readGrades({ principal: early, purpose: Purpose.CREDIT_ASSESSMENT }),
      'NO_AGREEMENT',
    );
  });
});
