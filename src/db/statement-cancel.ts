import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { sqlTallies, type RunningStatement, type SqlTally } from './orm-logger.js';

/**
 * Cancelling a request's running SQL when its execution deadline passes (PostgreSQL).
 *
 * Every pooled connection's `query` is wrapped: a statement issued inside a request's
 * tally (see `sqlTallies`) registers the connection's backend pid in that tally's
 * `running` map until it settles. At the deadline `cancelRunningStatements` sends
 * `pg_cancel_backend(pid)` for each, on a short connection of its own (the pool may be
 * full of exactly the statements to cancel). The statement fails with 57014
 * query_canceled; the wrapper marks that error (`DEADLINE_MARK`), so it is answered as
 * OPERATION_TIMEOUT and not as an outage (a server-side `statement_timeout` is also
 * 57014, and stays SERVICE_UNAVAILABLE).
 *
 * `pg_cancel_backend` stops whatever its backend runs when the signal lands. The pids
 * are re-read once the cancel connection is open, so only a statement that settles in
 * the moment between that read and the signal can leave the connection to another
 * request whose statement is then cancelled instead; that request sees an unmarked
 * 57014 and is answered SERVICE_UNAVAILABLE (retryable), never someone else's data.
 *
 * PGlite has no pool and no second session: nothing is tracked there (see README).
 */

/** Sends the cancel for the pids `pidsNow()` returns once its connection is open. */
export type Canceller = (pidsNow: () => number[]) => Promise<void>;

/** Property set on a 57014 error of a statement cancelled at the deadline: the deadline in ms. */
export const DEADLINE_MARK = 'hubDeadlineCancelMs';

const QUERY_CANCELED = '57014';

function isThenable(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** A canceller that opens one short connection to `connectionString` per deadline. */
export function backendCanceller(connectionString: string, timeoutMs: number): Canceller {
  return async (pidsNow) => {
    const client = new pg.Client({
      connectionString,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      application_name: 'hub-deadline-cancel',
    });
    await client.connect();
    try {
      // Read after connecting: a statement that settled meanwhile is no longer ours to cancel.
      const pids = pidsNow();
      if (pids.length > 0) {
        await client.query('select pg_cancel_backend(pid) from unnest($1::int[]) as pid', [pids]);
      }
    } finally {
      await client.end();
    }
  };
}

/** Registers `pid` as running a statement of `tally` until the returned function is called. */
function enter(
  tally: SqlTally,
  pid: number,
  cancel: Canceller,
): { entry: RunningStatement; leave: () => void } {
  const running = (tally.running ??= new Map<number, RunningStatement>());
  const entry = running.get(pid) ?? { count: 0, cancel, cancelled: false };
  entry.count += 1;
  running.set(pid, entry);
  return {
    entry,
    leave: () => {
      entry.count -= 1;
      if (entry.count === 0 && running.get(pid) === entry) running.delete(pid);
    },
  };
}

/** Wraps `query` of every connection `pool` opens, so running statements are known per request. */
export function trackRunningStatements(pool: Pool, cancel: Canceller): void {
  pool.on('connect', (client: PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const wrapped = (...args: unknown[]): unknown => {
      const tally = sqlTallies.getStore();
      const pid = (client as unknown as { processID?: unknown }).processID;
      // Callback and submittable (cursor) forms are not tracked; the hub issues neither.
      if (!tally || typeof pid !== 'number' || typeof args.at(-1) === 'function') return query(...args);
      const { entry, leave } = enter(tally, pid, cancel);
      let result: unknown;
      try {
        result = query(...args);
      } catch (err) {
        leave();
        throw err;
      }
      if (!isThenable(result)) {
        leave();
        return result;
      }
      return result.then(
        (value) => {
          leave();
          return value;
        },
        (err: unknown) => {
          leave();
          if (
            entry.cancelled &&
            tally.deadlineMs !== undefined &&
            err &&
            typeof err === 'object' &&
            (err as { code?: unknown }).code === QUERY_CANCELED
          ) {
            // A plain string property: MikroORM's DriverException copies own properties of the error it wraps.
            Object.assign(err, { [DEADLINE_MARK]: tally.deadlineMs });
          }
          throw err;
        },
      );
    };
    (client as unknown as { query: typeof wrapped }).query = wrapped;
  });
}

/**
 * Marks the request of `tally` as past its deadline of `deadlineMs` and cancels, on the
 * server, every statement still running on its behalf. Resolves once the cancels are
 * sent (or failed: the error is passed to `onError`); returns how many backends it asked.
 */
export async function cancelRunningStatements(
  tally: SqlTally | undefined,
  deadlineMs: number,
  onError: (err: unknown) => void = () => {},
): Promise<number> {
  if (!tally) return 0;
  tally.deadlineMs = deadlineMs;
  const groups = new Map<Canceller, true>();
  for (const entry of tally.running?.values() ?? []) {
    entry.cancelled = true;
    groups.set(entry.cancel, true);
  }
  let asked = 0;
  const pidsOf = (cancel: Canceller) => () => {
    const pids = [...(tally.running ?? [])]
      .filter(([, e]) => e.cancel === cancel && e.cancelled)
      .map(([pid]) => pid);
    asked += pids.length;
    return pids;
  };
  await Promise.all(
    [...groups.keys()].map((cancel) => cancel(pidsOf(cancel)).catch((err: unknown) => onError(err))),
  );
  return asked;
}
