import type { SqlEntityManager } from '@mikro-orm/sql';
import { BadInputError } from '../../common/errors.js';
import { andSql, joinSql, sql, type SqlFragment, sqlIdentifier, sqlList } from '../../db/index.js';
import type { IndustrySection } from '../../common/industry.js';
import type { RiskGrade } from './risk.enums.js';
import type { RiskDeclarations } from './risk.declarations.js';
import { recomputeAll } from './risk.service.js';
import type { RiskStatisticsBucketType, RiskStatisticsType } from './risk.type.js';

export interface StatisticsFilter {
  readonly regionPrefix?: string | null;
  readonly industrySection?: IndustrySection;
  readonly riskGrades?: RiskGrade[];
}

/**
 * Buckets with fewer enterprises than this are withheld: grouping finely enough
 * (a county × section × grade with one enterprise) would otherwise reveal one
 * enterprise's conditionally shared profile through an unconditional aggregate.
 */
export const MINIMUM_CELL_SIZE = 5;

interface GroupColumn {
  readonly sql: SqlFragment;
  /** Field of RiskStatisticsBucket, also the column alias the query groups and orders by. */
  readonly alias: string;
}

const CORE_GROUP_COLUMN: Readonly<Record<string, GroupColumn>> = {
  REGION_PROVINCE: { sql: sql`substr(p.region_code, 1, 2)`, alias: 'regionProvince' },
  REGION_CITY: { sql: sql`substr(p.region_code, 1, 4)`, alias: 'regionCity' },
  INDUSTRY_SECTION: { sql: sql`p.industry_section`, alias: 'industrySection' },
  RISK_GRADE: { sql: sql`p.grade`, alias: 'riskGrade' },
};

/** Every RiskGroupBy value: the risk module's own, then each declared facet (risk_profile.facets). */
export function groupColumns(declared: Pick<RiskDeclarations, 'facets'>): ReadonlyMap<string, GroupColumn> {
  return new Map([
    ...Object.entries(CORE_GROUP_COLUMN),
    ...declared.facets.map((f): [string, GroupColumn] => [
      f.groupBy,
      { sql: sql`p.facets ->> (${f.key}::text)`, alias: f.key },
    ]),
  ]);
}

interface Row {
  readonly key: string;
  readonly n: number;
  readonly values: Record<string, unknown>;
}

function whereOf(filter: StatisticsFilter): SqlFragment {
  const conditions: SqlFragment[] = [];
  if (filter.regionPrefix !== undefined && filter.regionPrefix !== null)
    conditions.push(sql`p.region_code like ${`${filter.regionPrefix}%`}`);
  if (filter.industrySection) conditions.push(sql`p.industry_section = ${filter.industrySection}`);
  if (filter.riskGrades?.length) conditions.push(sql`p.grade in (${sqlList(filter.riskGrades)})`);
  const all = andSql(conditions);
  return all ? sql`where ${all}` : sql``;
}

async function groupedRows(
  em: SqlEntityManager,
  groups: readonly GroupColumn[],
  filter: StatisticsFilter,
): Promise<Row[]> {
  const select = joinSql(
    groups.map((g) => sql`${g.sql} as ${sqlIdentifier(g.alias)}`),
    ', ',
  );
  // Grouped and ordered by the select list's output names (none is a column of
  // risk_profile): a facet's expression carries its key as a bound value, and two
  // copies of it would be two parameters PostgreSQL cannot match to each other.
  const grouping = joinSql(
    groups.map((g) => sqlIdentifier(g.alias)),
    ', ',
  );
  const statement = sql`select ${select}, count(*) as n, avg(p.score) as average, sum(p.judicial_count) as judicial,
            sum(p.operating_count) as operating, sum(p.sector_compliance_count) as sector, sum(p.positive_count) as positive
       from risk_profile p
      ${whereOf(filter)}
      group by ${grouping}
      order by ${grouping}`;
  const rows = await em.execute<Record<string, unknown>[]>(statement.sql, [...statement.params]);
  return rows.map((values) => ({
    key: JSON.stringify(groups.map((g) => values[g.alias] ?? null)),
    n: Number(values.n),
    values,
  }));
}

/**
 * The filters one argument away from `filter`: that argument removed, the region
 * prefix shortened to each coarser level, one grade dropped from the list. Two
 * answers whose filters are neighbours must not differ by fewer than the minimum
 * cell size, or their difference would count a handful of enterprises.
 */
export function neighbours(filter: StatisticsFilter): { argument: string; filter: StatisticsFilter }[] {
  const out: { argument: string; filter: StatisticsFilter }[] = [];
  const { regionPrefix, industrySection, riskGrades } = filter;
  if (regionPrefix) {
    out.push({ argument: 'filter.regionPrefix', filter: { ...filter, regionPrefix: undefined } });
    for (let len = 2; len < regionPrefix.length; len += 2)
      out.push({
        argument: 'filter.regionPrefix',
        filter: { ...filter, regionPrefix: regionPrefix.slice(0, len) },
      });
  }
  if (industrySection)
    out.push({ argument: 'filter.industrySection', filter: { ...filter, industrySection: undefined } });
  if (riskGrades?.length) {
    const grades = [...new Set(riskGrades)];
    out.push({ argument: 'filter.riskGrades', filter: { ...filter, riskGrades: undefined } });
    if (grades.length > 1)
      for (const g of grades)
        out.push({
          argument: 'filter.riskGrades',
          filter: { ...filter, riskGrades: grades.filter((x) => x !== g) },
        });
  }
  return out;
}

/** Fewer than the minimum but not none: a difference that counts a handful of enterprises. */
const small = (difference: number) => difference !== 0 && Math.abs(difference) < MINIMUM_CELL_SIZE;

/**
 * GROUP BY over the stored profiles (one table); nothing is aggregated in
 * JavaScript. Every number returned covers at least MINIMUM_CELL_SIZE
 * enterprises: buckets below it are withheld (and more, if the withheld ones
 * together would be fewer, so total minus the buckets cannot count them); a
 * filtered population below it suppresses the whole answer; and an answer, or a
 * bucket, that differs from a neighbouring filter's by fewer is suppressed too.
 */
export async function riskStatistics(
  em: SqlEntityManager,
  declared: RiskDeclarations,
  groupBy: readonly string[],
  filter: StatisticsFilter,
): Promise<RiskStatisticsType> {
  const columns = groupColumns(declared);
  const groups = [...new Set(groupBy)].map((g) => {
    const column = columns.get(g);
    // The GraphQL enum is built from the same declarations, so this is not reachable through the API.
    if (!column) throw new BadInputError(`groupBy ${g} is not a grouping`, { argument: 'groupBy' });
    return column;
  });
  if (groups.length === 0)
    throw new BadInputError('groupBy must name at least one dimension', { argument: 'groupBy' });
  if (filter.regionPrefix !== undefined && filter.regionPrefix !== null) {
    if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(filter.regionPrefix)) {
      throw new BadInputError(`filter.regionPrefix must be 2, 4 or 6 digits, got "${filter.regionPrefix}"`, {
        argument: 'filter.regionPrefix',
      });
    }
  }
  // Profiles whose sources changed since they were stored are brought up to date first.
  await recomputeAll(em, declared, { onlyNeeded: true });
  const rows = await groupedRows(em, groups, filter);
  const population = rows.reduce((sum, r) => sum + r.n, 0);
  const suppressedAll = (reason: string): RiskStatisticsType => ({
    buckets: [],
    total: null,
    suppressedBuckets: rows.length,
    minimumCellSize: MINIMUM_CELL_SIZE,
    suppressed: true,
    suppressionReason: reason,
  });
  if (population < MINIMUM_CELL_SIZE) {
    return suppressedAll(
      `the filter matches fewer than ${MINIMUM_CELL_SIZE} enterprises (or none), so nothing about them is returned`,
    );
  }
  const withheld = new Set(rows.filter((r) => r.n < MINIMUM_CELL_SIZE).map((r) => r.key));
  for (const { argument, filter: near } of neighbours(filter)) {
    const nearRows = await groupedRows(em, groups, near);
    const nearPopulation = nearRows.reduce((sum, r) => sum + r.n, 0);
    if (small(nearPopulation - population)) {
      return suppressedAll(
        `without or with a coarser ${argument} the population differs by fewer than ${MINIMUM_CELL_SIZE} enterprises, ` +
          'so the two answers together would count them',
      );
    }
    const nearCount = new Map(nearRows.map((r) => [r.key, r.n]));
    for (const r of rows) if (small((nearCount.get(r.key) ?? 0) - r.n)) withheld.add(r.key);
  }
  // Secondary suppression: the withheld buckets together hold none or at least the minimum.
  const withheldSum = () => rows.filter((r) => withheld.has(r.key)).reduce((sum, r) => sum + r.n, 0);
  // Smallest first, ties by group key, so the same data always withholds the same buckets.
  const published = rows
    .filter((r) => !withheld.has(r.key))
    .sort((a, b) => a.n - b.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  while (small(withheldSum()) && published.length > 0) withheld.add(published.shift()!.key);
  const buckets: RiskStatisticsBucketType[] = [];
  for (const { key, n: count, values: row } of rows) {
    if (withheld.has(key)) continue;
    const bucket: Record<string, unknown> = {
      ...Object.fromEntries([...columns.values()].map((c) => [c.alias, null])),
      count,
      averageScore: Math.round(Number(row.average) * 10) / 10,
      judicialSignals: Number(row.judicial),
      operatingSignals: Number(row.operating),
      sectorComplianceSignals: Number(row.sector),
      positiveSignals: Number(row.positive),
    };
    for (const g of groups) bucket[g.alias] = row[g.alias] ?? null;
    buckets.push(bucket as unknown as RiskStatisticsBucketType);
  }
  return {
    buckets,
    total: population,
    suppressedBuckets: withheld.size,
    minimumCellSize: MINIMUM_CELL_SIZE,
    suppressed: false,
    suppressionReason: null,
  };
}
