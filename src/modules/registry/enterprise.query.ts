import {
  Cursor,
  type EntityKey,
  type FilterQuery,
  type ObjectQuery,
  type QueryOrderMap,
} from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { leanDataMapper, leanProperties } from '../../db/index.js';
import { BadInputError } from '../../common/errors.js';
import { EnterpriseEntity } from './enterprise.entity.js';
import type { EnterpriseFilter, EnterpriseOrder } from './enterprise.inputs.js';
import { EnterpriseOrderField, SortDirection } from './enterprise.enums.js';

const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A digit prefix as a half-open range, so a plain btree index serves it whatever
 * the database collation ("37" is ["37", "38")).
 */
function digitPrefixRange(prefix: string): { $gte: string; $lt?: string } {
  const next = (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
  return next.length > prefix.length ? { $gte: prefix } : { $gte: prefix, $lt: next };
}

/** Turns a validated filter into a MikroORM condition; each rule violation names its field. */
export function enterpriseWhere(filter: EnterpriseFilter | undefined): ObjectQuery<EnterpriseEntity> {
  const and: FilterQuery<EnterpriseEntity>[] = [];
  if (!filter) return {};
  if (filter.regionPrefix !== undefined && filter.regionPrefix !== null) {
    if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(filter.regionPrefix)) {
      throw new BadInputError(
        `filter.regionPrefix must be 2, 4 or 6 digits of a GB/T 2260 code (e.g. "11", "3715", "110108"), got "${filter.regionPrefix}"`,
        { argument: 'filter.regionPrefix' },
      );
    }
    and.push({ regionCode: digitPrefixRange(filter.regionPrefix) });
  }
  if (filter.industrySection) and.push({ industrySection: filter.industrySection });
  if (filter.industryCodePrefix !== undefined && filter.industryCodePrefix !== null) {
    if (!/^\d{2,4}$/.test(filter.industryCodePrefix)) {
      throw new BadInputError(
        `filter.industryCodePrefix must be 2 to 4 digits of a GB/T 4754 class, got "${filter.industryCodePrefix}"`,
        { argument: 'filter.industryCodePrefix' },
      );
    }
    and.push({ industryCode: digitPrefixRange(filter.industryCodePrefix) });
  }
  if (filter.status && filter.status.length > 0) and.push({ status: { $in: filter.status } });
  if (filter.nameContains !== undefined && filter.nameContains !== null) {
    const text = filter.nameContains.trim();
    if (text.length < 1 || text.length > 100) {
      throw new BadInputError('filter.nameContains must be 1 to 100 characters', {
        argument: 'filter.nameContains',
      });
    }
    and.push({ name: { $ilike: `%${likeEscape(text)}%` } });
  }
  if (filter.establishedFrom && filter.establishedTo && filter.establishedFrom > filter.establishedTo) {
    throw new BadInputError('filter.establishedFrom must not be after filter.establishedTo', {
      argument: 'filter.establishedFrom',
    });
  }
  if (filter.riskGrades?.length) and.push({ riskGrade: { $in: filter.riskGrades } });
  if (filter.hasSignal !== undefined && filter.hasSignal !== null) {
    if (!/^[A-Z][A-Z0-9_]{1,63}$/.test(filter.hasSignal)) {
      throw new BadInputError(
        `filter.hasSignal must be a signal code such as TAX_ARREARS, got "${filter.hasSignal}"`,
        {
          argument: 'filter.hasSignal',
        },
      );
    }
    and.push({ riskSignalCodes: { $contains: [filter.hasSignal] } });
  }
  if (filter.maxRiskScore !== undefined && filter.maxRiskScore !== null)
    and.push({ riskScore: { $lte: filter.maxRiskScore } });
  if (filter.establishedFrom) and.push({ establishedDate: { $gte: filter.establishedFrom } });
  if (filter.establishedTo) and.push({ establishedDate: { $lte: filter.establishedTo } });
  return and.length === 0 ? {} : { $and: and };
}

const ORDER_COLUMN: Record<EnterpriseOrderField, keyof EnterpriseEntity> = {
  USCC: 'uscc',
  NAME: 'name',
  ESTABLISHED_DATE: 'establishedDate',
  REGISTERED_CAPITAL: 'registeredCapital',
  RISK_SCORE: 'riskScore',
};

export function usesRisk(filter: EnterpriseFilter | undefined, order: EnterpriseOrder | undefined): boolean {
  return (
    order?.field === EnterpriseOrderField.RISK_SCORE ||
    Boolean(filter?.riskGrades?.length || filter?.hasSignal || (filter?.maxRiskScore ?? null) !== null)
  );
}

/** Stored risk profiles are brought up to date (the hub's derived data) before a list filters or orders by them. */
export async function refreshRiskIfUsed(
  refreshDerived: () => Promise<void>,
  filter: EnterpriseFilter | undefined,
  order: EnterpriseOrder | undefined,
): Promise<void> {
  if (usesRisk(filter, order)) await refreshDerived();
}

/** Keyset order: the chosen column, then USCC as the unique tie-breaker. */
export function enterpriseOrder(order: EnterpriseOrder | undefined): QueryOrderMap<EnterpriseEntity> {
  const field = order?.field ?? EnterpriseOrderField.USCC;
  const dir = (order?.direction ?? SortDirection.ASC) === SortDirection.ASC ? 'asc' : 'desc';
  const column = ORDER_COLUMN[field];
  return column === 'uscc' ? { uscc: dir } : { [column]: dir, uscc: dir };
}

/** Rejects a cursor that this list did not issue, before it reaches SQL. */
export function checkEnterpriseCursor(
  after: string | null | undefined,
  order: QueryOrderMap<EnterpriseEntity>,
): void {
  if (after === undefined || after === null) return;
  let values: unknown[];
  try {
    values = Cursor.decode(after);
  } catch {
    values = [];
  }
  if (!Array.isArray(values) || values.length !== Object.keys(order).length) {
    throw new BadInputError('after is not a cursor issued by this list with this orderBy', {
      argument: 'after',
    });
  }
}

/**
 * One keyset page of enterprises as read-only plain objects. The SQL is MikroORM's
 * own (the driver's find: the filter, including the risk formulas it tests, and the
 * cursor condition and overfetch of findByCursor), but the rows are not made into
 * managed entities (no identity map, no change tracking) and the risk formulas are
 * selected only when the page is ordered by one, for its cursor. The page
 * of 200 read the two risk subqueries for every row and hydrated 201 entities.
 */
export async function leanEnterprisePage(
  em: SqlEntityManager,
  where: ObjectQuery<EnterpriseEntity>,
  orderBy: QueryOrderMap<EnterpriseEntity>,
  first: number,
  after: string | undefined,
): Promise<Cursor<EnterpriseEntity, never, never, never, false>> {
  const properties = leanProperties(em, EnterpriseEntity) as EntityKey<EnterpriseEntity>[];
  const fields: EntityKey<EnterpriseEntity>[] =
    'riskScore' in orderBy ? [...properties, 'riskScore'] : properties;
  const options = { first, after, orderBy, overfetch: true, includeCount: false as const };
  // The request's transaction, if it runs in one (typed any by MikroORM).
  const transaction: unknown = em.getTransactionContext();
  const rows = await em.getDriver().find(EnterpriseEntity, where, { ...options, fields, ctx: transaction });
  const toEnterprise = leanDataMapper(em, EnterpriseEntity);
  return new Cursor<EnterpriseEntity, never, never, never, false>(
    rows.map((row) => toEnterprise(row as Record<string, unknown>)),
    undefined,
    options,
    em.getMetadata().get(EnterpriseEntity),
  );
}
