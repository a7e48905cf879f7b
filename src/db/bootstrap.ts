import type { Logger } from 'pino';
import type { HubConfig } from '../config/config.js';
import { ormModules, type HubOrm } from './orm.js';
import { seedGovernance } from '../../seeds/governance.js';
import { recomputeAll, riskDeclarations } from '../modules/risk/index.js';
import { seedDatabase } from '../../seeds/seed-database.js';

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

/** Start-up: migrate, then seed the demo set when the database holds no enterprise. */
export async function prepareDatabase(orm: HubOrm, config: HubConfig, log: Logger): Promise<void> {
  const applied = await migrate(orm);
  if (applied.length > 0) log.info({ migrations: applied }, 'applied migrations');
  if (config.seedOnEmpty && (await isEmpty(orm))) {
    log.info({ enterprises: config.seedEnterprises }, 'database is empty: seeding the demo data set');
    let lastLogged = 0;
    const report = await seedDatabase(orm.em.fork(), ormModules(orm), {
      enterprises: config.seedEnterprises,
      onProgress: (done, total) => {
        if (done - lastLogged >= 10_000 || done === total) {
          lastLogged = done;
          log.info({ done, total }, 'seeding');
        }
      },
    });
    const agreements = await seedGovernance(orm.em.fork());
    const profiles = await recomputeAll(orm.em.fork(), riskDeclarations(ormModules(orm)));
    log.info({ profiles }, 'computed risk profiles');
    log.info({ millis: report.millis, rows: report.rowsByTable, agreements }, 'seeded the demo data set');
  }
}
