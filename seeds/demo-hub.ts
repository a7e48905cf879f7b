import 'reflect-metadata';
import { HUB } from '../src/hub.js';
import { runHub } from '../src/server/start.js';
import { DemoSeeder } from './demo.seeder.js';

/**
 * `npm start`: the hub of src/main.ts plus the demo data set, which it writes into a
 * database holding no enterprise when SEED_ON_EMPTY is on (the default unless
 * NODE_ENV=production). The dependency points from the demo to the hub: nothing under
 * src/ knows this file or the data it writes.
 */
runHub(HUB, {
  onEmptyDatabase: async (orm, config, log) => {
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
  },
});
