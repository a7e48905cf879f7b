import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  designatedInstitutionsLoader,
  institutionCreditGradesLoader,
  medicalFundViolationsLoader,
  socialInsuranceAccountsLoader,
} from '../../src/modules/medical-insurance/index.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const HOSPITAL = '9135021359498494XQ';
const TRADER = '91440101MA5CJQ4N59';
const CLEAN = '91350100M000100Y43';
// Seed data is "as of" 2026-11-01: accounts cover the six months before, grades the three years before.
const LAST_SIX_MONTHS = ['2026-10', '2026-09', '2026-08', '2026-07', '2026-06', '2026-05'];

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}
interface Account {
  period: string;
  insuredHeadcount: number;
  contributionsDue: number;
  contributionsPaid: number;
  arrears: number;
  provenance: { department: string; sourceRecordId: string };
  enterprise: { uscc: string; name: string };
}
interface Institution {
  id: string;
  institutionCode: string;
  institutionType: string;
  institutionName: string;
  designationStatus: string;
  designatedFrom: string;
  statusChangedDate: string | null;
  provenance: { department: string };
  enterprise: { uscc: string; establishedDate: string };
}
interface Grade {
  institutionCode: string;
  year: number;
  grade: string;
  score: number;
  provenance: { department: string };
  enterprise: { uscc: string };
}
interface Violation {
  institutionCode: string;
  foundDate: string;
  violationType: string;
  detectedBy: string;
  amountInvolved: number;
  amountRecovered: number;
  penaltyAmount: number;
  decisionNumber: string;
  repairedDate: string | null;
  provenance: { department: string; sourceRecordId: string };
  enterprise: { uscc: string };
}

const ACCOUNTS = `
  query Accounts($uscc: USCC!, $first: Int, $after: String, $since: String, $inArrearsOnly: Boolean) {
    enterprise(uscc: $uscc) {
      socialInsuranceAccounts(first: $first, after: $after, since: $since, inArrearsOnly: $inArrearsOnly) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { cursor node {
          period insuredHeadcount contributionsDue contributionsPaid arrears
          provenance { department sourceRecordId } enterprise { uscc name }
        } }
      }
    }
  }`;
const INSTITUTIONS = `
  query Institutions($uscc: USCC!) {
    enterprise(uscc: $uscc) {
      designatedInstitutions {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { cursor node {
          id institutionCode institutionType institutionName designationStatus designatedFrom statusChangedDate
          provenance { department } enterprise { uscc establishedDate }
        } }
      }
    }
  }`;
const GRADES = `
  query Grades($uscc: USCC!, $sinceYear: Int, $first: Int, $after: String) {
    enterprise(uscc: $uscc) {
      medicalInstitutionCreditGrades(sinceYear: $sinceYear, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { cursor node { institutionCode year grade score provenance { department } enterprise { uscc } } }
      }
    }
  }`;
const VIOLATIONS = `
  query Violations($uscc: USCC!, $since: LocalDate, $includeRepaired: Boolean) {
    enterprise(uscc: $uscc) {
      medicalFundViolations(since: $since, includeRepaired: $includeRepaired) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { cursor node {
          institutionCode foundDate violationType detectedBy amountInvolved amountRecovered penaltyAmount
          decisionNumber repairedDate provenance { department sourceRecordId } enterprise { uscc }
        } }
      }
    }
  }`;

let hub: TestHub;

async function list<T>(query: string, field: string, variables: Record<string, unknown>): Promise<Page<T>> {
  const res = await hub.graphql<{ enterprise: Record<string, Page<T>> }>(query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.enterprise[field]!;
}
const nodes = <T>(page: Page<T>): T[] => page.edges.map((e) => e.node);

const REPAIRED_RECORD_ID = 'TEST-FV-REPAIRED';

beforeAll(async () => {
  // The owner reads its own records, repaired ones included; consumers are tested below.
  hub = await startTestHub({ enterprises: 30, caller: { principal: PRINCIPALS.medicalInsurance } });
  // A repaired record on the demo hospital, so the includeRepaired filter has something to leave out.
  await hub.orm.em.fork().execute(
    `insert into mi_fund_violation (uscc, department, source_record_id, as_of, received_at, institution_code,
       found_date, violation_type, detected_by, amount_involved, amount_recovered, penalty_amount, decision_number,
       repaired_date)
     values (?, 'MEDICAL_INSURANCE', ?, '2023-03-01T00:00:00Z', now(), 'H35021300000', '2023-03-01', 'OTHER',
       'REPORT', 1000, 1000, 1500, '测试医保罚〔2023〕1号', '2024-06-01')`,
    [HOSPITAL, REPAIRED_RECORD_ID],
  );
});
afterAll(async () => {
  await hub?.close();
});

describe('social insurance accounts', () => {
  it('lists the six months before the seed date, newest first, with arrears = due − paid', async () => {
    const page = await list<Account>(ACCOUNTS, 'socialInsuranceAccounts', { uscc: TRADER });
    const accounts = nodes(page);
    expect(page.totalCount).toBe(6);
    expect(accounts.map((a) => a.period)).toEqual(LAST_SIX_MONTHS);
    for (const a of accounts) {
      expect(a.insuredHeadcount).toBeGreaterThan(0);
      expect(a.contributionsDue).toBeGreaterThan(0);
      expect(a.arrears).toBeCloseTo(Math.max(a.contributionsDue - a.contributionsPaid, 0), 2);
      expect(a.provenance.department).toBe('MEDICAL_INSURANCE');
      expect(a.enterprise.uscc).toBe(TRADER);
      expect(a.enterprise.name).toEqual(expect.any(String));
    }
    // The demo trader is in arrears, at least for the two newest months.
    expect(accounts[0]!.arrears).toBeGreaterThan(0);
    expect(accounts[1]!.arrears).toBeGreaterThan(0);
  });

  it('a clean enterprise pays what is due', async () => {
    const accounts = nodes(await list<Account>(ACCOUNTS, 'socialInsuranceAccounts', { uscc: CLEAN }));
    expect(accounts).toHaveLength(6);
    for (const a of accounts) {
      expect(a.arrears).toBe(0);
      expect(a.contributionsPaid).toBe(a.contributionsDue);
    }
  });

  it('filters by month and by arrears', async () => {
    const since = nodes(
      await list<Account>(ACCOUNTS, 'socialInsuranceAccounts', { uscc: TRADER, since: '2026-08' }),
    );
    expect(since.map((a) => a.period)).toEqual(['2026-10', '2026-09', '2026-08']);

    const all = nodes(await list<Account>(ACCOUNTS, 'socialInsuranceAccounts', { uscc: TRADER }));
    const arrears = await list<Account>(ACCOUNTS, 'socialInsuranceAccounts', {
      uscc: TRADER,
      inArrearsOnly: true,
    });
    expect(arrears.totalCount).toBe(all.filter((a) => a.arrears > 0).length);
    expect(nodes(arrears).every((a) => a.arrears > 0)).toBe(true);
    expect(nodes(arrears).map((a) => a.period)).toEqual(
      all.filter((a) => a.arrears > 0).map((a) => a.period),
    );

    const clean = await list<Account>(ACCOUNTS, 'socialInsuranceAccounts', {
      uscc: CLEAN,
      inArrearsOnly: true,
    });
    expect(clean.totalCount).toBe(0);
    expect(clean.edges).toEqual([]);
  });

  it('pages with after, keeping totalCount', async () => {
    const first = await list<Account>(ACCOUNTS, 'socialInsuranceAccounts', { uscc: TRADER, first: 4 });
    expect(first.totalCount).toBe(6);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(nodes(first).map((a) => a.period)).toEqual(LAST_SIX_MONTHS.slice(0, 4));

    const second = await list<Account>(ACCOUNTS, 'socialInsuranceAccounts', {
      uscc: TRADER,
      first: 4,
      after: first.pageInfo.endCursor,
    });
    expect(second.totalCount).toBe(6);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(nodes(second).map((a) => a.period)).toEqual(LAST_SIX_MONTHS.slice(4));
  });

  it('rejects a month that is not YYYY-MM, naming the argument', async () => {
    const res = await hub.graphql(ACCOUNTS, { uscc: TRADER, since: '2026-13' });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0]!.message).toMatch(/^since must be a month as YYYY-MM/);
  });

  it('the database refuses arrears that disagree with due and paid', async () => {
    const insert = hub.orm.em.fork().execute(
      `insert into mi_social_insurance_account (uscc, department, source_record_id, as_of, received_at, period,
         insured_headcount, contributions_due, contributions_paid, arrears)
       values (?, 'MEDICAL_INSURANCE', 'TEST-SI-BAD', now(), now(), '2026-10', 3, 1000, 400, 100)`,
      [CLEAN],
    );
    await expect(insert).rejects.toThrow(/mi_social_insurance_account_arrears_check/);
  });
});

describe('designated institutions', () => {
  it('shows the demo hospital as a designated hospital', async () => {
    const page = await list<Institution>(INSTITUTIONS, 'designatedInstitutions', { uscc: HOSPITAL });
    expect(page.totalCount).toBe(1);
    const [hospital] = nodes(page);
    expect(hospital).toMatchObject({
      institutionType: 'HOSPITAL',
      designationStatus: 'DESIGNATED',
      statusChangedDate: null,
      provenance: { department: 'MEDICAL_INSURANCE' },
      enterprise: { uscc: HOSPITAL, establishedDate: '2012-07-02' },
    });
    expect(hospital!.institutionCode).toMatch(/^H350213\d{5}$/);
    expect(hospital!.institutionName).toMatch(/^厦门市.+医院$/);
    expect(hospital!.designatedFrom > '2012-07-02').toBe(true);
    expect(hospital!.id).toMatch(/^\d+$/);
  });

  it('is empty for a trader that runs no institution', async () => {
    const page = await list<Institution>(INSTITUTIONS, 'designatedInstitutions', { uscc: TRADER });
    expect(page).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: null },
      edges: [],
    });
  });
});

describe('institution credit grades', () => {
  const band = (score: number): string =>
    score >= 900 ? 'A' : score >= 800 ? 'B' : score >= 700 ? 'C' : score >= 600 ? 'D' : 'E';

  it('gives the demo hospital a grade for each of the last three years, newest first', async () => {
    const [hospital] = nodes(
      await list<Institution>(INSTITUTIONS, 'designatedInstitutions', { uscc: HOSPITAL }),
    );
    const grades = nodes(await list<Grade>(GRADES, 'medicalInstitutionCreditGrades', { uscc: HOSPITAL }));
    expect(grades.map((g) => g.year)).toEqual([2025, 2024, 2023]);
    for (const g of grades) {
      expect(g.institutionCode).toBe(hospital!.institutionCode);
      expect(g.score).toBeGreaterThanOrEqual(0);
      expect(g.score).toBeLessThanOrEqual(1000);
      expect(g.grade).toBe(band(g.score));
      expect(g.provenance.department).toBe('MEDICAL_INSURANCE');
      expect(g.enterprise.uscc).toBe(HOSPITAL);
    }
  });

  it('filters by sinceYear and pages', async () => {
    const since = await list<Grade>(GRADES, 'medicalInstitutionCreditGrades', {
      uscc: HOSPITAL,
      sinceYear: 2024,
    });
    expect(since.totalCount).toBe(2);
    expect(nodes(since).map((g) => g.year)).toEqual([2025, 2024]);

    const first = await list<Grade>(GRADES, 'medicalInstitutionCreditGrades', { uscc: HOSPITAL, first: 1 });
    const next = await list<Grade>(GRADES, 'medicalInstitutionCreditGrades', {
      uscc: HOSPITAL,
      first: 1,
      after: first.pageInfo.endCursor,
    });
    expect(first.totalCount).toBe(3);
    expect(next.totalCount).toBe(3);
    expect(nodes(first).map((g) => g.year)).toEqual([2025]);
    expect(nodes(next).map((g) => g.year)).toEqual([2024]);
    expect(next.pageInfo.hasNextPage).toBe(true);
  });

  it('rejects an implausible sinceYear, naming the argument', async () => {
    const res = await hub.graphql(GRADES, { uscc: HOSPITAL, sinceYear: 24 });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0]!.message).toMatch(/^sinceYear must be a year between/);
  });
});

describe('medical fund violations', () => {
  it('shows the demo hospital’s unrepaired violation found by DRG audit', async () => {
    const page = await list<Violation>(VIOLATIONS, 'medicalFundViolations', { uscc: HOSPITAL });
    const violations = nodes(page);
    expect(page.totalCount).toBe(violations.length);
    const drg = violations.find((v) => v.detectedBy === 'DRG_AUDIT' && v.violationType === 'UPCODING');
    expect(drg).toBeDefined();
    expect(drg!.repairedDate).toBeNull();
    expect(drg!.foundDate >= '2026-07-01' && drg!.foundDate < '2026-11-01').toBe(true);
    expect(drg!.amountInvolved).toBeGreaterThan(0);
    // Misuse other than fraud is fined one to two times the amount involved.
    expect(drg!.penaltyAmount).toBeGreaterThanOrEqual(drg!.amountInvolved - 0.01);
    expect(drg!.penaltyAmount).toBeLessThanOrEqual(drg!.amountInvolved * 2 + 0.01);
    expect(drg!.decisionNumber).toMatch(/^350213医保罚〔2026〕\d+号$/);
    expect(drg!.provenance.department).toBe('MEDICAL_INSURANCE');
    expect(drg!.enterprise.uscc).toBe(HOSPITAL);
    const dates = violations.map((v) => v.foundDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('leaves out repaired records unless includeRepaired', async () => {
    const current = nodes(await list<Violation>(VIOLATIONS, 'medicalFundViolations', { uscc: HOSPITAL }));
    expect(current.every((v) => v.repairedDate === null)).toBe(true);
    expect(current.map((v) => v.provenance.sourceRecordId)).not.toContain(REPAIRED_RECORD_ID);

    const all = await list<Violation>(VIOLATIONS, 'medicalFundViolations', {
      uscc: HOSPITAL,
      includeRepaired: true,
    });
    const repaired = nodes(all).find((v) => v.provenance.sourceRecordId === REPAIRED_RECORD_ID);
    expect(repaired).toMatchObject({ repairedDate: '2024-06-01', foundDate: '2023-03-01' });
    expect(all.totalCount).toBeGreaterThanOrEqual(current.length + 1);
  });

  it('filters by since', async () => {
    const all = nodes(
      await list<Violation>(VIOLATIONS, 'medicalFundViolations', { uscc: HOSPITAL, includeRepaired: true }),
    );
    const since = nodes(
      await list<Violation>(VIOLATIONS, 'medicalFundViolations', {
        uscc: HOSPITAL,
        includeRepaired: true,
        since: '2024-01-01',
      }),
    );
    expect(since.map((v) => v.foundDate)).toEqual(
      all.filter((v) => v.foundDate >= '2024-01-01').map((v) => v.foundDate),
    );
    expect(since.map((v) => v.provenance.sourceRecordId)).not.toContain(REPAIRED_RECORD_ID);
  });
});

describe('medical insurance loaders', () => {
  const usccs = [HOSPITAL, TRADER, CLEAN, '91310230MA1K314J7C', '91350200776049653A'];
  const factories = {
    socialInsuranceAccountsLoader,
    designatedInstitutionsLoader,
    institutionCreditGradesLoader,
    medicalFundViolationsLoader,
  };

  it.each(Object.entries(factories))(
    '%s answers N loads in one tick with one SQL statement',
    async (_, factory) => {
      const loader = factory(hub.orm.em.fork());
      hub.counter.reset();
      const pages = await Promise.all(usccs.map((uscc) => loader.load({ uscc, first: 10, offset: 0 })));
      expect(hub.counter.count).toBe(1);
      expect(pages).toHaveLength(usccs.length);
      // Each page holds only its own enterprise's records.
      pages.forEach((page, i) => {
        for (const item of page.items) expect((item as { uscc: string }).uscc).toBe(usccs[i]);
      });
      expect(pages.some((page) => page.totalCount > 0)).toBe(true);
    },
  );

  it('a page of enterprises costs the same statements for 1 and for 30', async () => {
    const query = `query($first: Int!) { enterprises(first: $first) { edges { node {
      socialInsuranceAccounts(first: 2) { totalCount edges { node { period arrears enterprise { uscc } } } }
      designatedInstitutions { totalCount edges { node { institutionCode } } }
      medicalInstitutionCreditGrades(sinceYear: 2024) { totalCount edges { node { grade } } }
      medicalFundViolations { totalCount edges { node { violationType enterprise { uscc } } } }
    } } } }`;
    const count = async (first: number): Promise<number> => {
      hub.counter.reset();
      const res = await hub.graphql<{ enterprises: { edges: unknown[] } }>(query, { first });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.enterprises.edges).toHaveLength(first);
      return hub.counter.count;
    };
    expect(await count(30)).toBe(await count(1));
  });
});
