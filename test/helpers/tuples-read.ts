import type { SqlEntityManager } from '@mikro-orm/sql';

/**
 * Tuples of `table` (heap rows and index entries) this transaction has read so far,
 * from its own statistics (pg_stat_xact_*): a lookup's delta shows whether it
 * probed an index or scanned the table. `table` is a constant of the test.
 */
export async function tuplesRead(tx: SqlEntityManager, table: string): Promise<number> {
  const [row] = await tx.execute<{ n: string | number }[]>(
    `select (select coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0)
               from pg_stat_xact_user_tables where relname = ?)
          + (select coalesce(sum(pg_stat_get_xact_tuples_returned(indexrelid)), 0)
               from pg_index where indrelid = ?::regclass) as n`,
    [table, table],
  );
  return Number(row!.n);
}
