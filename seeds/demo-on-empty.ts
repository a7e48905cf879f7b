import type { Logger } from 'pino';
import type { HubConfig } from '../src/config/config.js';
import type { HubOrm } from '../src/db/orm.js';
import { DemoSeeder } from './demo.seeder.js';

/**
 * The demo entries' filling of an empty database (npm start, npm run start:federated):
 * the demo data set when SEED_ON_EMPTY is on (the default unless NODE_ENV=production).
 */
export const seedDemoOnEmpty = async (orm: HubOrm, config: HubConfig, log: Logger): Promise<void> => {
  if (!config.seedOnEmpty) return;
  log.info({ enterprises: config.seedEnterprises }, 'database is empty: seeding the demo data set');
  let lastLogged = 0;
  const seeder = new DemoSeeder();
  await seeder.run(orm.em.fork(), {
    enterprises: config.seedEnterprises,
    onProgress: (what, done, total) => {
      if (what !== 'enterprises' || !(done - lastLogged >= 10_000 || done === total)) return;
      lastLogged = done;
      log.info({ done, total }, 'seeding');
    },
  });
  const { report, agreements, profiles } = seeder.result!;
  log.info({ profiles }, 'computed risk profiles');
  log.info({ millis: report.millis, rows: report.rowsByTable, agreements }, 'seeded the demo data set');
};
