import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config.js';
import { migrate } from '../../db/bootstrap.js';
import { createOrm, describeDatabase } from '../../db/orm.js';
import { chainHead, formatAnchor, parseAnchor, verifyChain, type ChainAnchor } from '../access-log.verify.js';

// Exit codes: 0 intact, 1 tampered, 2 could not check (bad argument or setting, database unreachable).
const USAGE = 'usage: npm run audit:verify [-- --anchor <id>:<hash> ...]';

let anchors: ChainAnchor[];
try {
  const { values } = parseArgs({ options: { anchor: { type: 'string', multiple: true } }, strict: true });
  anchors = (values.anchor ?? []).map(parseAnchor);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(2);
}

const config = loadConfig();
const orm = await createOrm(config);
try {
  await migrate(orm);
  const result = await verifyChain(orm.em.fork(), anchors);
  if (result.ok) {
    const head = await chainHead(orm.em.fork());
    const anchored = anchors.length > 0 ? `, ${anchors.length} anchor(s) present and unchanged` : '';
    process.stdout.write(
      `${describeDatabase(config)}: access log intact: ${result.count} records${anchored}\n`,
    );
    // Kept outside the database, the head lets a later run detect deleted or rehashed records.
    if (head) process.stdout.write(`anchor: ${formatAnchor(head)}\n`);
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
