import { readFileSync } from 'node:fs';
import { pageSql, portfolioSql, profileSql, type BaselineQuery } from './baseline-sql.js';

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** The request body for the i-th request. */
  body(i: number): { query: string; variables: Record<string, unknown> };
  /**
   * One hand-written SQL statement returning, as JSON text, the same `data` as
   * the hub for the i-th request (checked before timing; bench/baseline-sql.ts).
   */
  readonly baseline?: (i: number) => BaselineQuery;
}

const query = (file: string) => readFileSync(`queries/${file}`, 'utf8');

/**
 * queries/enterprise-profile.graphql with the legal representative's ID number
 * added, so the profile also exercises masking of personal data.
 */
export const profileQuery = (): string =>
  query('enterprise-profile.graphql').replace(
    /legalRepresentative \{\s*name\s*\}/,
    'legalRepresentative {\n      name\n      idNumber\n    }',
  );

/** Scenarios over a sample of the seeded enterprises. */
export function scenarios(sample: readonly string[]): Scenario[] {
  const portfolio = sample.slice(0, 1000);
  const riskProfileQuery = query('risk-profile.graphql');
  const profile = profileQuery();
  return [
    {
      name: 'page-of-200-all-domains',
      description: 'queries/enterprise-page.graphql with first: 200 (17 department lists per enterprise)',
      body: () => ({ query: query('enterprise-page.graphql'), variables: { first: 200 } }),
      baseline: () => pageSql(200),
    },
    {
      name: 'single-enterprise-profile',
      description:
        'queries/enterprise-profile.graphql (plus legalRepresentative.idNumber) for sampled enterprises in turn',
      body: (i) => ({ query: profile, variables: { uscc: sample[i % sample.length] } }),
      baseline: (i) => profileSql(sample[i % sample.length]!),
    },
    {
      name: 'region-filter-page',
      description: 'queries/enterprises-in-region.graphql for Fujian, 20 per page',
      body: () => ({ query: query('enterprises-in-region.graphql'), variables: { region: '35' } }),
    },
    {
      name: 'risk-profile-single',
      description: 'queries/risk-profile.graphql for sampled enterprises in turn',
      body: (i) => ({ query: riskProfileQuery, variables: { uscc: sample[i % sample.length] } }),
    },
    {
      name: 'portfolio-1000',
      description: `queries/portfolio-risk.graphql for ${portfolio.length} enterprises`,
      body: () => ({ query: query('portfolio-risk.graphql'), variables: { usccs: portfolio } }),
      baseline: () => portfolioSql(portfolio),
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
