import type { FederationParts } from './federation.js';
import { emitSupergraph } from './supergraph.cli.js';

const USAGE = `usage: node dist/src/federated.js <command>
  start              start every subgraph and the gateway (npm run start:federated)
  subgraph <name>    start one subgraph
  gateway            start the gateway
  supergraph [--check]  write (or check) schema/supergraph.graphql
`;

/** The federated hub's commands; returns the exit code. */
export async function runFederated(args: readonly string[], parts: FederationParts): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'supergraph':
      return emitSupergraph(parts, rest.includes('--check'));
    default:
      process.stderr.write(USAGE);
      return 2;
  }
}
