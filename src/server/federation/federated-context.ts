import type { SqlEntityManager } from '@mikro-orm/sql';
import { AccessControl, type GrantLoader } from '../../auth/access-control.js';
import type { CatalogFieldEntry } from '../../auth/catalog.js';
import type { Principal } from '../../auth/principal.js';
import type { Purpose } from '../../auth/purpose.js';
import { AccessRecorder } from '../../audit/access-recorder.js';
import { LoaderRegistry, type HubContext } from '../context.js';
import type { PageLimits } from '../pagination.js';
import type { HubModule } from '../hub-module.js';
import type { GatewayClaims } from './internal-token.js';

/**
 * A subgraph's per-request context: the same shape as the single hub's, with the
 * principal and purpose the gateway signed instead of the client's credentials,
 * and the client operation's id as the request id (so each subgraph's access-log
 * record names the operation it served). A class for the reason given in
 * src/server/context.ts: `purpose` stays a live view of the access control.
 */
class SubgraphRequestContext implements HubContext {
  readonly audit = new AccessRecorder();

  constructor(
    readonly requestId: string,
    readonly em: SqlEntityManager,
    readonly loaders: LoaderRegistry,
    readonly limits: PageLimits,
    readonly principal: Principal,
    readonly access: AccessControl,
    readonly modules: readonly HubModule[],
  ) {}

  /** As the single hub's context: each module refreshes what it derives before a list reads it. */
  async refreshDerived(): Promise<void> {
    for (const m of this.modules) await m.refreshDerived?.(this.em);
  }

  get purpose(): Purpose | undefined {
    return this.access.purpose;
  }
}

export interface SubgraphContextDeps {
  readonly em: SqlEntityManager;
  readonly limits: PageLimits;
  readonly catalog: ReadonlyMap<string, CatalogFieldEntry>;
  readonly grants: (em: SqlEntityManager) => GrantLoader;
  readonly modules: readonly HubModule[];
}

export function subgraphContext(deps: SubgraphContextDeps, claims: GatewayClaims): HubContext {
  const em = deps.em.fork({ clear: true, freshEventManager: true });
  const access = new AccessControl(claims.principal, claims.purpose, deps.catalog, deps.grants(em));
  return new SubgraphRequestContext(
    claims.operationId,
    em,
    new LoaderRegistry(em, deps.modules),
    deps.limits,
    claims.principal,
    access,
    deps.modules,
  );
}
