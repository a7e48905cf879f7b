import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { HubModule } from '../src/server/hub-module.js';
import { enterpriseFacts } from './enterprise-facts.js';
import { Rng } from './rng.js';
import { MODULE_SEEDERS } from './seeders.js';
import type { SeedContext, SeedRow, SeedSink } from './seed-types.js';

export interface SeedOptions {
  readonly enterprises: number;
  /** PRNG seed: the same seed and count always produce the same rows. */
  readonly seed?: number;
  /** Enterprises generated and written per transaction. */
  readonly chunkSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SeedReport {
  readonly enterprises: number;
  readonly rowsByTable: Readonly<Record<string, number>>;
  readonly millis: number;
}

export const DEFAULT_SEED = 20261122;
export const SEED_CONTEXT: SeedContext = {
  today: '2026-11-01',
  receivedAt: new Date('2026-11-02T08:00:00Z'),
};

// PostgreSQL takes at most 65535 bind parameters per statement.
const MAX_PARAMS = 30_000;

export class BufferSink implements SeedSink {
  readonly rows = new Map<EntityClass<object>, SeedRow[]>();

  add<T extends object>(entity: EntityClass<T>, row: SeedRow): void {
    const list = this.rows.get(entity);
    if (list) list.push(row);
    else this.rows.set(entity, [row]);
  }
}

async function insertRows(em: SqlEntityManager, table: string, rows: SeedRow[]): Promise<void> {
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const columnList = columns.map((c) => `"${c}"`).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    for (const row of slice) for (const c of columns) params.push(row[c] ?? null);
    await em.execute(
      `insert into "${table}" (${columnList}) values ${slice.map(() => tuple).join(', ')}`,
      params,
    );
  }
}

/** Generates the rows of enterprises `from`..`to`-1 (no I/O): the same seed always gives the same rows. */
export function generateChunk(
  modules: readonly HubModule[],
  seed: number,
  from: number,
  to: number,
): BufferSink {
  const sink = new BufferSink();
  for (let index = from; index < to; index++) {
    const facts = enterpriseFacts(seed, index);
    for (const module of modules) {
      MODULE_SEEDERS.get(module.name)?.seed(facts, Rng.derive(seed, index, module.name), sink, SEED_CONTEXT);
    }
  }
  return sink;
}

/**
 * Generates enterprises and every module's records for them, and bulk-inserts
 * them chunk by chunk (multi-row INSERTs, one transaction per chunk).
 */
export async function seedDatabase(
  em: SqlEntityManager,
  modules: readonly HubModule[],
  options: SeedOptions,
): Promise<SeedReport> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const chunkSize = options.chunkSize ?? 2000;
  const entityOrder = modules.flatMap((m) => m.entities);
  const counts: Record<string, number> = {};
  for (let from = 0; from < options.enterprises; from += chunkSize) {
    const to = Math.min(options.enterprises, from + chunkSize);
    const sink = generateChunk(modules, seed, from, to);
    await em.transactional(async (tx) => {
      for (const entity of entityOrder) {
        const rows = sink.rows.get(entity);
        if (!rows || rows.length === 0) continue;
        const table = tx.getMetadata().get(entity).tableName;
        await insertRows(tx, table, rows);
        counts[table] = (counts[table] ?? 0) + rows.length;
      }
    });
    options.onProgress?.(to, options.enterprises);
  }
  return {
    enterprises: options.enterprises,
    rowsByTable: counts,
    millis: Math.round(performance.now() - started),
  };
}

/**
 * Empties every module table and the sharing agreements, for re-seeding. The
 * access log and API keys are kept: re-seeding demo data must not erase who read what.
 */
export async function truncateAll(em: SqlEntityManager, modules: readonly HubModule[]): Promise<void> {
  const tables = [
    ...modules.flatMap((m) => m.entities).map((e) => `"${em.getMetadata().get(e).tableName}"`),
    '"auth_sharing_agreement"',
  ];
  await em.execute(`truncate table ${tables.join(', ')} restart identity cascade`);
}
