import type { SqlEntityManager } from '@mikro-orm/sql';
import { PgliteDriver } from '@mikro-orm/pglite';
import pg from 'pg';

/**
 * Who is still working on a bulk job. A job is RECEIVING or RUNNING only while a
 * live hub works on it; a hub that dies (SIGKILL, power loss) cannot say so, so
 * the others must be able to tell.
 *
 * - PostgreSQL: the hub running a job holds a session advisory lock keyed by the
 *   job id on a connection of its own for the job's whole life. PostgreSQL drops
 *   the lock the moment that session ends (the process died, the machine went
 *   away), so "the lock is free" means exactly "no hub is working on it". Any hub
 *   may then mark the job FAILED; a hub never fails a job another live hub holds.
 * - PGlite: one process opens the data folder, so a job that this process is not
 *   running is not run by anyone.
 *
 * The key is the first 64 bits of the job's UUID, computed the same way in SQL
 * (the sweep) and here (the holder).
 */
const LOCK_KEY_SQL = `('x' || left(replace(id::text, '-', ''), 16))::bit(64)::bigint`;

export const lockKey = (id: string): string =>
  BigInt.asIntN(64, BigInt(`0x${id.replace(/-/g, '').slice(0, 16)}`)).toString();

/** Jobs this process is working on (PGlite's answer to "is anyone running it?"). */
const active = new Set<string>();

export interface JobHold {
  /** Ends the hold: unlocks (PostgreSQL) and forgets the job. Safe to call twice. */
  release(): Promise<void>;
}

export class JobGuard {
  constructor(private readonly databaseUrl: string | undefined) {}

  /**
   * Claims a job id before its row exists, so no sweep can see the row unclaimed.
   * On PostgreSQL this opens a connection that holds the lock until `release`.
   */
  async hold(id: string): Promise<JobHold> {
    active.add(id);
    if (!this.databaseUrl) {
      return {
        release: async () => {
          active.delete(id);
        },
      };
    }
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: `hub ingest ${id}`,
    });
    // A connection that breaks drops the lock; the job then finds its row no longer RUNNING and stops.
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('select pg_advisory_lock($1::bigint)', [lockKey(id)]);
    } catch (err) {
      active.delete(id);
      await client.end().catch(() => {});
      throw err;
    }
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        active.delete(id);
        // Ending the session releases the lock.
        await client.end().catch(() => {});
      },
    };
  }
}

const STOPPED = `case when status = 'RECEIVING'
  then 'the upload was not complete when the hub working on it stopped; nothing was stored; resend the file'
  else 'the hub working on the job stopped after line ' || last_line || ' (' || records_read ||
    ' records read; every chunk up to that line is stored); resend the file to complete it' end`;

/**
 * Marks FAILED every RECEIVING or RUNNING job no live hub works on (or only `id`),
 * saying where it stopped: every chunk up to `last_line` is stored. Run at start-up,
 * periodically, and when a running job is looked at. Returns the ids it failed.
 */
export async function failAbandonedJobs(em: SqlEntityManager, id?: string): Promise<string[]> {
  if (em.getDriver() instanceof PgliteDriver) {
    const mine = [...active];
    const rows = await em.execute<{ id: string }[]>(
      `update ingest_job set status = 'FAILED', finished_at = now(), updated_at = now(), error = ${STOPPED}
        where status in ('RECEIVING', 'RUNNING') ${id ? 'and id = ?' : ''}
          ${mine.length > 0 ? `and id not in (${mine.map(() => '?').join(', ')})` : ''}
        returning id`,
      [...(id ? [id] : []), ...mine],
    );
    return rows.map((r) => r.id);
  }
  // The candidates first (materialized), then the lock probe on those only: pg_try_advisory_xact_lock
  // succeeds only for a job whose holder's session is gone, and the lock it takes ends at commit.
  return em.transactional(async (tx) => {
    const rows = await tx.execute<{ id: string }[]>(
      `with candidate as materialized (
         select id from ingest_job where status in ('RECEIVING', 'RUNNING') ${id ? 'and id = ?' : ''}
       ), abandoned as materialized (
         select id from candidate where pg_try_advisory_xact_lock(${LOCK_KEY_SQL})
       )
       update ingest_job set status = 'FAILED', finished_at = now(), updated_at = now(), error = ${STOPPED}
        where id in (select id from abandoned) and status in ('RECEIVING', 'RUNNING')
        returning id`,
      id ? [id] : [],
    );
    return rows.map((r) => r.id);
  });
}
