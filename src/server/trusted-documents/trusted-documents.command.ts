import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliIo } from '../../auth/cli/auth-cli.js';
import { loadConfig, type HubConfig } from '../../config/config.js';
import { HubError } from '../../common/errors.js';
import { migrate } from '../../db/bootstrap.js';
import { createOrm } from '../../db/orm.js';
import { EXIT_UNREACHABLE, unreachableLine } from '../../db/tool-errors.js';
import { buildHubSchema } from '../schema.js';
import { registerDocuments } from './trusted-document.service.js';

const USAGE = 'usage: npm run trusted-documents -- --organisation ORG [--api-key ID] FILE...\n';

/** The operation texts of the files: a .graphql file is one; a JSON manifest is an object of texts or an array. */
function readDocuments(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    if (!file.endsWith('.json')) return [text];
    const parsed = JSON.parse(text) as unknown;
    return (Array.isArray(parsed) ? parsed : Object.values(parsed as Record<string, unknown>)).map(String);
  });
}

/**
 * npm run trusted-documents -- --organisation BANK_XM_001 [--api-key <id>] <file>...
 *
 * Registers a client's documents as trusted, as the ADMIN mutation does, in the hub's
 * database (a running hub sees them on their next use). Prints one
 * `<documentId> <operationName>` line per document; exit 0 on success, 1 when the hub
 * refuses the documents (the coded reason on stderr), 2 on bad usage or unreadable files.
 */
export async function runTrustedDocumentsCli(argv: readonly string[], io: CliIo): Promise<number> {
  let values: { organisation?: string; 'api-key'?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { organisation: { type: 'string' }, 'api-key': { type: 'string' } },
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.organisation || positionals.length === 0) {
    io.err(USAGE);
    return 2;
  }
  let documents: string[];
  try {
    documents = readDocuments(positionals);
  } catch (err) {
    io.err(`cannot read the documents: ${(err as Error).message}\n`);
    return 2;
  }
  const config = loadConfig(io.env);
  const open =
    io.openOrm ??
    ((c: HubConfig) => createOrm(io.hub, c, { logger: (line) => io.err(`${line}\n`), viaRunningHub: true }));
  let orm;
  try {
    orm = await open(config);
  } catch (err) {
    const unreachable = unreachableLine(err);
    if (!unreachable) throw err;
    io.err(`${unreachable}\n`);
    return EXIT_UNREACHABLE;
  }
  try {
    await migrate(orm);
    const registered = await registerDocuments(
      orm.em.fork(),
      await buildHubSchema(io.hub),
      { organisation: values.organisation, apiKeyId: values['api-key'] ?? null, documents },
      `cli:${io.env.USER ?? 'unknown'}`,
    );
    for (const doc of registered) io.out(`${doc.documentId} ${doc.operationName ?? '(anonymous)'}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof HubError)) throw err;
    io.err(`${err.code}: ${err.message}\n`);
    return 1;
  } finally {
    await orm.close(true);
  }
}
