// Child process of test/global-setup.mjs: migrates the run's template database with the built
// code (dist/) and exits, so the jest process itself never loads the built classes (it loads
// only the sources the tests import; two copies of the classes in one process would register
// every type-graphql type and MikroORM entity twice).
//
//   node test/build-template.mjs postgres <database url>   migrates that (empty) database
//   node test/build-template.mjs pglite <file>             migrates an in-memory PGlite and
//                                                          writes its data directory to <file>
//
// It prints nothing on success; any failure is on stderr with a non-zero exit code.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';

const root = resolve(import.meta.dirname, '..');
const [kind, target] = process.argv.slice(2);
if (!['postgres', 'pglite'].includes(kind) || !target) {
  process.stderr.write('usage: build-template.mjs postgres <url> | pglite <file>\n');
  process.exit(2);
}

await import(join(root, 'node_modules/reflect-metadata/Reflect.js'));
const [{ loadConfig }, { createOrm }, { migrate }, { HUB }] = await Promise.all([
  import(join(root, 'dist/src/config/config.js')),
  import(join(root, 'dist/src/db/orm.js')),
  import(join(root, 'dist/src/db/bootstrap.js')),
  import(join(root, 'dist/src/hub.js')),
]);

const env = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  ...(kind === 'postgres' ? { DATABASE_URL: target } : {}),
};
const config = loadConfig(env);
const orm = await createOrm(HUB, config, {
  pgliteInMemory: true,
  unboundedStatements: true,
  logger: () => {},
});
try {
  await migrate(orm);
  if (kind === 'pglite') {
    const pglite = await orm.em.getConnection().getNativeClient();
    // Uncompressed: loading skips the gunzip, and the file lives only for this run.
    const dump = await pglite.dumpDataDir('none');
    writeFileSync(target, new Uint8Array(await dump.arrayBuffer()));
  }
} finally {
  // No connection left: PostgreSQL copies a database only while nobody is connected to it.
  await orm.close(true);
}
