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
    if (batch.length === 1 || !pool || this.em.isInTransaction()) {
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
    const started = performance.now();
    let results: QueryResult[];
    try {
      const client = await pool.connect();
      try {
        const reply = (await client.query(batch.map((p) => p.query).join(';\n'))) as
          | QueryResult
          | QueryResult[];
        results = Array.isArray(reply) ? reply : [reply];
      } finally {
        client.release();
      }
    } catch (err) {
      const converted = this.em
        .getDriver()
        .convertException(err instanceof Error ? err : new Error(String(err)));
      for (const p of batch) p.reject(converted);
      return;
    }
    const took = performance.now() - started;
    readBatchStats.roundTrips += 1;
    readBatchStats.statements += batch.length;
    const logger = this.em.config.getLogger();
    batch.forEach((p, i) => {
      // The round trip's time shared out: the statements ran one after the other.
      logger.logQuery({ query: p.query, took: took / batch.length, level: 'info' });
      p.resolve(results[i]!.rows as Row[]);
    });
  }
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
