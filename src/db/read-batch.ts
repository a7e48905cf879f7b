import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Pool, QueryResult } from 'pg';
import { poolOf } from './pool-registry.js';
import type { SqlFragment } from './sql.js';

type Row = Record<string, unknown>;

/** Connections one turn's reads are spread over (at least 4 statements each). */
const READ_BATCH_CONNECTIONS = 2;

interface Pending {
  readonly query: string;
  readonly resolve: (rows: Row[]) => void;
  readonly reject: (err: unknown) => void;
}

/** Round trips and statements sent by read batches since start (tests and the bench). */
export const readBatchStats = { roundTrips: 0, statements: 0 };

/**
 * Read-only statements of one request that are issued in the same turn of the event
 * loop go to PostgreSQL in one round trip: the loaders of a page or a profile
 * (a dozen department lists, each its own statement) dispatch together, and sent
 * one by one each statement cost its own write, its own pooled connection and its
 * own wake-up of a backend, which on a small machine preempts the hub itself. Sent
 * as one simple-query message, they run one after the other in one backend and
 * come back as one reply. Each is still a statement of its own: it is logged (and
 * counted by the request's tally and the tests' QueryCounter) like any other.
 *
 * Used only outside transactions and only on PostgreSQL's pool; elsewhere (PGlite,
 * a transaction's EntityManager) each statement runs through `em.execute` as before.
 * A failing statement fails every statement of its batch (the request fails anyway),
 * converted as MikroORM converts driver errors, so outages are still recognised.
 */
class ReadBatch {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly em: SqlEntityManager) {}

  read(query: string): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      this.pending.push({ query, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the promise jobs and nextTicks of this turn: every loader dispatching now has queued its statement.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    const pool = poolOf(this.em);
    if (!pool || this.em.isInTransaction()) {
      await Promise.all(
        batch.map(async (p) => {
          try {
            p.resolve(await this.em.execute<Row[]>(p.query));
          } catch (err) {
            p.reject(err);
          }
        }),
      );
      return;
    }
    // Split over a few connections, so that a batch still uses more than one of the database's cores.
    // Under load (no idle connection to spare) one connection: other requests need the rest.
    const spare = pool.idleCount > 1 ? READ_BATCH_CONNECTIONS : 1;
    const parts = Math.min(spare, Math.ceil(batch.length / 4));
    const size = Math.ceil(batch.length / parts);
    await Promise.all(
      Array.from({ length: parts }, (_, k) => this.send(pool, batch.slice(k * size, (k + 1) * size))),
    );
  }

  private async send(pool: Pool, batch: readonly Pending[]): Promise<void> {
    if (batch.length === 0) return;
    let results: Row[][];
    try {
      results = await runOnPool(
        this.em,
        pool,
        batch.map((p) => p.query),
      );
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]!));
  }
}

/**
 * Sends `queries` (inlined SQL) as one simple-query message on a connection of
 * `pool` and returns each one's rows. Each statement is logged as MikroORM logs
 * its own (the request's tally, the tests' QueryCounter), and a driver error is
 * converted as MikroORM converts it, so outages and deadlines are recognised alike.
 */
async function runOnPool(em: SqlEntityManager, pool: Pool, queries: readonly string[]): Promise<Row[][]> {
  const started = performance.now();
  let results: QueryResult[];
  try {
    const client = await pool.connect();
    try {
      const reply = (await client.query(queries.join(';\n'))) as QueryResult | QueryResult[];
      results = Array.isArray(reply) ? reply : [reply];
    } finally {
      client.release();
    }
  } catch (err) {
    throw em.getDriver().convertException(err instanceof Error ? err : new Error(String(err)));
  }
  const took = performance.now() - started;
  readBatchStats.roundTrips += 1;
  readBatchStats.statements += queries.length;
  const logger = em.config.getLogger();
  return queries.map((query, i) => {
    // The round trip's time shared out: the statements ran one after the other.
    logger.logQuery({ query, took: took / queries.length, level: 'info' });
    return results[i]!.rows as Row[];
  });
}

/**
 * One statement on `em`'s pool directly, outside MikroORM's query path (which costs
 * the hub ~50 µs of CPU per statement): for a hot statement such as the access-log
 * append, which every governed read waits for. In a transaction or on PGlite it is
 * `em.execute`.
 */
export async function executeDirect<T extends Row = Row>(
  em: SqlEntityManager,
  sqlText: string,
  params: readonly unknown[],
): Promise<T[]> {
  const pool = poolOf(em);
  if (!pool || em.isInTransaction()) return em.execute<T[]>(sqlText, [...params]);
  const [rows] = await runOnPool(em, pool, [em.getPlatform().formatQuery(sqlText, [...params])]);
  return rows as T[];
}

const batches = new WeakMap<SqlEntityManager, ReadBatch>();

/**
 * The rows of a read-only statement, sent with the other reads `em` issues in this
 * turn of the event loop (see ReadBatch). Values are inlined as `em.execute` inlines them.
 */
export function readRows<T extends Row = Row>(em: SqlEntityManager, statement: SqlFragment): Promise<T[]> {
  let batch = batches.get(em);
  if (!batch) {
    batch = new ReadBatch(em);
    batches.set(em, batch);
  }
  const query = em.getPlatform().formatQuery(statement.sql, [...statement.params]);
  return batch.read(query) as Promise<T[]>;
}
