import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config.js';
import { HubError } from '../../common/errors.js';
import { migrate } from '../../db/bootstrap.js';
import { createOrm } from '../../db/orm.js';
import { buildHubSchema } from '../schema.js';
import { registerDocuments } from './trusted-document.service.js';

/**
 * npm run trusted-documents -- --organisation BANK_XM_001 [--api-key <id>] <file>...
 *
 * Registers a client's documents as trusted, as the ADMIN mutation does, for operators
 * of a hub that runs with TRUSTED_DOCUMENTS=required (where the mutation itself is not
 * a trusted document). A file is a .graphql operation, or a JSON manifest: an object
 * whose values are operation texts (GraphQL Code Generator's persisted-documents.json)
 * or an array of texts.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { organisation: { type: 'string' }, 'api-key': { type: 'string' } },
});
if (!values.organisation || positionals.length === 0) {
  process.stderr.write('usage: npm run trusted-documents -- --organisation ORG [--api-key ID] FILE...\n');
  process.exit(2);
}
const documents = positionals.flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.json')) return [text];
  const parsed = JSON.parse(text) as unknown;
  return (Array.isArray(parsed) ? parsed : Object.values(parsed as Record<string, unknown>)).map(String);
});
const config = loadConfig();
const orm = await createOrm(config);
try {
  await migrate(orm);
  const registered = await registerDocuments(
    orm.em.fork(),
    await buildHubSchema(),
    { organisation: values.organisation, apiKeyId: values['api-key'] ?? null, documents },
    `cli:${userInfo().username}`,
  );
  for (const doc of registered) process.stdout.write(`${doc.documentId} ${doc.operationName ?? '(anonymous)'}\n`);
} catch (err) {
  if (!(err instanceof HubError)) throw err;
  process.stderr.write(`${err.code}: ${err.message}\n`);
  process.exitCode = 1;
} finally {
  await orm.close(true);
}
