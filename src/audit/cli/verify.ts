import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config.js';
import { HUB } from '../../hub.js';
import { migrate } from '../../db/bootstrap.js';
import { createOrm, describeDatabase, type HubOrm } from '../../db/orm.js';
import { unreachableLine } from '../../db/tool-errors.js';
import {
  checkAnchors,
  formatAnchor,
  governanceWriteCounter,
  parseAnchor,
  verifyChain,
  type ChainAnchor,
} from '../access-log.verify.js';

// Exit codes: 0 intact, 1 tampered, 2 could not check (bad argument or setting,
// database unreachable or held by a running hub). 1 is only ever evidence.
const USAGE = 'usage: npm run audit:verify [-- --anchor <id>:<hash> ...]';

let anchors: ChainAnchor[];
try {
  const { values } = parseArgs({ options: { anchor: { type: 'string', multiple: true } }, strict: true });
  anchors = (values.anchor ?? []).map(parseAnchor);
  checkAnchors(anchors);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(2);
}

let orm: HubOrm | undefined;
try {
  const config = loadConfig();
  orm = await createOrm(HUB, config, { unboundedStatements: true, viaRunningHub: true });
  await migrate(orm);
  const writes = governanceWriteCounter();
  const result = await verifyChain(orm.em.fork(), anchors, writes.visit);
  if (result.ok) {
    const anchored = anchors.length > 0 ? `, ${anchors.length} anchor(s) present and unchanged` : '';
    process.stdout.write(
      `${describeDatabase(config)}: access log intact: ${result.count} records${anchored}\n`,
    );
    // Governance writes (API keys, sharing agreements) are records of the same chain, verified above.
    const listed = [...writes.counts].sort(([a], [b]) => a.localeCompare(b));
    const total = listed.reduce((n, [, c]) => n + c, 0);
    process.stdout.write(
      `governance writes: ${total}${listed.length ? ` (${listed.map(([a, c]) => `${a} ${c}`).join(', ')})` : ''}\n`,
    );
    // The last record checked, kept outside the database, lets a later run detect deleted or rehashed records.
    if (result.head) process.stdout.write(`anchor: ${formatAnchor(result.head)}\n`);
  } else {
    process.stdout.write(
      `${describeDatabase(config)}: access log TAMPERED at record ${result.firstBadId} ` +
        `(${result.count} records before it are intact): ${result.problem}\n`,
    );
    process.exitCode = 1;
  }
} catch (err) {
  // One line, never a stack: the operator needs the reason, not the call chain.
  const line = unreachableLine(err) ?? (err instanceof Error ? err.message : String(err));
  process.stderr.write(`could not verify the access log: ${line}\n`);
  process.exitCode = 2;
} finally {
  await orm?.close(true).catch(() => undefined);
}
