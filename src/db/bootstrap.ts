import type { Logger } from 'pino';
import { ormModules, type HubOrm } from './orm.js';

/**
 * Applies pending migrations, then what each module generates from the module list
 * (the risk refresh triggers on the declared tables), every time; returns the
 * migrations' names.
 */
export async function migrate(orm: HubOrm): Promise<string[]> {
  const applied = await orm.migrator.up();
  const em = orm.em.fork();
  for (const m of ormModules(orm)) if (m.afterMigrate) await em.transactional((tx) => m.afterMigrate!(tx));
  return applied.map((m) => m.name);
}

export async function isEmpty(orm: HubOrm): Promise<boolean> {
  const rows = await orm.em
    .fork()
    .execute<{ found: boolean }[]>('select exists (select 1 from registry_enterprise) as found');
  return !rows[0]?.found;
}

/**
 * Start-up: migrate, then hand a database that holds no enterprise to `onEmpty` when
 * the entry point gives one (`npm start`'s demo entry, seeds/demo-hub.ts, seeds it; the
 * production entry, src/main.ts, gives none, so an empty database stays empty).
 */
export async function prepareDatabase(
  orm: HubOrm,
  log: Logger,
  onEmpty?: (orm: HubOrm) => Promise<void>,
): Promise<void> {
  const applied = await migrate(orm);
  if (applied.length > 0) log.info({ migrations: applied }, 'applied migrations');
  if (onEmpty && (await isEmpty(orm))) await onEmpty(orm);
}
