import type { SqlEntityManager } from '@mikro-orm/sql';
import type { EnterpriseSignals, SignalSource } from '../common/risk-signal.js';

/**
 * Shared plumbing of the modules' signal sources: they read their records for
 * a batch of enterprises, one statement per table, and group them by USCC.
 */
export interface ProvenanceRow {
  readonly uscc: string;
  readonly asOf: Date;
}

/** A date column as YYYY-MM-DD text, the same on PostgreSQL and PGlite. */
export const sqlDay = (column: string, alias: string): string =>
  `to_char(${column}, 'YYYY-MM-DD') as "${alias}"`;

export function groupByUscc<T extends { readonly uscc: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.uscc);
    if (group) group.push(row);
    else groups.set(row.uscc, [row]);
  }
  return groups;
}

/** Newest `asOf` of the rows, or null when there are none. */
export function latestAsOf(rows: readonly ProvenanceRow[]): Date | null {
  let latest: Date | null = null;
  for (const row of rows) if (!latest || row.asOf > latest) latest = row.asOf;
  return latest;
}

/** One statement: the table's rows for every enterprise of the batch, grouped by USCC. */
export async function selectRecordsFor<T>(
  em: SqlEntityManager,
  table: string,
  columns: string,
  usccs: readonly string[],
): Promise<Map<string, (T & ProvenanceRow & { id: string })[]>> {
  const rows = await em.execute<(T & { id: string; uscc: string; asOf: Date | string })[]>(
    `select id::text as id, uscc, as_of as "asOf", ${columns} from "${table}" where ${usccIn(usccs)}`,
    [...usccs],
  );
  return groupByUscc(rows.map((r) => ({ ...r, asOf: new Date(r.asOf) })));
}

/** The row with the greatest key (a year, a month), the newest record (highest id) breaking ties. */
export function latestBy<T extends { readonly id: string }>(
  rows: readonly T[],
  key: (row: T) => number | string,
): T | undefined {
  let best: T | undefined;
  for (const row of rows) {
    if (!best || key(row) > key(best) || (key(row) === key(best) && BigInt(row.id) > BigInt(best.id)))
      best = row;
  }
  return best;
}

/** `uscc in (?, ?, …)` with one placeholder per code of the batch. */
export const usccIn = (usccs: readonly string[]): string => `uscc in (${usccs.map(() => '?').join(', ')})`;

/**
 * Newest `asOf` per enterprise of a table that raises no signal but is still its
 * department's data, so it counts towards that department's freshness.
 */
export async function latestAsOfOf(
  em: SqlEntityManager,
  table: string,
  usccs: readonly string[],
): Promise<Map<string, ProvenanceRow[]>> {
  const rows = await em.execute<{ uscc: string; asOf: Date | string }[]>(
    `select uscc, max(as_of) as "asOf" from "${table}" where ${usccIn(usccs)} group by uscc`,
    [...usccs],
  );
  return groupByUscc(rows.map((r) => ({ uscc: r.uscc, asOf: new Date(r.asOf) })));
}

/**
 * A signal source's `load`: `read` runs the module's fixed set of statements once
 * for the distinct codes of the batch (and not at all for an empty one), then
 * `build` turns what it read into each enterprise's signals and freshness.
 */
export function batchedSignalLoad<B>(
  read: (em: SqlEntityManager, usccs: readonly string[]) => Promise<B>,
  build: (batch: B, uscc: string, today: string) => EnterpriseSignals,
): SignalSource['load'] {
  return async (em, usccs, today) => {
    const keys = [...new Set(usccs)];
    const result = new Map<string, EnterpriseSignals>();
    if (keys.length === 0) return result;
    const batch = await read(em, keys);
    for (const uscc of keys) result.set(uscc, build(batch, uscc, today));
    return result;
  };
}
