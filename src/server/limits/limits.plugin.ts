import type {
  ApolloServerPlugin,
  GraphQLRequestContext,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestListener,
} from '@apollo/server';
import { getVariableValues, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Principal } from '../../auth/principal.js';
import { ErrorCode, type HubError } from '../../common/errors.js';
import { sqlTallies } from '../../db/orm-logger.js';
import { cancelRunningStatements } from '../../db/statement-cancel.js';
import type { HubContext } from '../context.js';
import { acceptOf, requestErrorStatus } from './accept.js';
import { CostEstimateCache, costEstimators } from './cost.js';
import type { ExecutionGate } from './execution-gate.js';
import { QueryTooComplexError, RateLimitedError, withHttp } from './limit-errors.js';
import { attachPolicy } from './limits.resolver.js';
import { expireOperation } from './deadline.js';
import type { LimitsPolicy } from './policy.js';
import { RedisUnavailableError, type BucketResult, type RateLimiter } from './rate-limiter.js';

/** Optional hooks for metrics (wired by the server; nothing here depends on a metrics library). */
export interface LimitsObserver {
  operationCost(operationName: string | null, estimated: number): void;
  rateLimited(principalKind: string): void;
}

export interface LimitsPluginDeps {
  readonly schema: GraphQLSchema;
  readonly policy: LimitsPolicy;
  readonly limiter: RateLimiter;
  readonly gate: ExecutionGate;
  readonly log: Logger;
  readonly observer?: LimitsObserver;
}

/** The rate-limit bucket key of a principal: its organisation and subject. */
export const principalKey = (principal: Principal): string => `${principal.organisation}/${principal.id}`;

const REQUEST_ERROR_CODES: ReadonlySet<unknown> = new Set([
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.QUERY_TOO_COMPLEX,
]);

function rateLimitHeaders(bucket: { capacity: number }, result: BucketResult): [string, string][] {
  return [
    ['ratelimit-limit', String(bucket.capacity)],
    ['ratelimit-remaining', String(result.remaining)],
    ['ratelimit-reset', String(result.reset)],
  ];
}

/**
 * Prices every operation before it runs and meters it against its caller: cost
 * (after validation, with the variables; the document's shape was checked
 * before Apollo saw it, see precheck.ts), the caller's token bucket, then a slot
 * in the execution gate and the execution deadline. A refusal is a coded error
 * and nothing executes.
 */
export function limitsPlugin(deps: LimitsPluginDeps): ApolloServerPlugin<HubContext> {
  const { policy, limiter, gate, observer } = deps;
  const costs = new CostEstimateCache(deps.schema, costEstimators(policy.defaultPageSize));
  return {
    async requestDidStart(start): Promise<GraphQLRequestListener<HubContext>> {
      attachPolicy(start.contextValue, policy);
      const decision = decisionOf(start.contextValue);
      let cost: { estimated: number; limit: number; remaining: number } | undefined;
      let headers: [string, string][] = [];
      let release: (() => void) | undefined;
      let deadline: NodeJS.Timeout | undefined;
      const refuse = (rc: GraphQLRequestContext<HubContext>, error: HubError) =>
        withHttp(error, requestErrorStatus(acceptOf(rc.request.http?.headers ?? new Map())));
      const finish = () => {
        if (deadline) clearTimeout(deadline);
        deadline = undefined;
        release?.();
        release = undefined;
      };
      const priceAndMeter = async (rc: GraphQLRequestContextDidResolveOperation<HubContext>) => {
        const principal = rc.contextValue.principal;
        const bucket = policy.bucketFor(principal);
        const limit = Math.min(policy.maxOperationCost, bucket.capacity);
        // Variables that do not coerce: graphql-js refuses them before any resolver runs, with
        // the errors that name them, so there is nothing to price or meter.
        const coerced = getVariableValues(
          deps.schema,
          rc.operation?.variableDefinitions ?? [],
          rc.request.variables ?? {},
          { maxErrors: 1 },
        );
        if (coerced.errors) return;
        const estimated = costs.estimate(rc.document, rc.operationName ?? undefined, rc.request.variables);
        observer?.operationCost(rc.operationName, estimated);
        if (estimated > limit) throw refuse(rc, new QueryTooComplexError('cost', limit, estimated));
        let taken: BucketResult;
        try {
          taken = await limiter.take(principalKey(principal), estimated, bucket);
        } catch (err) {
          if (!(err instanceof RedisUnavailableError)) throw err;
          observer?.rateLimited(principal.kind);
          throw withHttp(
            new RateLimitedError('Rate limits cannot be checked at the moment; try again shortly', 5),
            429,
            new Map([['retry-after', '5']]),
          );
        }
        headers = rateLimitHeaders(bucket, taken);
        if (!taken.allowed) {
          observer?.rateLimited(principal.kind);
          throw withHttp(
            new RateLimitedError(
              `This operation costs ${estimated} points and ${taken.remaining} of your ${bucket.capacity} per ${bucket.windowSeconds} s are left`,
              taken.retryAfter,
              { estimated, remaining: taken.remaining },
            ),
            429,
            new Map([...headers, ['retry-after', String(taken.retryAfter)]]),
          );
        }
        cost = { estimated, limit, remaining: taken.remaining };
        // Here, not in executionDidStart: Apollo answers an error thrown there as an internal error.
        try {
          release = await gate.acquire(principalKey(principal), estimated);
        } catch (err) {
          if (!(err instanceof RateLimitedError)) throw err;
          observer?.rateLimited(principal.kind);
          const retryAfter = String(err.details.retryAfter);
          throw withHttp(err, 429, new Map([...headers, ['retry-after', retryAfter]]));
        }
      };
      return {
        async didResolveOperation(rc) {
          try {
            await priceAndMeter(rc);
            decision.settle(true);
          } catch (err) {
            decision.settle(false);
            throw err;
          }
        },
        async executionDidStart(rc) {
          let cancelling: Promise<number> | undefined;
          const tally = sqlTallies.getStore();
          deadline = setTimeout(() => {
            expireOperation(rc.contextValue, policy.operationTimeoutMs);
            const where = { requestId: rc.contextValue.requestId, operationName: rc.operationName };
            // Statements already running are cancelled on the server (PostgreSQL); their
            // fields then fail with OPERATION_TIMEOUT (format-error.ts, db/outage.ts).
            cancelling = cancelRunningStatements(tally, policy.operationTimeoutMs, (err) =>
              deps.log.warn({ ...where, err }, 'could not cancel the statements of a timed-out operation'),
            );
            void cancelling.then((cancelled) =>
              deps.log.warn({ ...where, cancelled }, 'operation passed its execution deadline'),
            );
          }, policy.operationTimeoutMs);
          return {
            async executionDidEnd() {
              finish();
              // The request's later SQL (the access log) waits until no cancel can reach it.
              await cancelling;
            },
          };
        },
        async willSendResponse(rc) {
          finish();
          for (const [name, value] of headers) rc.response.http.headers.set(name, value);
          const body = rc.response.body;
          if (body.kind !== 'single') return;
          if (cost) body.singleResult.extensions = { ...body.singleResult.extensions, cost };
          const codes = body.singleResult.errors?.map((e) => e.extensions?.code) ?? [];
          if (
            body.singleResult.data === undefined &&
            codes.length > 0 &&
            codes.every((c) => REQUEST_ERROR_CODES.has(c))
          ) {
            rc.response.http.status = requestErrorStatus(acceptOf(rc.request.http?.headers ?? new Map()));
          }
        },
      };
    },
  };
}

const DECISION = Symbol('limits decision');

interface Decision {
  readonly decided: Promise<boolean>;
  settle(allowed: boolean): void;
}

function decisionOf(ctx: HubContext): Decision {
  const holder = ctx as unknown as { [DECISION]?: Decision };
  if (!holder[DECISION]) {
    let settle!: (allowed: boolean) => void;
    const decided = new Promise<boolean>((resolve) => (settle = resolve));
    Object.defineProperty(holder, DECISION, { value: { decided, settle }, configurable: true });
  }
  return holder[DECISION]!;
}

/**
 * Apollo starts every plugin's didResolveOperation at once, so a plugin that
 * reads the database there (grant preloading, reject mode) would run SQL for an
 * operation the limits refuse. Wrapped in this, its hook starts only once the
 * operation is priced and metered, and not at all if it was refused.
 */
export function afterLimits(plugin: ApolloServerPlugin<HubContext>): ApolloServerPlugin<HubContext> {
  return {
    ...plugin,
    async requestDidStart(start) {
      const listener = await plugin.requestDidStart?.(start);
      if (!listener?.didResolveOperation) return listener;
      const inner = listener.didResolveOperation.bind(listener);
      return {
        ...listener,
        async didResolveOperation(rc) {
          if (!(await decisionOf(rc.contextValue).decided)) return;
          await inner(rc);
        },
      };
    },
  };
}

export { OperationTimeoutError } from './operation-timeout.js';
