import type { HubModule, PlatformComponent } from '../hub-module.js';

/** The name of the subgraph serving the hub's own machinery (catalog, agreements, API keys, access log, ingestion). */
export const GOVERNANCE = 'governance';

/**
 * One subgraph of the federated hub: a department module (or the governance
 * machinery) and the resolver classes whose fields it serves.
 */
export interface SubgraphPlan {
  readonly name: string;
  // type-graphql resolver classes, as the modules declare them.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly resolvers: readonly Function[];
  /** Owns the Enterprise entity: serves its master-record fields and resolves its references from the table. */
  readonly ownsEnterprise: boolean;
  /** Serves the root fields no other subgraph's resolvers declare (the ingest mutation, built per schema). */
  readonly servesUnclaimedRoots: boolean;
}

/**
 * The subgraphs, in a fixed order (their ports follow it): one per module, in the
 * order of the module list, then governance. The module that declares the
 * `Enterprise` record type owns the entity (the registry); if none does, the first does.
 */
export function subgraphPlans(
  modules: readonly HubModule[],
  platform: readonly PlatformComponent[],
): readonly SubgraphPlan[] {
  const owner = modules.find((m) => m.records?.Enterprise !== undefined) ?? modules[0];
  return [
    ...modules.map((m) => ({
      name: m.name,
      resolvers: m.resolvers,
      ownsEnterprise: m === owner,
      servesUnclaimedRoots: false,
    })),
    {
      name: GOVERNANCE,
      resolvers: platform.flatMap((c) => c.resolvers),
      ownsEnterprise: false,
      servesUnclaimedRoots: true,
    },
  ];
}
