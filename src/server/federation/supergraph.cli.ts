import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../config/config.js';
import { buildHubSchema } from '../schema.js';
import { supergraphSdl, type FederationParts } from './federation.js';

export const SUPERGRAPH_FILE = 'schema/supergraph.graphql';

/**
 * Writes schema/supergraph.graphql, composed from the subgraphs at their default
 * URLs (the file does not depend on the environment it is emitted in); with
 * --check, fails if the committed file differs, like schema:check.
 */
export async function emitSupergraph(parts: FederationParts, check: boolean): Promise<number> {
  const text = supergraphSdl(parts, await buildHubSchema(parts.hub), loadConfig({}));
  if (!check) {
    writeFileSync(SUPERGRAPH_FILE, text);
    process.stdout.write(`wrote ${SUPERGRAPH_FILE}\n`);
    return 0;
  }
  let committed = '';
  try {
    committed = readFileSync(SUPERGRAPH_FILE, 'utf8');
  } catch {
    committed = '';
  }
  if (committed !== text) {
    process.stderr.write(
      `${SUPERGRAPH_FILE} is out of date with the code: run npm run supergraph:emit and commit the result\n`,
    );
    return 1;
  }
  process.stdout.write(`${SUPERGRAPH_FILE} matches the code\n`);
  return 0;
}
