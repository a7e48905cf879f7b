import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

interface Page {
  enterprises: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: {
        uscc: string;
        regionCode: string;
        registeredCapital: number;
        name: string;
        status: string;
        establishedDate: string;
        industrySection: string;
      };
    }[];
  };
}

const LIST = `
  query List($filter: EnterpriseFilter, $first: Int, $after: String, $orderBy: EnterpriseOrder) {
    enterprises(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { uscc regionCode registeredCapital name status establishedDate industrySection } }
    }
  }`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 120 });
});
afterAll(async () => {
  await hub?.close();
});

async function list(variables: Record<string, unknown>): Promise<Page['enterprises']> {
  const res = await hub.graphql<Page>(LIST, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.enterprises;
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return hub.orm.em.fork().execute<T[]>(query, params);
}

describe('enterprises', () => {
  it('defaults to 50 per page and counts all', async () => {
    const page = await list({});
    expect(page.edges).toHaveLength(50);
    expect(page.totalCount).toBe(120);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('walks every page with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Page['enterprises'] = await list({ first: 35, after });
      seen.push(...page.edges.map((e) => e.node.uscc));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect([...seen].sort()).toEqual(seen);
  });

  it('pages in registered-capital order, descending, with the USCC as tie-breaker', async () => {
    const first = await list({ first: 30, orderBy: { field: 'REGISTERED_CAPITAL', direction: 'DESC' } });
    const second = await list({
      first: 30,
      after: first.pageInfo.endCursor,
      orderBy: { field: 'REGISTERED_CAPITAL', direction: 'DESC' },
    });
    const capitals = [...first.edges, ...second.edges].map((e) => e.node.registeredCapital);
    expect(capitals).toEqual([...capitals].sort((a, b) => b - a));
    const [top] = await sql<{ m: string }>('select max(registered_capital) as m from registry_enterprise');
    expect(capitals[0]).toBe(Number(top!.m));
  });

  it('filters by region prefix as a prefix ("35" is all of Fujian)', async () => {
    const page = await list({ filter: { regionPrefix: '35' }, first: 1000 });
    const [row] = await sql<{ n: string }>(
      "select count(*) as n from registry_enterprise where region_code like '35%'",
    );
    expect(page.totalCount).toBe(Number(row!.n));
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.edges.every((e) => e.node.regionCode.startsWith('35'))).toBe(true);
  });

  it('combines section, status, name and establishment filters', async () => {
    const page = await list({
      filter: {
        industrySection: 'C',
        status: ['OPERATING'],
        establishedFrom: '2000-01-01',
        establishedTo: '2025-12-31',
      },
      first: 1000,
    });
    const [row] = await sql<{ n: string }>(
      "select count(*) as n from registry_enterprise where industry_section = 'C' and status = 'OPERATING' and established_date between '2000-01-01' and '2025-12-31'",
    );
    expect(page.totalCount).toBe(Number(row!.n));
    for (const { node } of page.edges) {
      expect(node.industrySection).toBe('C');
      expect(node.status).toBe('OPERATING');
      expect(node.establishedDate >= '2000-01-01' && node.establishedDate <= '2025-12-31').toBe(true);
    }
    const named = await list({ filter: { nameContains: '有限公司1' }, first: 1000 });
    expect(named.totalCount).toBeGreaterThan(0);
    expect(named.edges.every((e) => e.node.name.includes('有限公司1'))).toBe(true);
  });

  it('treats LIKE wildcards in nameContains literally', async () => {
    const page = await list({ filter: { nameContains: '%' } });
    expect(page.totalCount).toBe(0);
  });

  it('rejects an inverted establishment range', async () => {
    const res = await hub.graphql(LIST, {
      filter: { establishedFrom: '2020-01-01', establishedTo: '2010-01-01' },
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toContain(
      'filter.establishedFrom must not be after filter.establishedTo',
    );
  });
});
