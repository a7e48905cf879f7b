import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * COPY FROM STDIN on the connection of the caller's open transaction (PostgreSQL).
 *
 * MikroORM runs SQL through Kysely, which keeps its pg client private. Every pooled
 * connection's `query` is wrapped (`exposeClients`): a statement issued inside
 * `clientOf` names the client it ran on, so the COPY then runs on that same
 * connection, inside the same transaction, and commits or rolls back with it.
 */
const capture = new AsyncLocalStorage<{ client?: PoolClient }>();

/** Wraps `query` of every connection `pool` opens, so `clientOf` can find it. */
export function exposeClients(pool: Pool): void {
  pool.on('connect', (client: PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const holder = capture.getStore();
      if (holder) holder.client = client;
      return query(...args);
    };
  });
}

/** The pg client `em`'s transaction runs on, or null (PGlite, or a pool not set up by exposeClients). */
export async function transactionClient(em: SqlEntityManager): Promise<PoolClient | null> {
  const holder: { client?: PoolClient } = {};
  await capture.run(holder, () => em.execute('select 1'));
  return holder.client ?? null;
}

const SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format. */
function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `{${v.join(',')}}`;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  // Strings and numbers as they are; anything else (a JSON value) as JSON, never `[object Object]`.
  const text =
    typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'bigint'
        ? v.toString()
        : JSON.stringify(v);
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/**
 * Copies `rows` (values in `columns` order) into `table` on `client` (from
 * `transactionClient`). `table` and `columns` are identifiers from code; values travel as data.
 */
export async function copyRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
): Promise<void> {
  const stream = client.query(
    copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // Appended as text, a block of 1,000 rows per write: no array per row or per block to collect.
  let block = '';
  let rowsInBlock = 0;
  for (const row of rows) {
    let line = row.length > 0 ? copyText(row[0]) : '';
    for (let i = 1; i < row.length; i++) line += `\t${copyText(row[i])}`;
    block += `${line}\n`;
    if (++rowsInBlock === 1000) {
      stream.write(block);
      block = '';
      rowsInBlock = 0;
    }
  }
  stream.end(block);
  await done;
}
