import type { SqlEntityManager } from '@mikro-orm/sql';

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
    `select id::text as id, uscc, as_of as "asOf", ${columns} from "${table}" where uscc in (${usccs.map(() => '?').join(', ')})`,
    [...usccs],
  );
  return groupByUscc(rows.map((r) => ({ ...r, asOf: new Date(r.asOf) })));
}
