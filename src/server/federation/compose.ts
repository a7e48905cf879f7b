import { composeServices } from '@apollo/composition';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphDefinition } from './subgraph-schema.js';

/** Where the gateway (or Apollo Router) reaches each subgraph. */
export type SubgraphUrl = (name: string) => string;

/** Composition errors, named; the supergraph cannot be built. */
export class CompositionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the subgraphs do not compose:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/**
 * Composes the subgraphs into the supergraph SDL with @apollo/composition, the
 * same composition Rover and GraphOS run, so the result can be served by Apollo
 * Gateway or Apollo Router alike. Also gives the API schema clients see.
 */
export function composeSupergraphWithApi(
  definitions: readonly SubgraphDefinition[],
  url: SubgraphUrl,
): { sdl: string; apiSchema: GraphQLSchema } {
  const result = composeServices(
    definitions.map((d) => ({ name: d.name, typeDefs: d.typeDefs, url: url(d.name) })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return {
    sdl: `${result.supergraphSdl.trim()}\n`,
    apiSchema: result.schema.toAPISchema().toGraphQLJSSchema(),
  };
}

export function composeSupergraph(definitions: readonly SubgraphDefinition[], url: SubgraphUrl): string {
  return composeSupergraphWithApi(definitions, url).sdl;
}
