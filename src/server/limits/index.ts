import type { Logger } from 'pino';
import type { HubConfig } from '../../config/config.js';
import type { PlatformComponent } from '../hub-module.js';
import { ExecutionGate } from './execution-gate.js';
import { LimitsResolver, OPERATION_LIMITS_TYPES } from './limits.resolver.js';
import { limitsPolicy, type LimitsPolicy } from './policy.js';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from './rate-limiter.js';

export { installHttpRefusals } from './http-refusals.js';
export { installPrecheck } from './precheck.js';
export { afterLimits, limitsPlugin, type LimitsObserver } from './limits.plugin.js';
export { withDeadlineChecks } from './deadline.js';
export { sizeCappedStringify } from './response-size.js';

/** `myLimits`: a caller asks what its operations run under. */
export const limitsComponent: PlatformComponent = {
  name: 'limits',
  entities: [],
  resolvers: [LimitsResolver],
  types: OPERATION_LIMITS_TYPES,
};

export interface Limits {
  readonly policy: LimitsPolicy;
  readonly limiter: RateLimiter;
  readonly gate: ExecutionGate;
}

/** Builds the policy, the rate limiter (Redis when REDIS_URL is set) and the execution gate of one hub. */
export function createLimits(config: HubConfig, log: Logger): Limits {
  const limiter = config.redisUrl
    ? new RedisRateLimiter(
        config.redisUrl,
        config.rateLimitRedisPrefix,
        config.rateLimitFailOpen ? 'open' : 'closed',
        log,
      )
    : new MemoryRateLimiter();
  return {
    policy: limitsPolicy(config),
    limiter,
    gate: new ExecutionGate(
      config.maxConcurrentOperations,
      config.maxConcurrentPerPrincipal,
      config.operationQueueTimeoutMs,
      config.maxConcurrentCost,
    ),
  };
}
