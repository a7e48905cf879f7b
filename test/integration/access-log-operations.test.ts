import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// Imported before the agreements service: modules → shield → hub-catalog → platform →
// agreements is an import cycle that only resolves when the modules load first.
import { startTestHub, type Caller, type TestHub } from '../helpers/test-hub.js';
import { createApprovedAgreement } from '../../src/auth/agreements/agreement.service.js';
import { AccessLogEntity } from '../../src/audit/access-log.entity.js';
import { verifyChain } from '../../src/audit/access-log.verify.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';
import { accessLogProbe } from '../helpers/access-log.js';
import { PRINCIPALS } from '../helpers/principals.js';

const CLEAN_MANUFACTURER = '91350100M000100Y43';
const TRANSPORT_CO = '91350200776049653A';

let hub: TestHub;
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  hub.orm.em.fork().execute<T[]>(query, params);

beforeAll(async () => {
  hub = await startTestHub({ enterprises: 60 });
});
afterAll(async () => {
  await hub?.close();
});

const bank: Caller = { principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT };
const reader: Caller = { principal: PRINCIPALS.reader, purpose: Purpose.CREDIT_ASSESSMENT };

const { logCount, withLog } = accessLogProbe(() => hub);

/** One record written, returned. */
function single(records: AccessLogEntity[]): AccessLogEntity {
  expect(records).toHaveLength(1);
  return records[0]!;
}

const deniedFields = (r: AccessLogEntity) => r.decisions.denials.map((d) => d.field).sort();

describe('one record per operation', () => {
  it('writes one record for a denial, naming principal, purpose, operation, enterprise and resource', async () => {
    const { res, records } = await withLog(() =>
      hub.as(bank)(
        `query BankAsksGrades($uscc: USCC!) { enterprise(uscc: $uscc) { name
          taxGrades { edges { node { grade } } } again: taxGrades { totalCount } } }`,
        { uscc: TRANSPORT_CO },
      ),
    );
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const record = single(records);
    expect(record).toMatchObject({
      principalId: 'risk-engine',
      organisation: 'BANK_XM_001',
      principalKind: PrincipalKind.BANK,
      purpose: Purpose.CREDIT_ASSESSMENT,
      operationName: 'BankAsksGrades',
      usccs: [TRANSPORT_CO],
      resources: ['credit.taxGrades'],
      owners: ['TAX'],
    });
    expect(record.decisions.resources).toEqual([]);
    expect(record.decisions.denials).toEqual([
      {
        field: 'Enterprise.taxGrades',
        resource: 'credit.taxGrades',
        owner: 'TAX',
        reason: 'NO_AGREEMENT',
        count: 2,
      },
    ]);
  });

  it('writes one record for conditional reads of several resources of two enterprises', async () => {
    const selection = `taxGrades { edges { node { grade } } } vehicles { edges { node { plateNumber } } }
      rdSpending { edges { node { rdExpenditure } } } socialInsuranceAccounts { totalCount } penalties { totalCount }`;
    const { res, records } = await withLog(() =>
      hub.as(reader)(
        `query ReaderReadsTwo { a: enterprise(uscc: "${TRANSPORT_CO}") { ${selection} }
          b: enterprise(uscc: "${CLEAN_MANUFACTURER}") { ${selection} } }`,
      ),
    );
    expect(res.body.errors).toBeUndefined();
    const record = single(records);
    expect(record).toMatchObject({
      organisation: 'TEST_READER',
      principalKind: PrincipalKind.BANK,
      purpose: Purpose.CREDIT_ASSESSMENT,
      operationName: 'ReaderReadsTwo',
      usccs: [CLEAN_MANUFACTURER, TRANSPORT_CO].sort(),
      resources: [
        'credit.taxGrades',
        'medicalInsurance.socialInsuranceAccounts',
        'sciTech.rdSpending',
        'transport.vehicles',
      ],
      owners: ['MEDICAL_INSURANCE', 'SCIENCE_TECHNOLOGY', 'TAX', 'TRANSPORT'],
    });
    expect(record.decisions.denials).toEqual([]);
    // Unconditional penalties are not part of the record.
    expect(record.resources).not.toContain('credit.penalties');
    const agreements = await sql<{ id: string; resource: string }>(
      "select id, resource from auth_sharing_agreement where consumer_org = 'TEST_READER'",
    );
    for (const read of record.decisions.resources) {
      expect(read.sharing).toBe('CONDITIONAL');
      expect(read.masked).toBe(false);
      expect(read.agreementId).toBe(agreements.find((a) => a.resource === read.resource)!.id);
    }
    const grades = record.decisions.resources.find((r) => r.resource === 'credit.taxGrades')!;
    const [gradeRows] = await sql<{ n: string | number }>(
      'select count(*) as n from credit_tax_evaluation where uscc in (?, ?)',
      [TRANSPORT_CO, CLEAN_MANUFACTURER],
    );
    expect(grades.fields).toMatchObject({
      'Enterprise.taxGrades': 2,
      'TaxCreditEvaluation.grade': Number(gradeRows!.n),
    });
  });

  it.each([
    ['a bank', bank],
    ['an agreement holder', reader],
    ['an analyst', { principal: PRINCIPALS.analyst }],
  ] as [string, Caller][])('writes nothing when %s reads only unconditional data', async (_n, caller) => {
    const { res, records } = await withLog(() =>
      hub.as(caller)(
        `query OpenData { enterprise(uscc: "${TRANSPORT_CO}") { uscc name status legalRepresentative { name }
          penalties { totalCount edges { node { decisionNumber enterprise { uscc } } } }
          licences { totalCount } listEntries { totalCount } transportLicences { totalCount }
          transportCreditRatings { edges { node { grade } } } techCertifications { totalCount } } }`,
      ),
    );
    expect(res.body.errors).toBeUndefined();
    expect((res.body.data as { enterprise: { uscc: string } }).enterprise.uscc).toBe(TRANSPORT_CO);
    expect(records).toEqual([]);
  });

  it('writes one record, not one per field or enterprise, for a page of 50 enterprises with conditional lists', async () => {
    const { res, records } = await withLog(() =>
      hub.as(reader)<{ enterprises: { edges: { node: { uscc: string } }[] } }>(
        `query Page50 { enterprises(first: 50) { edges { node { uscc
          taxGrades { edges { node { grade year } } } vehicles { edges { node { plateNumber } } }
          riskClasses { edges { node { riskClass } } } taxArrears { totalCount } } } } }`,
      ),
    );
    expect(res.body.errors).toBeUndefined();
    const usccs = res.body.data!.enterprises.edges.map((e) => e.node.uscc);
    expect(usccs).toHaveLength(50);
    const record = single(records);
    expect(record.operationName).toBe('Page50');
    expect(record.usccs).toEqual([...usccs].sort());
    expect(record.resources).toEqual([
      'credit.riskClasses',
      'credit.taxArrears',
      'credit.taxGrades',
      'transport.vehicles',
    ]);
    const grades = record.decisions.resources.find((r) => r.resource === 'credit.taxGrades')!;
    expect(grades.fields['Enterprise.taxGrades']).toBe(50);
  });

  it('writes one record for an operation that both reads and is refused', async () => {
    const { res, records } = await withLog(() =>
      hub.as({ principal: PRINCIPALS.transport, purpose: Purpose.SUPERVISION })(
        `query Mixed { enterprise(uscc: "${TRANSPORT_CO}") { vehicles { totalCount } taxGrades { totalCount }
          rdSpending { totalCount } } }`,
      ),
    );
    expect(res.body.errors?.map((e) => e.path?.join('.')).sort()).toEqual([
      'enterprise.rdSpending',
      'enterprise.taxGrades',
    ]);
    const record = single(records);
    expect(record).toMatchObject({
      organisation: 'TRANSPORT',
      principalKind: PrincipalKind.DEPARTMENT,
      purpose: Purpose.SUPERVISION,
      operationName: 'Mixed',
      usccs: [TRANSPORT_CO],
      resources: ['credit.taxGrades', 'sciTech.rdSpending', 'transport.vehicles'],
      owners: ['SCIENCE_TECHNOLOGY', 'TAX', 'TRANSPORT'],
    });
    expect(record.decisions.resources.map((r) => r.resource)).toEqual(['transport.vehicles']);
    expect(deniedFields(record)).toEqual(['Enterprise.rdSpending', 'Enterprise.taxGrades']);
  });

  it('records the enterprise whose legal representative’s identity number was refused', async () => {
    const { res, records } = await withLog(() =>
      hub.as(bank)(
        `query RepId { enterprise(uscc: "${TRANSPORT_CO}") { legalRepresentative { name idNumber } } }`,
      ),
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_AGREEMENT' });
    const record = single(records);
    expect(record).toMatchObject({
      organisation: 'BANK_XM_001',
      operationName: 'RepId',
      resources: ['registry.legalRepresentativeIdentity'],
      owners: ['MARKET_REGULATION'],
    });
    expect(deniedFields(record)).toEqual(['LegalRepresentative.idNumber']);
    // Without the USCC an auditor asking "who tried to read this person's ID" cannot find the record.
    expect(record.usccs).toEqual([TRANSPORT_CO]);
  });

  it('records the enterprise whose legal representative’s identity number was served masked', async () => {
    const { res, records } = await withLog(() =>
      hub.as(reader)(
        `query RepIdMasked { enterprise(uscc: "${TRANSPORT_CO}") { legalRepresentative { idNumber } } }`,
      ),
    );
    expect(res.body.errors).toBeUndefined();
    const record = single(records);
    expect(record.resources).toEqual(['registry.legalRepresentativeIdentity']);
    expect(record.decisions.resources).toEqual([
      expect.objectContaining({ resource: 'registry.legalRepresentativeIdentity', masked: true }),
    ]);
    expect(record.usccs).toEqual([TRANSPORT_CO]);
  });

  it('writes one record per operation for each of several operations in a row', async () => {
    const before = await logCount();
    for (let i = 0; i < 3; i++) {
      await hub.as(bank)(
        `query Again${i} { enterprise(uscc: "${TRANSPORT_CO}") { vehicles { totalCount } } }`,
      );
    }
    expect(await logCount()).toBe(before + 3);
  });
});

interface LogNode {
  id: string;
  organisation: string;
  purpose: string | null;
  operationName: string | null;
  usccs: string[];
  owners: string[];
  resources: string[];
  resourcesRead: { resource: string; owner: string; agreementId: string | null }[];
  denials: { field: string; reason: string }[];
}
const ACCESS_LOG = `query AccessLog($filter: AccessLogFilter) { accessLog(first: 1000, filter: $filter) {
  totalCount edges { node { id organisation purpose operationName usccs owners resources
    resourcesRead { resource owner agreementId } denials { field reason } } } } }`;
type LogPage = { accessLog: { totalCount: number; edges: { node: LogNode }[] } };

describe('reading the log through accessLog', () => {
  let agreementId: string;
  let taxRead: AccessLogEntity;
  let vehiclesDenied: AccessLogEntity;

  beforeAll(async () => {
    const agreement = await createApprovedAgreement(hub.orm.em.fork(), {
      consumerOrg: PRINCIPALS.bank.org,
      resource: 'credit.taxGrades',
      purposes: [Purpose.CREDIT_ASSESSMENT],
      validFrom: new Date(Date.now() - 60_000),
      validTo: new Date(Date.now() + 86_400_000),
      approvedBy: 'TAX/tax-system',
    });
    agreementId = agreement.id;
    taxRead = single(
      (
        await withLog(() =>
          hub.as(bank)(
            `query BankReadsTax { enterprise(uscc: "${CLEAN_MANUFACTURER}") { taxGrades { totalCount } } }`,
          ),
        )
      ).records,
    );
    vehiclesDenied = single(
      (
        await withLog(() =>
          hub.as(bank)(
            `query BankAsksVehicles { enterprise(uscc: "${CLEAN_MANUFACTURER}") { vehicles { totalCount } } }`,
          ),
        )
      ).records,
    );
  });

  const idsVisibleTo = async (department: string) =>
    (
      await sql<{ id: string | number }>(
        'select id from audit_access_log where ? = any(owners) order by id desc',
        [department],
      )
    ).map((r) => String(r.id));

  it('shows the owner department who read its data', async () => {
    const { res, records } = await withLog(() =>
      hub.as({ principal: PRINCIPALS.tax })<LogPage>(ACCESS_LOG, { filter: { organisation: 'BANK_XM_001' } }),
    );
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.accessLog.edges.map((e) => e.node);
    // Reading the log is itself on file, for auditors: under the log's own resource, not TAX's.
    const logRead = single(records);
    expect(logRead).toMatchObject({
      organisation: 'TAX',
      principalKind: PrincipalKind.DEPARTMENT,
      resources: ['audit.accessLog'],
      owners: ['AUDIT'],
      decisions: {
        resources: [
          {
            resource: 'audit.accessLog',
            sharing: 'NOT_SHARED',
            owner: 'AUDIT',
            fields: { 'Query.accessLog': nodes.length },
          },
        ],
        denials: [],
      },
    });
    const read = nodes.find((n) => n.id === taxRead.id);
    expect(read).toMatchObject({
      organisation: 'BANK_XM_001',
      purpose: 'CREDIT_ASSESSMENT',
      operationName: 'BankReadsTax',
      usccs: [CLEAN_MANUFACTURER],
      owners: ['TAX'],
      resourcesRead: [{ resource: 'credit.taxGrades', owner: 'TAX', agreementId }],
      denials: [],
    });
    // The earlier refusal of tax grades to the bank is there too.
    expect(nodes.some((n) => n.operationName === 'BankAsksGrades')).toBe(true);
  });

  it.each([
    ['TAX', PRINCIPALS.tax],
    ['TRANSPORT', PRINCIPALS.transport],
    ['MARKET_REGULATION', PRINCIPALS.marketRegulation],
    ['SCIENCE_TECHNOLOGY', PRINCIPALS.sciTech],
  ] as const)('shows %s exactly the records about its own resources', async (department, principal) => {
    const res = await hub.as({ principal })<LogPage>(ACCESS_LOG);
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.accessLog.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(await idsVisibleTo(department));
    expect(res.body.data!.accessLog.totalCount).toBe(nodes.length);
    for (const node of nodes) expect(node.owners).toContain(department);
    const ids = nodes.map((n) => n.id);
    expect(ids.includes(taxRead.id)).toBe(department === 'TAX');
    expect(ids.includes(vehiclesDenied.id)).toBe(department === 'TRANSPORT');
  });

  it('keeps a department to its own records when it filters for another department’s resource', async () => {
    const res = await hub.as({ principal: PRINCIPALS.tax })<LogPage>(ACCESS_LOG, {
      filter: { resource: 'transport.vehicles' },
    });
    expect(res.body.errors).toBeUndefined();
    for (const { node } of res.body.data!.accessLog.edges) expect(node.owners).toContain('TAX');
    expect(res.body.data!.accessLog.edges.map((e) => e.node.id)).not.toContain(vehiclesDenied.id);
  });

  it('shows an auditor every record, including who read the log', async () => {
    await hub.as({ principal: PRINCIPALS.tax })<LogPage>(ACCESS_LOG);
    const all = (await sql<{ id: string | number }>('select id from audit_access_log order by id desc')).map(
      (r) => String(r.id),
    );
    const { res, records } = await withLog(() =>
      hub.as({ principal: PRINCIPALS.auditor })<LogPage>(ACCESS_LOG),
    );
    expect(res.body.errors).toBeUndefined();
    expect(all.length).toBeGreaterThan(10);
    const nodes = res.body.data!.accessLog.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(all);
    expect(res.body.data!.accessLog.totalCount).toBe(all.length);
    // The departments' reads of the log above are there for the auditor…
    expect(nodes.some((n) => n.organisation === 'TAX' && n.resources.includes('audit.accessLog'))).toBe(true);
    // …and this read is appended after the page was served.
    expect(single(records)).toMatchObject({
      principalKind: PrincipalKind.AUDITOR,
      resources: ['audit.accessLog'],
      owners: ['AUDIT'],
    });
  });

  it.each([
    ['a bank', PRINCIPALS.bank],
    ['an agreement holder', PRINCIPALS.reader],
  ])('refuses %s with FORBIDDEN and no records, and logs the refusal', async (_n, principal) => {
    const { res, records } = await withLog(() =>
      hub.as({ principal, purpose: Purpose.CREDIT_ASSESSMENT })<LogPage>(ACCESS_LOG),
    );
    expect(res.body.data?.accessLog ?? null).toBeNull();
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(res.body)).not.toContain('BankReadsTax');
    expect(single(records)).toMatchObject({
      organisation: principal.org,
      resources: ['audit.accessLog'],
      owners: ['AUDIT'],
      decisions: {
        resources: [],
        denials: [
          {
            field: 'Query.accessLog',
            resource: 'audit.accessLog',
            owner: 'AUDIT',
            reason: 'NOT_SHARED',
            count: 1,
          },
        ],
      },
    });
  });
});

describe('the chain over these operations', () => {
  it('verifies, and names the altered record as the first bad one', async () => {
    const total = await logCount();
    expect(total).toBeGreaterThan(10);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: total });

    const ids = (await sql<{ id: string | number }>('select id from audit_access_log order by id asc')).map(
      (r) => String(r.id),
    );
    const victim = ids[Math.floor(ids.length / 2)]!;
    const [original] = await sql<{ organisation: string }>(
      'select organisation from audit_access_log where id = ?',
      [victim],
    );
    await sql("update audit_access_log set organisation = 'X' where id = ?", [victim]);
    try {
      const result = await verifyChain(hub.orm.em.fork());
      expect(result).toMatchObject({ ok: false, firstBadId: victim, count: ids.indexOf(victim) });
      expect(result.ok || result.problem).toMatch(/changed after it was written/);
    } finally {
      await sql('update audit_access_log set organisation = ? where id = ?', [
        original!.organisation,
        victim,
      ]);
    }
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: total });
  });
});
