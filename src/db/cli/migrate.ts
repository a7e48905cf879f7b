import 'reflect-metadata';
import { loadConfig } from '../../config/config.js';
import { HUB } from '../../hub.js';
import { migrate } from '../bootstrap.js';
import { describeDatabase } from '../orm.js';
import { openToolOrm } from '../tool-errors.js';

const config = loadConfig();
// Not through a running hub's socket: a hub applies its own migrations at start-up, and
// changing the schema under a hub that runs older code is not this command's business.
const orm = await openToolOrm(HUB, config, { unboundedStatements: true });
try {
  const applied = await migrate(orm);
  process.stdout.write(
    `${describeDatabase(config)}: ${applied.length === 0 ? 'schema is up to date' : `applied ${applied.join(', ')}`}\n`,
  );
} finally {
  await orm.close(true);
}
