import 'reflect-metadata';
import { loadConfig } from '../../config/config.js';
import { migrate } from '../../db/bootstrap.js';
import { createOrm, describeDatabase } from '../../db/orm.js';
import { verifyChain } from '../access-log.verify.js';

// Exit codes: 0 intact, 1 tampered, 2 could not check (bad setting, database unreachable).
const config = loadConfig();
const orm = await createOrm(config);
try {
  await migrate(orm);
  const result = await verifyChain(orm.em.fork());
  if (result.ok) {
    process.stdout.write(`${describeDatabase(config)}: access log intact: ${result.count} records\n`);
  } else {
    process.stdout.write(
      `${describeDatabase(config)}: access log TAMPERED at record ${result.firstBadId} ` +
        `(${result.count} records before it are intact): ${result.problem}\n`,
    );
    process.exitCode = 1;
  }
} catch (err) {
  process.stderr.write(
    `could not verify the access log: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exitCode = 2;
} finally {
  await orm.close(true);
}
