import 'reflect-metadata';
import { loadConfig } from '../../config/config.js';
import { migrate } from '../bootstrap.js';
import { createOrm, describeDatabase } from '../orm.js';

const config = loadConfig();
const orm = await createOrm(config, { unboundedStatements: true });
try {
  const applied = await migrate(orm);
  process.stdout.write(
    `${describeDatabase(config)}: ${applied.length === 0 ? 'schema is up to date' : `applied ${applied.join(', ')}`}\n`,
  );
} finally {
  await orm.close(true);
}
