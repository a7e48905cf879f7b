import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Purpose } from '../../src/auth/purpose.js';
import { createApprovedAgreement } from '../../src/auth/agreements/agreement.service.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { grantEveryConditionalResource, startTestHub, type TestHub } from '../helpers/test-hub.js';

const PORTFOLIO = `query ($usccs: [String!]!) { portfolioRisk(usccs: $usccs) { input uscc status error profile { score grade signals { code } } } }`;

interface Item {
  input: string;
  uscc: string | null;
  status: string;
  error: string | null;
  profile: { score: number; grade: string; signals: { code: string }[] } | null;
}

let hub: TestHub;
let usccs: string[];
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 1000 });
  usccs = (
    await hub.orm.em.fork().execute<{ uscc: string }[]>('select uscc from registry_enterprise order by uscc')
  ).map((r) => r.uscc);
});
afterAll(async () => {
  await hub?.close();
});

async function portfolio(codes: string[]) {
  const res = await hub.graphql<{ portfolioRisk: Item[] }>(PORTFOLIO, { usccs: codes });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.portfolioRisk;
}

describe('portfolio risk', () => {
  it('reports invalid and unknown codes in their own items, in request order, without failing the call', async () => {
    const items = await portfolio([
      '91440101MA5CJQ4N59',
      '91350100M000100Y44',
      'not-a-code',
      '91110108MA01ABCD5T',
      '91350100M000100Y43',
    ]);
    expect(items.map((i) => [i.input, i.status])).toEqual([
      ['91440101MA5CJQ4N59', 'OK'],
      ['91350100M000100Y44', 'INVALID_USCC'],
      ['not-a-code', 'INVALID_USCC'],
      ['91110108MA01ABCD5T', 'NOT_FOUND'],
      ['91350100M000100Y43', 'OK'],
    ]);
    expect(items[1]!.error).toContain("check character (position 18, GB 32100) is '4', expected '3'");
    expect(items[2]!.error).toContain('18 characters');
    expect(items[0]!.profile!.grade).toBe('E');
    expect(items[3]!.profile).toBeNull();
  });

  it('costs the same SQL statements for 1 and for 1,000 enterprises, cold and warm', async () => {
    const measure = async (codes: string[], cold: boolean) => {
      if (cold) await hub.orm.em.fork().execute('update risk_profile set dirty = true');
      hub.counter.reset();
      const items = await portfolio(codes);
      expect(items.every((i) => i.status === 'OK' && i.profile)).toBe(true);
      return hub.counter.count;
    };
    const cold1 = await measure(usccs.slice(0, 1), true);
    const cold1000 = await measure(usccs.slice(0, 1000), true);
    const warm1 = await measure(usccs.slice(0, 1), false);
    const warm1000 = await measure(usccs.slice(0, 1000), false);
    process.stdout.write(
      `portfolio SQL statements: cold 1 -> ${cold1}, cold 1000 -> ${cold1000}; warm 1 -> ${warm1}, warm 1000 -> ${warm1000}\n`,
    );
    expect(cold1000).toBe(cold1);
    expect(warm1000).toBe(warm1);
  });

  it('reads dimensions and sources only when the selection asks for them, through fragments too', async () => {
    const codes = usccs.slice(0, 50);
    const profileStatement = () =>
      hub.counter.statements.find((q) => q.includes('from risk_profile') || q.includes('join risk_profile'));
    hub.counter.reset();
    await portfolio(codes);
    expect(profileStatement()).toContain('p.signals::text');
    expect(profileStatement()).not.toContain('p.dimensions');
    expect(profileStatement()).not.toContain('p.sources');

    const WITH_PARTS = `query ($usccs: [String!]!) { portfolioRisk(usccs: $usccs) { status profile { ...Parts } } }
      fragment Parts on RiskProfile { score ... on RiskProfile { dimensions { dimension score } } sources { department stale } }`;
    hub.counter.reset();
    const res = await hub.graphql<{
      portfolioRisk: {
        profile: { dimensions: { dimension: string }[]; sources: { department: string }[] };
      }[];
    }>(WITH_PARTS, { usccs: codes });
    expect(res.body.errors).toBeUndefined();
    expect(profileStatement()).toContain('p.dimensions::text');
    expect(profileStatement()).toContain('p.sources::text');
    const items = res.body.data!.portfolioRisk;
    expect(items).toHaveLength(50);
    // Every stored profile has its dimensions and a freshness entry per department.
    expect(items.every((i) => i.profile.dimensions.length > 0 && i.profile.sources.length > 0)).toBe(true);

    // The same through Enterprise.riskProfile, dimensions only.
    hub.counter.reset();
    const one = await hub.graphql<{ enterprise: { riskProfile: { dimensions: unknown[] } } }>(
      `query ($u: USCC!) { enterprise(uscc: $u) { riskProfile { dimensions { dimension } } } }`,
      { u: codes[0] },
    );
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data!.enterprise.riskProfile.dimensions.length).toBeGreaterThan(0);
    expect(profileStatement()).toContain('p.dimensions::text');
    expect(profileStatement()).not.toContain('p.sources');
  });

  it('refuses more than 1,000 codes with a coded error naming the limit', async () => {
    const res = await hub.graphql(PORTFOLIO, { usccs: [...usccs, usccs[0]!] });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'usccs' });
    expect(res.body.errors?.[0]?.message).toBe('usccs may hold at most 1000 codes, got 1001');
  });
});

describe('usable but invisible', () => {
  const QUERY = `{ enterprise(uscc: "91440101MA5CJQ4N59") { riskProfile { grade signals { code recordType record { id provenance { department } } } } } }`;

  it('a bank allowed the profile but not tax arrears sees the TAX_ARREARS signal, not its record', async () => {
    const now = Date.now();
    await createApprovedAgreement(hub.orm.em.fork(), {
      consumerOrg: PRINCIPALS.bank.org,
      resource: 'risk.profile',
      purposes: [Purpose.CREDIT_ASSESSMENT],
      validFrom: new Date(now - 86_400_000),
      validTo: new Date(now + 86_400_000),
      approvedBy: 'MARKET_REGULATION/test',
    });
    const res = await hub.as({ principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT })<{
      enterprise: {
        riskProfile: { grade: string; signals: { code: string; recordType: string; record: unknown }[] };
      };
    }>(QUERY);
    const profile = res.body.data!.enterprise.riskProfile;
    expect(profile.grade).toBe('E');
    const signals = profile.signals;
    const arrearsIndex = signals.findIndex((s) => s.code === 'TAX_ARREARS');
    expect(arrearsIndex).toBeGreaterThanOrEqual(0);
    expect(signals[arrearsIndex]!.record).toBeNull();
    const arrearsError = res.body.errors!.find(
      (e) => e.path?.join('.') === `enterprise.riskProfile.signals.${arrearsIndex}.record`,
    );
    expect(arrearsError?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NO_AGREEMENT',
      resource: 'credit.taxArrears',
    });
    // The unconditional penalty lists and court listings stay readable through the link.
    const debtor = signals.find((s) => s.code === 'DISHONEST_JUDGMENT_DEBTOR')!;
    expect(debtor.record).toMatchObject({ provenance: { department: 'COURT' } });
    // No tax-arrears value leaks: its record id is nowhere in the body.
    const [row] = await hub.orm.em
      .fork()
      .execute<
        { id: string }[]
      >("select id::text as id from credit_tax_arrears where uscc = '91440101MA5CJQ4N59' limit 1");
    expect(JSON.stringify(res.body)).not.toContain(`"id":"${row!.id}"`);
  });

  it('with an agreement for tax arrears too, the link is followed', async () => {
    await grantEveryConditionalResource(hub.orm, PRINCIPALS.bank.org);
    const res = await hub.as({ principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT })<{
      enterprise: {
        riskProfile: {
          signals: { code: string; record: { id: string; provenance: { department: string } } | null }[];
        };
      };
    }>(QUERY);
    expect(res.body.errors).toBeUndefined();
    const arrears = res.body.data!.enterprise.riskProfile.signals.find((s) => s.code === 'TAX_ARREARS')!;
    expect(arrears.record).toMatchObject({ provenance: { department: 'TAX' } });
  });

  it('without an agreement for the profile, the profile itself is denied', async () => {
    const res = await hub.as({ principal: PRINCIPALS.otherBank, purpose: Purpose.CREDIT_ASSESSMENT })(QUERY);
    expect(res.body.data).toEqual({ enterprise: { riskProfile: null } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', resource: 'risk.profile' });
  });
});

describe('risk statistics', () => {
  const STATS = `query ($groupBy: [RiskGroupBy!]!, $filter: RiskStatisticsFilter) { riskStatistics(groupBy: $groupBy, filter: $filter) {
    total suppressedBuckets minimumCellSize
    buckets { regionCity riskGrade industrySection count averageScore judicialSignals operatingSignals sectorComplianceSignals positiveSignals } } }`;

  interface Stats {
    total: number;
    suppressedBuckets: number;
    minimumCellSize: number;
    buckets: {
      regionCity: string | null;
      riskGrade: string | null;
      industrySection: string | null;
      count: number;
      averageScore: number;
      judicialSignals: number;
    }[];
  }

  it('agrees with a direct SQL count, and withholds buckets under the minimum cell size', async () => {
    const res = await hub.as({ principal: PRINCIPALS.analyst, purpose: Purpose.STATISTICS })<{
      riskStatistics: Stats;
    }>(STATS, {
      groupBy: ['REGION_CITY', 'RISK_GRADE'],
    });
    expect(res.body.errors).toBeUndefined();
    const stats = res.body.data!.riskStatistics;
    const rows = await hub.orm.em
      .fork()
      .execute<{ city: string; grade: string; n: string; avg: string; judicial: string }[]>(
        `select substr(e.region_code, 1, 4) as city, p.grade, count(*) as n, avg(p.score) as avg, sum(p.judicial_count) as judicial
         from risk_profile p join registry_enterprise e using (uscc) group by 1, 2`,
      );
    expect(stats.total).toBe(1000);
    const big = rows.filter((r) => Number(r.n) >= stats.minimumCellSize);
    expect(stats.buckets).toHaveLength(big.length);
    expect(stats.suppressedBuckets).toBe(rows.length - big.length);
    for (const r of big) {
      const b = stats.buckets.find((x) => x.regionCity === r.city && x.riskGrade === r.grade)!;
      expect(b.count).toBe(Number(r.n));
      expect(b.averageScore).toBeCloseTo(Number(r.avg), 1);
      expect(b.judicialSignals).toBe(Number(r.judicial));
    }
    expect(stats.buckets.every((b) => b.count >= 5)).toBe(true);
  });

  it.each([
    ['TAX_GRADE', 'taxGrade', 'credit_tax_evaluation'],
    ['TRANSPORT_GRADE', 'transportGrade', 'tc_credit_rating'],
  ] as const)('groups by %s as the owning module’s latest grade says', async (groupBy, key, table) => {
    const res = await hub.as({ principal: PRINCIPALS.analyst, purpose: Purpose.STATISTICS })<{
      riskStatistics: {
        total: number;
        buckets: { taxGrade: string | null; transportGrade: string | null; count: number }[];
      };
    }>(
      `query ($groupBy: [RiskGroupBy!]!) { riskStatistics(groupBy: $groupBy) { total buckets { taxGrade transportGrade count } } }`,
      { groupBy: [groupBy] },
    );
    expect(res.body.errors).toBeUndefined();
    // The latest grade per enterprise straight from the department's own table (none → null).
    const rows = await hub.orm.em.fork().execute<{ grade: string | null; n: string }[]>(
      `select l.grade, count(*) as n from registry_enterprise e
         left join (select distinct on (uscc) uscc, grade from ${table} order by uscc, year desc, id desc) l using (uscc)
       group by l.grade`,
    );
    // Buckets under 5 are withheld, and then the smallest others until the withheld ones
    // hold 5 or more together (so total minus the buckets cannot count a small one).
    const groupKey = (g: string | null) => JSON.stringify([g]);
    const counts = rows
      .map((r) => ({ grade: r.grade, n: Number(r.n) }))
      .sort(
        (a, b) =>
          a.n - b.n ||
          (groupKey(a.grade) < groupKey(b.grade) ? -1 : groupKey(a.grade) > groupKey(b.grade) ? 1 : 0),
      );
    const withheld = counts.filter((r) => r.n < 5);
    const published = counts.filter((r) => r.n >= 5);
    const sum = () => withheld.reduce((t, r) => t + r.n, 0);
    while (sum() > 0 && sum() < 5 && published.length > 0) withheld.push(published.shift()!);
    const expected = new Map(published.map((r) => [r.grade, r.n]));
    const got = new Map(res.body.data!.riskStatistics.buckets.map((b) => [b[key], b.count]));
    expect(got).toEqual(expected);
    expect(res.body.data!.riskStatistics.total).toBe(counts.reduce((t, r) => t + r.n, 0));
    expect(got.size).toBeGreaterThan(1);
  });

  it('filters, and rejects a malformed region prefix', async () => {
    const res = await hub.graphql<{ riskStatistics: Stats }>(STATS, {
      groupBy: ['INDUSTRY_SECTION'],
      filter: { regionPrefix: '35' },
    });
    const [row] = await hub.orm.em
      .fork()
      .execute<{ n: string }[]>("select count(*) as n from registry_enterprise where region_code like '35%'");
    expect(res.body.data!.riskStatistics.total).toBe(Number(row!.n));
    const bad = await hub.graphql(STATS, { groupBy: ['INDUSTRY_SECTION'], filter: { regionPrefix: '3' } });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.regionPrefix',
    });
  });
});

describe('risk filters on enterprise lists', () => {
  const LIST = `query ($filter: EnterpriseFilter, $orderBy: EnterpriseOrder, $after: String) {
    enterprises(filter: $filter, orderBy: $orderBy, first: 20, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { uscc riskProfile { score grade signals { code } } } } } }`;
  interface Page {
    enterprises: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: {
        node: { uscc: string; riskProfile: { score: number; grade: string; signals: { code: string }[] } };
      }[];
    };
  }

  it('lists the riskiest enterprises of a region first, in pages', async () => {
    const vars = { filter: { regionPrefix: '35' }, orderBy: { field: 'RISK_SCORE', direction: 'ASC' } };
    const first = await hub.graphql<Page>(LIST, vars);
    expect(first.body.errors).toBeUndefined();
    const second = await hub.graphql<Page>(LIST, {
      ...vars,
      after: first.body.data!.enterprises.pageInfo.endCursor,
    });
    const scores = [...first.body.data!.enterprises.edges, ...second.body.data!.enterprises.edges].map(
      (e) => e.node.riskProfile.score,
    );
    expect(scores.length).toBeGreaterThan(20);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const [min] = await hub.orm.em
      .fork()
      .execute<
        { m: number | string }[]
      >("select min(p.score) as m from risk_profile p join registry_enterprise e using (uscc) where e.region_code like '35%'");
    expect(scores[0]).toBeCloseTo(Number(min!.m), 5);
  });

  it('filters by grade and by an active signal, agreeing with SQL', async () => {
    const graded = await hub.graphql<Page>(LIST, { filter: { riskGrades: ['D', 'E'] } });
    const [n] = await hub.orm.em
      .fork()
      .execute<{ n: string }[]>("select count(*) as n from risk_profile where grade in ('D', 'E')");
    expect(graded.body.data!.enterprises.totalCount).toBe(Number(n!.n));
    expect(
      graded.body.data!.enterprises.edges.every((e) => ['D', 'E'].includes(e.node.riskProfile.grade)),
    ).toBe(true);
    const arrears = await hub.graphql<Page>(LIST, { filter: { hasSignal: 'TAX_ARREARS' } });
    expect(arrears.body.data!.enterprises.totalCount).toBeGreaterThan(0);
    expect(
      arrears.body.data!.enterprises.edges.every((e) =>
        e.node.riskProfile.signals.some((s) => s.code === 'TAX_ARREARS'),
      ),
    ).toBe(true);
    const bad = await hub.graphql(LIST, { filter: { hasSignal: 'tax arrears; drop table x' } });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.hasSignal',
    });
  });
});

describe('regression: concurrent recomputes in one request deadlocked on PostgreSQL', () => {
  it('refreshes the same dirty profiles from statistics and from a portfolio in one operation without error', async () => {
    for (let round = 0; round < 3; round++) {
      await hub.orm.em.fork().execute('update risk_profile set dirty = true');
      const res = await hub.graphql<{
        riskStatistics: { total: number };
        portfolioRisk: { status: string }[];
      }>(
        `query ($usccs: [String!]!) { riskStatistics(groupBy: [RISK_GRADE]) { total } portfolioRisk(usccs: $usccs) { status profile { grade } } }`,
        { usccs: usccs.slice(0, 500) },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.riskStatistics.total).toBe(1000);
      expect(res.body.data!.portfolioRisk.every((i) => i.status === 'OK')).toBe(true);
    }
  });
});
