import { DatabaseLockedError } from './pglite-lock.js';
import type { HubConfig } from '../config/config.js';
import {
  createOrm,
  DatabaseUnreachableError,
  type HubOrm,
  type MappedEntities,
  type OrmOverrides,
} from './orm.js';
import { isDatabaseUnavailable } from './outage.js';

/**
 * Exit code of an operator tool that could not reach the database at all (PostgreSQL down,
 * PGlite held by a process that serves no socket). audit:verify keeps its documented 2.
 */
export const EXIT_UNREACHABLE = 3;

/**
 * The one line an operator tool prints when it cannot reach the database, or null when
 * `err` is something else (which the tool reports as it did before).
 */
export function unreachableLine(err: unknown): string | null {
  if (err instanceof DatabaseUnreachableError || err instanceof DatabaseLockedError) {
    return `cannot reach the database: ${err.message}`;
  }
  if (isDatabaseUnavailable(err)) {
    const message = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: unknown }).code;
    const fallback =
      typeof code === 'string' || typeof code === 'number' ? String(code) : 'connection failed';
    return `cannot reach the database: ${message || fallback}`;
  }
  return null;
}

function exitUnreachable(err: unknown): never {
  const unreachable = unreachableLine(err);
  if (!unreachable) throw err;
  process.stderr.write(`${unreachable}\n`);
  process.exit(EXIT_UNREACHABLE);
}

/**
 * Opens the database for an operator tool; when it cannot be reached, prints the one
 * line and exits with EXIT_UNREACHABLE instead of a stack trace. MikroORM connects
 * lazily, so the connection is tried here, before the tool's first statement (a migration
 * would otherwise fail deep inside the migrator with the driver's stack).
 */
export async function openToolOrm(
  mapped: MappedEntities,
  config: HubConfig,
  overrides: OrmOverrides,
): Promise<HubOrm> {
  let orm: HubOrm;
  try {
    orm = await createOrm(mapped, config, overrides);
  } catch (err) {
    exitUnreachable(err);
  }
  try {
    await orm.em.fork().execute('select 1');
  } catch (err) {
    await orm.close(true).catch(() => undefined);
    exitUnreachable(err);
  }
  return orm;
}
