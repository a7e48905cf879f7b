import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/index.js';
import { describeDatabase, migrate, openToolOrm } from '../../db/index.js';
import { HUB } from '../../hub.js';
import { riskDeclarations } from './risk.declarations.js';
import { recomputeAll } from './risk.service.js';

/** npm run risk:recompute [-- --only-needed]: after a model change, or to catch up dirty profiles. */
const { values } = parseArgs({ options: { 'only-needed': { type: 'boolean', default: false } } });
const config = loadConfig();
const orm = await openToolOrm(HUB, config, { unboundedStatements: true, viaRunningHub: true });
try {
  await migrate(orm);
  const started = performance.now();
  const n = await recomputeAll(orm.em.fork(), riskDeclarations(HUB.modules), {
    onlyNeeded: values['only-needed'],
    onProgress: (done) => process.stderr.write(`\r  ${done} profiles`),
  });
  process.stderr.write('\n');
  process.stdout.write(
    `${describeDatabase(config)}: recomputed ${n} risk profiles in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
} finally {
  await orm.close(true);
}
