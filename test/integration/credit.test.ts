import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlEntityManager } from '@mikro-orm/sql';
import {
  creditListEntriesLoader,
  licencesLoader,
  riskClassificationsLoader,
  taxArrearsLoader,
  taxCreditEvaluationsLoader,
} from '../../src/modules/credit/index.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type Caller, type TestHub } from '../helpers/test-hub.js';

const CLEAN_MANUFACTURER = '91350100M000100Y43';
const TECH = '91310230MA1K314J7C';
const ANOMALY = '91350200776049653A';
const DISHONEST = '91440101MA5CJQ4N59';
const HOSPITAL = '9135021359498494XQ';

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}
interface Provenance {
  department: string;
  sourceRecordId: string;
}
type GqlError = { message: string; extensions?: Record<string, unknown> };

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 30 });
});
afterAll(async () => {
  await hub?.close();
});

/** Runs a selection on one enterprise and fails loudly on any GraphQL error. */
async function onEnterprise<T>(uscc: string, selection: string, caller?: Caller): Promise<T> {
  const call = caller ? hub.as(caller) : hub.graphql;
  const res = await call<{ enterprise: T }>(`{ enterprise(uscc: "${uscc}") { ${selection} } }`);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.enterprise;
}

async function errorsOf(uscc: string, selection: string): Promise<GqlError[]> {
  const res = await hub.graphql(`{ enterprise(uscc: "${uscc}") { ${selection} } }`);
  return res.body.errors ?? [];
}

const nodes = <T>(page: Page<T>): T[] => page.edges.map((e) => e.node);

describe('credit list entries', () => {
  interface Entry {
    id: string;
    list: string;
    reason: string;
    listedDate: string;
    removedDate: string | null;
    removalReason: string | null;
    authority: string;
    caseNumber: string | null;
    provenance: Provenance;
  }
  const ENTRY = `totalCount edges { node { id list reason listedDate removedDate removalReason authority caseNumber
    provenance { department sourceRecordId } } }`;

  it('shows the seriously dishonest trader on the serious-dishonesty and dishonest-debtor lists', async () => {
    const e = await onEnterprise<{ listEntries: Page<Entry> }>(DISHONEST, `listEntries { ${ENTRY} }`);
    const entries = nodes(e.listEntries);
    const lists = new Set(entries.map((x) => x.list));
    expect(lists).toContain('SERIOUS_DISHONESTY');
    expect(lists).toContain('DISHONEST_JUDGMENT_DEBTOR');
    // activeOnly defaults to true.
    for (const entry of entries) expect(entry.removedDate).toBeNull();
    for (const entry of entries) {
      if (entry.list === 'DISHONEST_JUDGMENT_DEBTOR') {
        expect(entry.provenance.department).toBe('COURT');
        expect(entry.caseNumber).toMatch(/^（\d{4}）粤0101执\d+号$/);
        expect(entry.authority).toMatch(/人民法院$/);
      } else {
        expect(entry.provenance.department).toBe('MARKET_REGULATION');
        expect(entry.caseNumber).toBeNull();
      }
    }
    const listed = entries.map((x) => x.listedDate);
    expect(listed).toEqual([...listed].sort().reverse());
  });

  it('filters by list', async () => {
    const e = await onEnterprise<{ listEntries: Page<Entry> }>(
      DISHONEST,
      `listEntries(list: DISHONEST_JUDGMENT_DEBTOR) { ${ENTRY} }`,
    );
    expect(e.listEntries.totalCount).toBeGreaterThanOrEqual(1);
    expect(nodes(e.listEntries).every((x) => x.list === 'DISHONEST_JUDGMENT_DEBTOR')).toBe(true);
    expect(e.listEntries.totalCount).toBe(e.listEntries.edges.length);
  });

  it('shows the transport company on the business-anomaly list', async () => {
    const e = await onEnterprise<{ listEntries: Page<Entry> }>(
      ANOMALY,
      `listEntries(list: BUSINESS_ANOMALY) { ${ENTRY} }`,
    );
    expect(e.listEntries.totalCount).toBeGreaterThanOrEqual(1);
    expect(nodes(e.listEntries)[0]).toMatchObject({
      list: 'BUSINESS_ANOMALY',
      removedDate: null,
      provenance: { department: 'MARKET_REGULATION' },
    });
  });

  it('has no entries for the clean enterprises, even removed ones', async () => {
    for (const uscc of [CLEAN_MANUFACTURER, TECH]) {
      const e = await onEnterprise<{ listEntries: Page<Entry> }>(
        uscc,
        `listEntries(activeOnly: false) { ${ENTRY} }`,
      );
      expect(e.listEntries.totalCount).toBe(0);
      expect(e.listEntries.edges).toEqual([]);
    }
  });

  it('shares expired removals on request, but repaired, performed and corrected ones only with owner and auditors', async () => {
    const em = hub.orm.em.fork() as SqlEntityManager;
    const add = (id: string, removed: string | null, reason: string | null) =>
      em.execute(
        `insert into credit_list_entry (uscc, department, source_record_id, as_of, received_at, list, reason,
           listed_date, removed_date, removal_reason, authority, case_number)
         values (?, 'COURT', ?, now(), now(), 'DISHONEST_JUDGMENT_DEBTOR', '测试', '2024-01-10', ?, ?, '测试法院', '（2024）闽0213执1号')`,
        [HOSPITAL, id, removed, reason],
      );
    const selection = `listEntries(activeOnly: false, list: DISHONEST_JUDGMENT_DEBTOR) { ${ENTRY} }`;
    const before = await onEnterprise<{ listEntries: Page<Entry> }>(HOSPITAL, selection);
    await add('TEST-EXPIRED', '2024-06-01', 'EXPIRED');
    await add('TEST-PERFORMED', '2024-06-01', 'PERFORMED');
    await add('TEST-REPAIRED', '2024-06-01', 'REPAIRED');
    await add('TEST-CORRECTED', '2024-06-01', 'CORRECTED');
    await add('TEST-ACTIVE', null, null);
    const idsFor = async (caller?: Caller) =>
      nodes((await onEnterprise<{ listEntries: Page<Entry> }>(HOSPITAL, selection, caller)).listEntries).map(
        (x) => x.provenance.sourceRecordId,
      );

    const consumer = await idsFor();
    expect(consumer).toEqual(expect.arrayContaining(['TEST-EXPIRED', 'TEST-ACTIVE']));
    for (const hidden of ['TEST-PERFORMED', 'TEST-REPAIRED', 'TEST-CORRECTED'])
      expect(consumer).not.toContain(hidden);
    const all = await onEnterprise<{ listEntries: Page<Entry> }>(HOSPITAL, selection);
    expect(all.listEntries.totalCount).toBe(before.listEntries.totalCount + 2);

    const everything = ['TEST-EXPIRED', 'TEST-PERFORMED', 'TEST-REPAIRED', 'TEST-CORRECTED', 'TEST-ACTIVE'];
    expect(await idsFor({ principal: PRINCIPALS.court })).toEqual(expect.arrayContaining(everything));
    expect(await idsFor({ principal: PRINCIPALS.auditor })).toEqual(expect.arrayContaining(everything));
    // Another department is not the owner of court rows.
    expect(await idsFor({ principal: PRINCIPALS.tax })).not.toContain('TEST-PERFORMED');

    const active = await onEnterprise<{ listEntries: Page<Entry> }>(
      HOSPITAL,
      `listEntries(list: DISHONEST_JUDGMENT_DEBTOR) { ${ENTRY} }`,
    );
    const activeIds = nodes(active.listEntries).map((x) => x.provenance.sourceRecordId);
    expect(activeIds).toContain('TEST-ACTIVE');
    expect(activeIds).not.toContain('TEST-EXPIRED');
  });

  it('counts the same entries as the table holds for every enterprise', async () => {
    const res = await hub.graphql<{
      enterprises: Page<{ uscc: string; listEntries: { totalCount: number } }>;
    }>(
      `{ enterprises(first: 30) { edges { node { uscc listEntries(activeOnly: false) { totalCount } } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const rows = await (hub.orm.em.fork() as SqlEntityManager).execute<{ uscc: string; n: string }[]>(
      `select uscc, count(*) as n from credit_list_entry
        where removal_reason is null or removal_reason = 'EXPIRED' group by uscc`,
    );
    const expected = new Map(rows.map((r) => [r.uscc, Number(r.n)]));
    const served = nodes(res.body.data!.enterprises);
    expect(served).toHaveLength(30);
    for (const e of served) expect(e.listEntries.totalCount).toBe(expected.get(e.uscc) ?? 0);
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

describe('tax credit grades', () => {
  interface Grade {
    year: number;
    grade: string;
    evaluatedDate: string;
    provenance: Provenance;
  }
  const GRADE = `totalCount edges { node { year grade evaluatedDate provenance { department sourceRecordId } } }`;

  it('grades the clean enterprises A for the last three years, newest first', async () => {
    for (const uscc of [CLEAN_MANUFACTURER, TECH]) {
      const e = await onEnterprise<{ taxGrades: Page<Grade> }>(uscc, `taxGrades { ${GRADE} }`);
      const grades = nodes(e.taxGrades);
      expect(grades.map((g) => g.year)).toEqual([2025, 2024, 2023]);
      expect(grades.every((g) => g.grade === 'A')).toBe(true);
      expect(grades.every((g) => g.provenance.department === 'TAX')).toBe(true);
      expect(grades[0]!.evaluatedDate).toMatch(/^2026-04-\d{2}$/);
    }
  });

  it('grades the seriously dishonest trader D', async () => {
    const e = await onEnterprise<{ taxGrades: Page<Grade> }>(DISHONEST, `taxGrades(first: 1) { ${GRADE} }`);
    expect(nodes(e.taxGrades)[0]).toMatchObject({
      year: 2025,
      grade: 'D',
      provenance: { department: 'TAX' },
    });
  });

  it('filters by sinceYear', async () => {
    const e = await onEnterprise<{ taxGrades: Page<Grade> }>(
      CLEAN_MANUFACTURER,
      `taxGrades(sinceYear: 2024) { ${GRADE} }`,
    );
    expect(e.taxGrades.totalCount).toBe(2);
    expect(nodes(e.taxGrades).map((g) => g.year)).toEqual([2025, 2024]);
  });

  it('rejects a sinceYear that is not a four-digit year', async () => {
    const errors = await errorsOf(CLEAN_MANUFACTURER, `taxGrades(sinceYear: 24) { totalCount }`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors[0]!.message).toMatch(/sinceYear.*four-digit year/);
  });
});

describe('tax arrears', () => {
  interface Arrears {
    taxType: string;
    amountOwed: number;
    arrearsSince: string;
    paidOffDate: string | null;
    provenance: Provenance;
    enterprise: { uscc: string };
  }
  const ARREARS = `totalCount edges { node { taxType amountOwed arrearsSince paidOffDate
    provenance { department } enterprise { uscc } } }`;

  it('shows outstanding arrears of the seriously dishonest trader', async () => {
    const e = await onEnterprise<{ all: Page<Arrears>; outstanding: Page<Arrears> }>(
      DISHONEST,
      `all: taxArrears { ${ARREARS} } outstanding: taxArrears(outstandingOnly: true) { ${ARREARS} }`,
    );
    const outstanding = nodes(e.outstanding);
    expect(outstanding.length).toBeGreaterThanOrEqual(1);
    for (const a of outstanding) {
      expect(a.paidOffDate).toBeNull();
      expect(a.amountOwed).toBeGreaterThan(0);
      expect(a.taxType.length).toBeGreaterThan(0);
      expect(a.provenance.department).toBe('TAX');
      expect(a.enterprise.uscc).toBe(DISHONEST);
    }
    const paidOff = nodes(e.all).filter((a) => a.paidOffDate !== null).length;
    expect(e.all.totalCount).toBe(e.outstanding.totalCount + paidOff);
  });

  it('shows none for a clean enterprise', async () => {
    const e = await onEnterprise<{ taxArrears: Page<Arrears> }>(
      CLEAN_MANUFACTURER,
      `taxArrears { ${ARREARS} }`,
    );
    expect(e.taxArrears.totalCount).toBe(0);
  });
});

describe('enterprise credit risk classes', () => {
  interface RiskClass {
    month: string;
    riskClass: string;
    provenance: Provenance;
  }
  const RISK = `totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { month riskClass provenance { department } } }`;

  it('classifies the clean manufacturer A and the dishonest trader D for six months', async () => {
    const clean = await onEnterprise<{ riskClasses: Page<RiskClass> }>(
      CLEAN_MANUFACTURER,
      `riskClasses { ${RISK} }`,
    );
    expect(nodes(clean.riskClasses).map((r) => r.month)).toEqual([
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
      '2026-06',
      '2026-05',
    ]);
    expect(nodes(clean.riskClasses).every((r) => r.riskClass === 'A')).toBe(true);
    expect(nodes(clean.riskClasses)[0]!.provenance.department).toBe('MARKET_REGULATION');
    const dishonest = await onEnterprise<{ riskClasses: Page<RiskClass> }>(
      DISHONEST,
      `riskClasses { ${RISK} }`,
    );
    expect(nodes(dishonest.riskClasses).map((r) => r.riskClass)).toEqual(Array(6).fill('D'));
  });

  it('filters by since and pages with after', async () => {
    const first = await onEnterprise<{ riskClasses: Page<RiskClass> }>(
      TECH,
      `riskClasses(first: 4) { ${RISK} }`,
    );
    expect(first.riskClasses.totalCount).toBe(6);
    expect(first.riskClasses.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(nodes(first.riskClasses).map((r) => r.month)).toEqual([
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
    ]);
    const rest = await onEnterprise<{ riskClasses: Page<RiskClass> }>(
      TECH,
      `riskClasses(first: 4, after: "${first.riskClasses.pageInfo.endCursor}") { ${RISK} }`,
    );
    expect(rest.riskClasses.totalCount).toBe(6);
    expect(rest.riskClasses.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(nodes(rest.riskClasses).map((r) => r.month)).toEqual(['2026-06', '2026-05']);

    const since = await onEnterprise<{ riskClasses: Page<RiskClass> }>(
      TECH,
      `riskClasses(since: "2026-09") { ${RISK} }`,
    );
    expect(since.riskClasses.totalCount).toBe(2);
    expect(nodes(since.riskClasses).map((r) => r.month)).toEqual(['2026-10', '2026-09']);
  });

  it('rejects a since that is not YYYY-MM', async () => {
    for (const bad of ['2026-13', '2026-5', '2026-05-01']) {
      const errors = await errorsOf(TECH, `riskClasses(since: "${bad}") { totalCount }`);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors[0]!.message).toContain('since must be a month as YYYY-MM');
    }
  });

  it('rejects a cursor the list did not issue', async () => {
    const errors = await errorsOf(TECH, `riskClasses(after: "not-a-cursor") { totalCount }`);
    expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('administrative licences', () => {
  interface Licence {
    id: string;
    decisionNumber: string;
    licenceName: string;
    decisionDate: string;
    validFrom: string;
    validTo: string | null;
    authority: string;
    status: string;
    provenance: Provenance;
  }
  const LICENCE = `totalCount pageInfo { hasNextPage endCursor }
    edges { node { id decisionNumber licenceName decisionDate validFrom validTo authority status provenance { department } } }`;

  it('pages through the clean manufacturer’s licences', async () => {
    const all = await onEnterprise<{ licences: Page<Licence> }>(
      CLEAN_MANUFACTURER,
      `licences { ${LICENCE} }`,
    );
    expect(all.licences.totalCount).toBeGreaterThanOrEqual(3);
    const full = nodes(all.licences);
    for (const l of full) {
      expect(l.provenance.department).toBe('MARKET_REGULATION');
      expect(l.validFrom).toBe(l.decisionDate);
      expect(['VALID', 'EXPIRED', 'REVOKED', 'CANCELLED']).toContain(l.status);
      if (l.status === 'EXPIRED') expect(l.validTo! < '2026-11-01').toBe(true);
      if (l.status === 'VALID' && l.validTo !== null) expect(l.validTo >= '2026-11-01').toBe(true);
    }
    const paged: Licence[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const arg: string = after ? `, after: "${after}"` : '';
      const page: { licences: Page<Licence> } = await onEnterprise(
        CLEAN_MANUFACTURER,
        `licences(first: 2${arg}) { ${LICENCE} }`,
      );
      expect(page.licences.totalCount).toBe(all.licences.totalCount);
      paged.push(...nodes(page.licences));
      if (!page.licences.pageInfo.hasNextPage) break;
      after = page.licences.pageInfo.endCursor;
    }
    expect(paged.map((l) => l.id)).toEqual(full.map((l) => l.id));
  });

  it('filters by status, and the statuses add up to the whole', async () => {
    const e = await onEnterprise<Record<string, Page<Licence>>>(
      CLEAN_MANUFACTURER,
      `all: licences { totalCount }
       VALID: licences(status: VALID) { ${LICENCE} }
       EXPIRED: licences(status: EXPIRED) { ${LICENCE} }
       REVOKED: licences(status: REVOKED) { ${LICENCE} }
       CANCELLED: licences(status: CANCELLED) { ${LICENCE} }`,
    );
    let sum = 0;
    for (const status of ['VALID', 'EXPIRED', 'REVOKED', 'CANCELLED']) {
      expect(nodes(e[status]!).every((l) => l.status === status)).toBe(true);
      sum += e[status]!.totalCount;
    }
    expect(sum).toBe(e.all!.totalCount);
  });
});

describe('enterprise back-path', () => {
  it('reaches the enterprise from every credit record type', async () => {
    const back = `edges { node { enterprise { uscc name } } }`;
    const e = await onEnterprise<Record<string, Page<{ enterprise: { uscc: string; name: string } }>>>(
      DISHONEST,
      `name listEntries { ${back} } taxGrades { ${back} } taxArrears { ${back} } riskClasses { ${back} }`,
    );
    const withLicences = await onEnterprise<{ licences: Page<{ enterprise: { uscc: string } }> }>(
      CLEAN_MANUFACTURER,
      `licences(first: 1) { ${back} }`,
    );
    expect(nodes(withLicences.licences)[0]!.enterprise.uscc).toBe(CLEAN_MANUFACTURER);
    for (const field of ['listEntries', 'taxGrades', 'taxArrears', 'riskClasses']) {
      const list = nodes(e[field]!);
      expect(list.length).toBeGreaterThan(0);
      for (const n of list) expect(n.enterprise.uscc).toBe(DISHONEST);
    }
  });
});

describe('credit loaders', () => {
  const factories = {
    licencesLoader,
    creditListEntriesLoader,
    taxCreditEvaluationsLoader,
    taxArrearsLoader,
    riskClassificationsLoader,
  };

  it.each(Object.entries(factories))(
    '%s answers loads for every enterprise with one statement',
    async (_, factory) => {
      const em = hub.orm.em.fork() as SqlEntityManager;
      const usccs = (
        await em.execute<{ uscc: string }[]>('select uscc from registry_enterprise order by uscc')
      ).map((r) => r.uscc);
      expect(usccs).toHaveLength(30);
      const loader = factory(em);
      hub.counter.reset();
      const pages = await Promise.all(usccs.map((uscc) => loader.load({ uscc, first: 10, offset: 0 })));
      expect(hub.counter.count).toBe(1);
      expect(pages).toHaveLength(30);
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      expect(loaded).toBeGreaterThan(0);
      for (const [i, page] of pages.entries()) {
        for (const item of page.items as { uscc: string }[]) expect(item.uscc).toBe(usccs[i]);
      }
    },
  );
});
