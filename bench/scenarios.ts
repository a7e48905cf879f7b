import { readFileSync } from 'node:fs';

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** The request body for the i-th request. */
  body(i: number): { query: string; variables: Record<string, unknown> };
  /**
   * A hand-written SQL query returning the same data as JSON, timed directly
   * against the database for comparison (hub time / raw time).
   */
  readonly raw?: (i: number) => { sql: string; params: unknown[] };
}

const query = (file: string) => readFileSync(`queries/${file}`, 'utf8');

/** Scenarios over a sample of the seeded enterprises. */
export function scenarios(sample: readonly string[]): Scenario[] {
  const portfolio = sample.slice(0, 1000);
  const profileQuery = query('risk-profile.graphql');
  return [
    {
      name: 'page-of-200-all-domains',
      description: 'queries/enterprise-page.graphql with first: 200 (17 department lists per enterprise)',
      body: () => ({ query: query('enterprise-page.graphql'), variables: { first: 200 } }),
    },
    {
      name: 'single-enterprise-profile',
      description: 'queries/enterprise-profile.graphql for sampled enterprises in turn',
      body: (i) => ({
        query: query('enterprise-profile.graphql'),
        variables: { uscc: sample[i % sample.length] },
      }),
    },
    {
      name: 'region-filter-page',
      description: 'queries/enterprises-in-region.graphql for Fujian, 20 per page',
      body: () => ({ query: query('enterprises-in-region.graphql'), variables: { region: '35' } }),
    },
    {
      name: 'risk-profile-single',
      description: 'queries/risk-profile.graphql for sampled enterprises in turn',
      body: (i) => ({ query: profileQuery, variables: { uscc: sample[i % sample.length] } }),
    },
    {
      name: 'portfolio-1000',
      description: `queries/portfolio-risk.graphql for ${portfolio.length} enterprises`,
      body: () => ({ query: query('portfolio-risk.graphql'), variables: { usccs: portfolio } }),
      raw: () => ({
        sql: `select json_agg(json_build_object('uscc', p.uscc, 'score', p.score, 'grade', p.grade,
                 'dimensions', p.dimensions, 'signals', p.signals, 'sources', p.sources) order by p.uscc) as result
                from risk_profile p where p.uscc in (${portfolio.map(() => '?').join(', ')})`,
        params: [...portfolio],
      }),
    },
    {
      name: 'statistics-city-x-grade',
      description: 'queries/risk-statistics.graphql grouped by REGION_CITY and RISK_GRADE',
      body: () => ({
        query: query('risk-statistics.graphql'),
        variables: { groupBy: ['REGION_CITY', 'RISK_GRADE'] },
      }),
    },
  ];
}
