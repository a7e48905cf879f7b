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

/** The text of the last Date written: the rows of a chunk mostly share their dates (asOf). */
let lastDate = { ms: NaN, text: '' };

const escapeCopy = (text: string): string =>
  text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/** A value in COPY's text format. */
function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return SPECIAL.test(v) ? escapeCopy(v) : v;
  if (v instanceof Date) {
    const ms = v.getTime();
    if (ms !== lastDate.ms) lastDate = { ms, text: v.toISOString() };
    return lastDate.text;
  }
  if (Array.isArray(v)) return `{${v.join(',')}}`;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  // Numbers as they are; anything else (a JSON value) as JSON, never `[object Object]`.
  const text = typeof v === 'number' || typeof v === 'bigint' ? v.toString() : JSON.stringify(v);
  return SPECIAL.test(text) ? escapeCopy(text) : text;
}

/**
 * Copies `records` into `table` on `client` (from `transactionClient`): column
 * `columns[i]` takes each record's property `keys[i]` (null when absent). `table`
 * and `columns` are identifiers from code; values travel as data.
 */
export async function copyRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  records: readonly Readonly<Record<string, unknown>>[],
  keys: readonly string[],
): Promise<void> {
  const stream = client.query(
    copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`),
  );
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // Appended as text straight from the records, a block of 1,000 rows per write: no array per row.
  let block = '';
  let rowsInBlock = 0;
  for (const record of records) {
    let line = keys.length > 0 ? copyText(record[keys[0]!]) : '';
    for (let i = 1; i < keys.length; i++) line += `\t${copyText(record[keys[i]!])}`;
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
