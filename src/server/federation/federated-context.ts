import type { SqlEntityManager } from '@mikro-orm/sql';
import { AccessControl, type GrantLoader } from '../../auth/access-control.js';
import type { CatalogFieldEntry } from '../../auth/catalog.js';
import { LoaderRegistry, RequestContext, type HubContext } from '../context.js';
import type { PageLimits } from '../pagination.js';
import type { HubModule } from '../hub-module.js';
import type { GatewayClaims } from './internal-token.js';

export interface SubgraphContextDeps {
  readonly em: SqlEntityManager;
  readonly limits: PageLimits;
  readonly catalog: ReadonlyMap<string, CatalogFieldEntry>;
  readonly grants: (em: SqlEntityManager) => GrantLoader;
  readonly modules: readonly HubModule[];
}

/** A subgraph request's context, from the claims of the gateway's token. */
export function subgraphContext(deps: SubgraphContextDeps, claims: GatewayClaims): HubContext {
  const em = deps.em.fork({ clear: true, freshEventManager: true });
  const access = new AccessControl(claims.principal, claims.purpose, deps.catalog, deps.grants(em));
  // The single hub's context class, with the principal and purpose the gateway signed
  // instead of the client's credentials, and the client operation's id as the request id
  // (so each subgraph's access-log record names the operation it served).
  return new RequestContext(
    claims.operationId,
    em,
    new LoaderRegistry(em, deps.modules),
    deps.limits,
    claims.principal,
    access,
    deps.modules,
  );
}
