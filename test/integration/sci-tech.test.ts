import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  patentCountsLoader,
  rdSpendingLoader,
  techCertificationsLoader,
} from '../../src/modules/sci-tech/index.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const TECH = '91310230MA1K314J7C';
const MANUFACTURER = '91350100M000100Y43';

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}

interface Certification {
  id: string;
  certificationType: string;
  certificateNumber: string;
  issuingAuthority: string;
  validFrom: string;
  validTo: string;
  status: string;
  provenance: { department: string; sourceRecordId: string };
  enterprise: { uscc: string; name: string } | null;
}

const CERTIFICATIONS = `
  query Certs($uscc: USCC!, $type: TechCertificationType, $validOnly: Boolean, $validOn: LocalDate, $first: Int, $after: String) {
    enterprise(uscc: $uscc) {
      techCertifications(type: $type, validOnly: $validOnly, validOn: $validOn, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        edges {
          cursor
          node {
            id certificationType certificateNumber issuingAuthority validFrom validTo status
            provenance { department sourceRecordId }
            enterprise { uscc name }
          }
        }
      }
    }
  }`;

const RD_SPENDING = `
  query Rd($uscc: USCC!, $sinceYear: Int, $first: Int, $after: String) {
    enterprise(uscc: $uscc) {
      rdSpending(sinceYear: $sinceYear, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        edges {
          cursor
          node {
            id year rdExpenditure operatingRevenue rdIntensity rdStaffCount
            provenance { department sourceRecordId }
            enterprise { uscc }
          }
        }
      }
    }
  }`;

const PATENTS = `
  query Patents($uscc: USCC!, $sinceYear: Int, $first: Int, $after: String) {
    enterprise(uscc: $uscc) {
      patentCounts(sinceYear: $sinceYear, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        edges {
          cursor
          node {
            id year inventionPatentsGranted utilityModels designs inventionApplicationsPending
            provenance { department sourceRecordId }
            enterprise { uscc }
          }
        }
      }
    }
  }`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 30 });
});
afterAll(async () => {
  await hub?.close();
});

async function list<T>(query: string, field: string, variables: Record<string, unknown>): Promise<Page<T>> {
  const res = await hub.graphql<{ enterprise: Record<string, Page<T>> }>(query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.enterprise[field]!;
}

const certs = (variables: Record<string, unknown>) =>
  list<Certification>(CERTIFICATIONS, 'techCertifications', { uscc: TECH, ...variables });

describe('sci-tech: certifications', () => {
  it('lists the demo technology enterprise’s certifications newest first, with provenance and the enterprise', async () => {
    const page = await certs({});
    expect(page.totalCount).toBe(5);
    expect(page.edges.map((e) => e.node.certificateNumber)).toEqual([
      '202631023002000418',
      '202531023002000377',
      'GR202431001234',
      '202431023002000291',
      'GR202131000456',
    ]);
    const highTech = page.edges[2]!.node;
    expect(highTech).toMatchObject({
      certificationType: 'HIGH_TECH_ENTERPRISE',
      validFrom: '2024-12-04',
      validTo: '2027-12-03',
      status: 'VALID',
      issuingAuthority: expect.stringContaining('上海市科学技术局'),
      provenance: { department: 'SCIENCE_TECHNOLOGY', sourceRecordId: 'ST-CERT-1-2' },
      enterprise: { uscc: TECH },
    });
    expect(highTech.enterprise?.name).toEqual(expect.any(String));
    expect(page.edges.every((e) => e.node.provenance.department === 'SCIENCE_TECHNOLOGY')).toBe(true);
  });

  it('filters by type', async () => {
    const page = await certs({ type: 'HIGH_TECH_ENTERPRISE' });
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((e) => e.node.certificateNumber)).toEqual(['GR202431001234', 'GR202131000456']);
  });

  it('keeps only certificates with status VALID whose period contains validOn', async () => {
    const onDemoDay = await certs({ validOnly: true, validOn: '2026-11-01' });
    expect(onDemoDay.edges.map((e) => e.node.certificateNumber)).toEqual([
      '202631023002000418',
      'GR202431001234',
    ]);
    expect(onDemoDay.totalCount).toBe(2);

    // The 2024 SME certificate covers 2025-01-10 but its issuer reports it EXPIRED now: status counts too.
    const earlier = await certs({ validOnly: true, validOn: '2025-01-10' });
    expect(earlier.edges.map((e) => e.node.certificateNumber)).toEqual(['GR202431001234']);

    const later = await certs({ validOnly: true, validOn: '2028-01-01' });
    expect(later.totalCount).toBe(0);
    expect(later.edges).toEqual([]);

    const highTechNow = await certs({ type: 'HIGH_TECH_ENTERPRISE', validOnly: true, validOn: '2027-12-03' });
    expect(highTechNow.edges.map((e) => e.node.certificateNumber)).toEqual(['GR202431001234']);
  });

  it('judges validOnly against today when validOn is not given', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const expected = (await certs({})).edges
      .map((e) => e.node)
      .filter((c) => c.status === 'VALID' && c.validFrom <= today && c.validTo >= today)
      .map((c) => c.certificateNumber);
    const page = await certs({ validOnly: true });
    expect(page.edges.map((e) => e.node.certificateNumber)).toEqual(expected);
  });

  it('pages with after and keeps totalCount', async () => {
    const first = await certs({ first: 2 });
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.edges.map((e) => e.node.certificateNumber)).toEqual([
      '202631023002000418',
      '202531023002000377',
    ]);

    const second = await certs({ first: 2, after: first.pageInfo.endCursor });
    expect(second.totalCount).toBe(5);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(second.edges.map((e) => e.node.certificateNumber)).toEqual([
      'GR202431001234',
      '202431023002000291',
    ]);

    const last = await certs({ first: 2, after: second.pageInfo.endCursor });
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.edges.map((e) => e.node.certificateNumber)).toEqual(['GR202131000456']);
  });

  it('gives the demo manufacturer no high-tech certificate', async () => {
    const page = await list<Certification>(CERTIFICATIONS, 'techCertifications', {
      uscc: MANUFACTURER,
      type: 'HIGH_TECH_ENTERPRISE',
    });
    expect(page.totalCount).toBe(0);
  });
});

interface Spending {
  year: number;
  rdExpenditure: number;
  operatingRevenue: number;
  rdIntensity: number | null;
  rdStaffCount: number;
  provenance: { department: string; sourceRecordId: string };
  enterprise: { uscc: string } | null;
}

describe('sci-tech: R&D spending', () => {
  it('lists three growing years with the intensity computed from expenditure and revenue', async () => {
    const page = await list<Spending>(RD_SPENDING, 'rdSpending', { uscc: TECH });
    expect(page.totalCount).toBe(3);
    const rows = page.edges.map((e) => e.node);
    expect(rows.map((r) => r.year)).toEqual([2025, 2024, 2023]);
    expect(rows[0]).toMatchObject({
      rdExpenditure: 1_920_000,
      operatingRevenue: 29_800_000,
      rdStaffCount: 27,
      provenance: { department: 'SCIENCE_TECHNOLOGY', sourceRecordId: 'ST-RD-1-2025' },
      enterprise: { uscc: TECH },
    });
    expect(rows[0]!.rdIntensity).toBeCloseTo(1_920_000 / 29_800_000, 10);
    for (const r of rows) {
      expect(r.rdIntensity).toBeCloseTo(r.rdExpenditure / r.operatingRevenue, 10);
      expect(r.rdIntensity).toBeGreaterThanOrEqual(0.05);
    }
    expect(rows[0]!.rdExpenditure).toBeGreaterThan(rows[1]!.rdExpenditure);
    expect(rows[1]!.rdExpenditure).toBeGreaterThan(rows[2]!.rdExpenditure);
  });

  it('filters by sinceYear and pages', async () => {
    const since = await list<Spending>(RD_SPENDING, 'rdSpending', { uscc: TECH, sinceYear: 2024 });
    expect(since.totalCount).toBe(2);
    expect(since.edges.map((e) => e.node.year)).toEqual([2025, 2024]);

    const first = await list<Spending>(RD_SPENDING, 'rdSpending', { uscc: TECH, first: 1 });
    const next = await list<Spending>(RD_SPENDING, 'rdSpending', {
      uscc: TECH,
      first: 1,
      after: first.pageInfo.endCursor,
    });
    expect(first.edges.map((e) => e.node.year)).toEqual([2025]);
    expect(next.edges.map((e) => e.node.year)).toEqual([2024]);
    expect(next.totalCount).toBe(3);
    expect(next.pageInfo.hasNextPage).toBe(true);
  });
});

interface Patents {
  year: number;
  inventionPatentsGranted: number;
  utilityModels: number;
  designs: number;
  inventionApplicationsPending: number;
  provenance: { department: string };
  enterprise: { uscc: string } | null;
}

describe('sci-tech: patent counts', () => {
  it('lists year-end patent counts of the demo technology enterprise', async () => {
    const page = await list<Patents>(PATENTS, 'patentCounts', { uscc: TECH });
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        year: 2025,
        inventionPatentsGranted: 11,
        utilityModels: 19,
        designs: 3,
        inventionApplicationsPending: 8,
        provenance: expect.objectContaining({ department: 'SCIENCE_TECHNOLOGY' }),
        enterprise: { uscc: TECH },
      }),
      expect.objectContaining({ year: 2024, inventionPatentsGranted: 7 }),
      expect.objectContaining({ year: 2023, inventionPatentsGranted: 4 }),
    ]);
  });

  it('filters by sinceYear and pages', async () => {
    const since = await list<Patents>(PATENTS, 'patentCounts', { uscc: TECH, sinceYear: 2025 });
    expect(since.totalCount).toBe(1);
    expect(since.edges.map((e) => e.node.year)).toEqual([2025]);

    const first = await list<Patents>(PATENTS, 'patentCounts', { uscc: TECH, first: 2 });
    const rest = await list<Patents>(PATENTS, 'patentCounts', {
      uscc: TECH,
      first: 2,
      after: first.pageInfo.endCursor,
    });
    expect(rest.edges.map((e) => e.node.year)).toEqual([2023]);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('gives the demo manufacturer patents', async () => {
    const page = await list<Patents>(PATENTS, 'patentCounts', { uscc: MANUFACTURER });
    expect(page.totalCount).toBe(3);
    expect(page.edges.every((e) => e.node.enterprise?.uscc === MANUFACTURER)).toBe(true);
  });
});

describe('sci-tech: bad arguments', () => {
  it.each([
    {
      rule: 'rdSpending sinceYear before 1980',
      query: RD_SPENDING,
      variables: { sinceYear: 1979 },
      argument: 'sinceYear',
    },
    {
      rule: 'patentCounts sinceYear after 2100',
      query: PATENTS,
      variables: { sinceYear: 2101 },
      argument: 'sinceYear',
    },
    {
      rule: 'validOn without validOnly',
      query: CERTIFICATIONS,
      variables: { validOn: '2026-01-01' },
      argument: 'validOn',
    },
    {
      rule: 'validOn before 1980',
      query: CERTIFICATIONS,
      variables: { validOnly: true, validOn: '1900-01-01' },
      argument: 'validOn',
    },
  ])('rejects $rule with BAD_USER_INPUT naming the argument', async ({ query, variables, argument }) => {
    const res = await hub.graphql(query, { uscc: TECH, ...variables });
    expect(res.body.errors).toHaveLength(1);
    const error = res.body.errors![0]!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.argument).toBe(argument);
    expect(error.message).toContain(argument);
  });
});

describe('sci-tech: loaders', () => {
  it.each([
    ['techCertificationsLoader', techCertificationsLoader],
    ['rdSpendingLoader', rdSpendingLoader],
    ['patentCountsLoader', patentCountsLoader],
  ] as const)('%s answers N loads in one tick with one SQL statement', async (_name, factory) => {
    const res = await hub.graphql<{ enterprises: { edges: { node: { uscc: string } }[] } }>(
      `{ enterprises(first: 30) { edges { node { uscc } } } }`,
    );
    const usccs = res.body.data!.enterprises.edges.map((e) => e.node.uscc);
    expect(usccs.length).toBe(30);
    const loader = factory(hub.orm.em.fork());
    hub.counter.reset();
    const pages = await Promise.all(usccs.map((uscc) => loader.load({ uscc, first: 10, offset: 0 })));
    expect(hub.counter.count).toBe(1);
    expect(pages).toHaveLength(30);
    expect(pages[usccs.indexOf(TECH)]!.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('selects the sci-tech lists of 1 and of 30 enterprises with the same number of statements', async () => {
    const query = `query Tech($first: Int!) {
      enterprises(first: $first) { edges { node { uscc
        techCertifications(first: 3, validOnly: true, validOn: "2026-11-01") { totalCount edges { node { certificateNumber enterprise { uscc } } } }
        rdSpending(first: 3, sinceYear: 2023) { totalCount edges { node { year rdIntensity enterprise { uscc } } } }
        patentCounts(first: 3) { totalCount edges { node { year inventionPatentsGranted enterprise { uscc } } } }
      } } } }`;
    const statements = async (first: number): Promise<number> => {
      hub.counter.reset();
      const res = await hub.graphql<{ enterprises: { edges: unknown[] } }>(query, { first });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.enterprises.edges).toHaveLength(first);
      return hub.counter.count;
    };
    const one = await statements(1);
    const thirty = await statements(30);
    expect(thirty).toBe(one);
  });
});
