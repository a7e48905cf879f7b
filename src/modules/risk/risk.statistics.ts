import type { SqlEntityManager } from '@mikro-orm/sql';
import { BadInputError } from '../../common/errors.js';
import type { IndustrySection } from '../../common/industry.js';
import { RiskGroupBy, type RiskGrade } from './risk.enums.js';
import { recomputeAll } from './risk.service.js';
import type { RiskStatisticsBucketType, RiskStatisticsType } from './risk.type.js';

export interface StatisticsFilter {
  readonly regionPrefix?: string;
  readonly industrySection?: IndustrySection;
  readonly riskGrades?: RiskGrade[];
}

/**
 * Buckets with fewer enterprises than this are withheld: grouping finely enough
 * (a county × section × grade with one enterprise) would otherwise reveal one
 * enterprise's conditionally shared profile through an unconditional aggregate.
 */
export const MINIMUM_CELL_SIZE = 5;

const GROUP_COLUMN: Record<RiskGroupBy, { sql: string; alias: keyof RiskStatisticsBucketType }> = {
  REGION_PROVINCE: { sql: 'substr(p.region_code, 1, 2)', alias: 'regionProvince' },
  REGION_CITY: { sql: 'substr(p.region_code, 1, 4)', alias: 'regionCity' },
  INDUSTRY_SECTION: { sql: 'p.industry_section', alias: 'industrySection' },
  RISK_GRADE: { sql: 'p.grade', alias: 'riskGrade' },
  TAX_GRADE: { sql: 'p.tax_grade', alias: 'taxGrade' },
  TRANSPORT_GRADE: { sql: 'p.transport_grade', alias: 'transportGrade' },
};

/** GROUP BY over the stored profiles (one table); nothing is aggregated in JavaScript. */
export async function riskStatistics(
  em: SqlEntityManager,
  groupBy: readonly RiskGroupBy[],
  filter: StatisticsFilter,
): Promise<RiskStatisticsType> {
  const groups = [...new Set(groupBy)];
  if (groups.length === 0)
    throw new BadInputError('groupBy must name at least one dimension', { argument: 'groupBy' });
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.regionPrefix !== undefined && filter.regionPrefix !== null) {
    if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(filter.regionPrefix)) {
      throw new BadInputError(`filter.regionPrefix must be 2, 4 or 6 digits, got "${filter.regionPrefix}"`, {
        argument: 'filter.regionPrefix',
      });
    }
    where.push('p.region_code like ?');
    params.push(`${filter.regionPrefix}%`);
  }
  if (filter.industrySection) {
    where.push('p.industry_section = ?');
    params.push(filter.industrySection);
  }
  if (filter.riskGrades?.length) {
    where.push(`p.grade in (${filter.riskGrades.map(() => '?').join(', ')})`);
    params.push(...filter.riskGrades);
  }
  // Profiles whose sources changed since they were stored are brought up to date first.
  await recomputeAll(em, { onlyNeeded: true });
  const select = groups.map((g) => `${GROUP_COLUMN[g].sql} as "${GROUP_COLUMN[g].alias}"`).join(', ');
  const rows = await em.execute<Record<string, unknown>[]>(
    `select ${select}, count(*) as n, avg(p.score) as average, sum(p.judicial_count) as judicial,
            sum(p.operating_count) as operating, sum(p.sector_compliance_count) as sector, sum(p.positive_count) as positive
       from risk_profile p
      ${where.length ? `where ${where.join(' and ')}` : ''}
      group by ${groups.map((g) => GROUP_COLUMN[g].sql).join(', ')}
      order by ${groups.map((_, i) => `${i + 1}`).join(', ')}`,
    params,
  );
  let total = 0;
  let suppressed = 0;
  const buckets: RiskStatisticsBucketType[] = [];
  for (const row of rows) {
    const count = Number(row.n);
    total += count;
    if (count < MINIMUM_CELL_SIZE) {
      suppressed++;
      continue;
    }
    const bucket: Record<string, unknown> = {
      regionProvince: null,
      regionCity: null,
      industrySection: null,
      riskGrade: null,
      taxGrade: null,
      transportGrade: null,
      count,
      averageScore: Math.round(Number(row.average) * 10) / 10,
      judicialSignals: Number(row.judicial),
      operatingSignals: Number(row.operating),
      sectorComplianceSignals: Number(row.sector),
      positiveSignals: Number(row.positive),
    };
    for (const g of groups) bucket[GROUP_COLUMN[g].alias] = row[GROUP_COLUMN[g].alias] ?? null;
    buckets.push(bucket as unknown as RiskStatisticsBucketType);
  }
  return { buckets, total, suppressedBuckets: suppressed, minimumCellSize: MINIMUM_CELL_SIZE };
}
