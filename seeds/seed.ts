import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config.js';
import { HUB } from '../src/hub.js';
import { isEmpty, migrate } from '../src/db/bootstrap.js';
import { describeDatabase } from '../src/db/orm.js';
import { openToolOrm } from '../src/db/tool-errors.js';
import { DemoSeeder } from './demo.seeder.js';
import { DEFAULT_SEED, truncateAll } from './seed-database.js';

const usage = 'usage: npm run seed -- [--enterprises N] [--seed S] [--reset]';
let args;
try {
  args = parseArgs({
    options: {
      enterprises: { type: 'string', default: '2000' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      reset: { type: 'boolean', default: false },
    },
  }).values;
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${usage}\n`);
  process.exit(2);
}
const enterprises = Number(args.enterprises);
const seed = Number(args.seed);
if (!Number.isInteger(enterprises) || enterprises < 1 || enterprises > 10_000_000) {
  process.stderr.write(
    `--enterprises must be a whole number from 1 to 10000000, got '${args.enterprises}'\n${usage}\n`,
  );
  process.exit(2);
}
if (!Number.isInteger(seed)) {
  process.stderr.write(`--seed must be a whole number, got '${args.seed}'\n${usage}\n`);
  process.exit(2);
}

const config = loadConfig();
const orm = await openToolOrm(HUB, config, { unboundedStatements: true });
try {
  await migrate(orm);
  if (!(await isEmpty(orm))) {
    if (!args.reset) {
      process.stderr.write(
        `${describeDatabase(config)} already holds enterprises; pass --reset to replace them\n`,
      );
      process.exit(3);
    }
    await truncateAll(orm.em.fork(), HUB.modules);
  }
  process.stderr.write(
    `seeding ${enterprises} enterprises into ${describeDatabase(config)} (seed ${seed})\n`,
  );
  const seeder = new DemoSeeder();
  await seeder.run(orm.em.fork(), {
    enterprises,
    seed,
    onProgress: (what, done, total) => process.stderr.write(`\r  ${done}/${total} ${what}`),
  });
  const { report, agreements, profiles, profileMillis } = seeder.result!;
  process.stderr.write(`\n  computed ${profiles} risk profiles in ${(profileMillis / 1000).toFixed(1)} s\n`);
  const rows = Object.values(report.rowsByTable).reduce((a, b) => a + b, 0);
  process.stderr.write('\n');
  process.stdout.write(
    `seeded ${enterprises} enterprises, ${rows} rows in ${(report.millis / 1000).toFixed(1)} s, and ${agreements} demo sharing agreements\n` +
      Object.entries(report.rowsByTable)
        .map(([table, n]) => `  ${table}: ${n}\n`)
        .join(''),
  );
} finally {
  await orm.close(true);
}
