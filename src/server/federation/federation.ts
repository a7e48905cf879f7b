import type { GraphQLSchema } from 'graphql';
import type { HubConfig } from '../../config/config.js';
import type { Hub } from '../hub-module.js';
import type { StartOptions } from '../start.js';
import { composeSupergraph } from './compose.js';
import { subgraphPlans } from './subgraph-plan.js';
import { subgraphDefinitions, type ResolveEnterprise, type SubgraphDefinition } from './subgraph-schema.js';

/** What the federated hub is assembled from: given by the composition root (src/federated.ts). */
export interface FederationParts {
  /** The assembled hub (src/hub.ts): its modules and platform components. */
  readonly hub: Hub;
  /** The owning module's batched read of an Enterprise by its key. */
  readonly resolveEnterprise: ResolveEnterprise;
  /** Fills a database holding no enterprise before the subgraphs start (the demo entry's seeder). */
  readonly onEmptyDatabase?: StartOptions['onEmptyDatabase'];
}

/** The subgraphs of the hub, in port order, cut from the single hub's schema. */
export function federationSubgraphs(
  parts: FederationParts,
  hubSchema: GraphQLSchema,
): readonly SubgraphDefinition[] {
  return subgraphDefinitions(
    hubSchema,
    subgraphPlans(parts.hub.modules, parts.hub.platform),
    parts.resolveEnterprise,
  );
}

/** The names of the subgraphs in port order (without building any schema). */
export function subgraphNames(parts: FederationParts): readonly string[] {
  return subgraphPlans(parts.hub.modules, parts.hub.platform).map((p) => p.name);
}

/** The port of one subgraph: FEDERATION_SUBGRAPH_PORT plus its place in the list. */
export function subgraphPort(config: HubConfig, names: readonly string[], name: string): number {
  const index = names.indexOf(name);
  if (index < 0) throw new RangeError(`no subgraph named ${name}; the subgraphs are ${names.join(', ')}`);
  return config.federationSubgraphPort + index;
}

export function subgraphUrl(config: HubConfig, names: readonly string[], name: string): string {
  return `http://${config.federationSubgraphHost}:${subgraphPort(config, names, name)}/graphql`;
}

/** The supergraph SDL, with each subgraph at its URL under `config`. */
export function supergraphSdl(parts: FederationParts, hubSchema: GraphQLSchema, config: HubConfig): string {
  const names = subgraphNames(parts);
  return composeSupergraph(federationSubgraphs(parts, hubSchema), (name) => subgraphUrl(config, names, name));
}
