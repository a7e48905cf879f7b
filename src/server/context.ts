import type { SqlEntityManager } from '@mikro-orm/sql';
import { GraphQLError } from 'graphql';
import { AccessControl, type GrantLoader, type GrantSource } from '../auth/access-control.js';
import { UnauthenticatedError, type Authenticator } from '../auth/authenticate.js';
import type { CatalogFieldEntry } from '../auth/catalog.js';
import type { Principal } from '../auth/principal.js';
import { PURPOSE_HEADER, Purpose, isPurpose } from '../auth/purpose.js';
import type { GovernanceActor } from '../audit/access-log.append.js';
import { AccessRecorder } from '../audit/access-recorder.js';
import { ErrorCode } from '../common/errors.js';
import { quote } from '../common/input.js';
import type { HubModule } from './hub-module.js';
import type { PageLimits } from './pagination.js';

/**
 * Per-request loaders, created lazily from their factories. A module exports its
 * factories; any resolver asks `ctx.loaders.get(factory)` and gets the one
 * instance for this request, so batching spans all modules' resolvers. A factory
 * also gets the hub's module list (a loader built from other modules' declarations).
 */
export class LoaderRegistry {
  private readonly instances = new Map<unknown, unknown>();

  constructor(
    private readonly em: SqlEntityManager,
    private readonly modules: readonly HubModule[] = [],
  ) {}

  get<T>(factory: (em: SqlEntityManager, modules: readonly HubModule[]) => T): T {
    let instance = this.instances.get(factory) as T | undefined;
    if (instance === undefined) {
      instance = factory(this.em, this.modules);
      this.instances.set(factory, instance);
    }
    return instance;
  }
}

export interface HubContext {
  readonly requestId: string;
  readonly em: SqlEntityManager;
  readonly loaders: LoaderRegistry;
  readonly limits: PageLimits;
  readonly principal: Principal;
  readonly purpose: Purpose | undefined;
  readonly access: AccessControl;
  readonly audit: AccessRecorder;
  /** The module list the hub was assembled from. */
  readonly modules: readonly HubModule[];
  /** Brings derived data (stored risk profiles) up to date before SQL reads it directly. */
  refreshDerived(): Promise<void>;
  /**
   * Set when this execution was decided from kept grants no longer in force: the
   * HTTP route runs the operation again on fresh ones. Shared by Apollo's copies of the context.
   */
  readonly grantsRetry?: { stale: boolean };
}

/**
 * The per-request context. A class because Apollo clones the context object per
 * operation (own properties copied, prototype kept): `purpose` must stay a live
 * view of the access control, which a purpose argument may set before execution
 * (purposeArgumentPlugin), not a value copied when the request began.
 */
export class RequestContext implements HubContext {
  readonly audit = new AccessRecorder();
  readonly grantsRetry = { stale: false };

  constructor(
    readonly requestId: string,
    readonly em: SqlEntityManager,
    readonly loaders: LoaderRegistry,
    readonly limits: PageLimits,
    readonly principal: Principal,
    readonly access: AccessControl,
    readonly modules: readonly HubModule[],
  ) {}

  async refreshDerived(): Promise<void> {
    for (const m of this.modules) await m.refreshDerived?.(this.em);
  }

  get purpose(): Purpose | undefined {
    return this.access.purpose;
  }
}

/** The caller of this request as the author of a governance write on the access log. */
export const actorOf = (ctx: HubContext): GovernanceActor => ({
  principal: ctx.principal,
  requestId: ctx.requestId,
});

export interface ContextDeps {
  readonly em: SqlEntityManager;
  readonly limits: PageLimits;
  readonly authenticator: Authenticator;
  readonly catalog: ReadonlyMap<string, CatalogFieldEntry>;
  /** Builds the grant loader on this request's EntityManager. */
  readonly grants: (em: SqlEntityManager) => GrantLoader;
  /** The process's kept grants, which queries may be decided from (src/auth/agreements/grant-cache.ts). */
  readonly grantCache?: GrantSource;
  /** The module list the hub was assembled from. */
  readonly modules: readonly HubModule[];
}

export type RequestHeaders = Record<string, string | string[] | undefined>;

function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Parses X-Purpose; an unknown purpose is refused up front rather than ignored. */
export function parsePurpose(headers: RequestHeaders): Purpose | undefined {
  const raw = headerValue(headers, PURPOSE_HEADER)?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!isPurpose(raw)) {
    throw new GraphQLError(
      `X-Purpose ${quote(raw)} is not a purpose of use; use one of ${Object.values(Purpose).join(', ')}`,
      {
        extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'X-Purpose', http: { status: 400 } },
      },
    );
  }
  return raw;
}

/**
 * Everything per request: who is asking (no credentials, no data), for what
 * purpose, a forked EntityManager, fresh loaders and access decisions. Nothing
 * that depends on the caller outlives the request.
 */
export async function createContext(
  deps: ContextDeps,
  headers: RequestHeaders,
  requestId: string,
  /** Read the grants again whatever is kept: the second run of an operation whose kept grants were stale. */
  freshGrants = false,
): Promise<RequestContext> {
  let principal: Principal;
  try {
    principal = await deps.authenticator.authenticate(headers);
  } catch (err) {
    if (!(err instanceof UnauthenticatedError)) throw err;
    throw new GraphQLError(err.message, {
      extensions: {
        ...err.details,
        code: ErrorCode.UNAUTHENTICATED,
        http: {
          status: 401,
          headers: new Map([['www-authenticate', 'Bearer realm="inter-agency-data-hub"']]),
        },
      },
    });
  }
  const em = deps.em.fork({ clear: true, freshEventManager: true });
  const access = new AccessControl(
    principal,
    parsePurpose(headers),
    deps.catalog,
    deps.grants(em),
    deps.grantCache ? { grants: deps.grantCache, fresh: freshGrants } : undefined,
  );
  return new RequestContext(
    requestId,
    em,
    new LoaderRegistry(em, deps.modules),
    deps.limits,
    principal,
    access,
    deps.modules,
  );
}
