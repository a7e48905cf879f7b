import type { SqlEntityManager } from '@mikro-orm/sql';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The risk-event feed serves an event once every transaction older than its own has
 * ended (`pg_snapshot_xmin`, src/modules/monitoring/event-feed.service.ts). Transaction
 * ids are the server's, not one database's: while test files run side by side on one
 * PostgreSQL server, a transaction open in another file's database holds new events back
 * for a moment, as it would hold back any consumer. Waits until every event written so
 * far in this database is served; fails naming the transaction if that takes too long.
 */
export async function untilEventsServed(em: SqlEntityManager, timeoutMs = 60_000): Promise<void> {
  const [row] = await em.execute<{ tx: string | null }[]>('select max(tx)::text as tx from monitoring_event');
  if (!row?.tx) return;
  const last = BigInt(row.tx);
  for (const started = Date.now(); ; ) {
    const [head] = await em.execute<{ xmin: string }[]>(
      'select pg_snapshot_xmin(pg_current_snapshot())::text as xmin',
    );
    if (BigInt(head!.xmin) > last) return;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `events up to transaction ${String(last)} not served after ${String(timeoutMs)} ms: an older transaction is still open on the server`,
      );
    await sleep(50);
  }
}
