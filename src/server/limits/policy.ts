import type { HubConfig } from '../../config/config.js';
import type { Principal } from '../../auth/principal.js';
import type { Bucket } from './rate-limiter.js';
import type { StructureLimits } from './structure.js';

/** The limits one hub enforces, read once from the settings. */
export interface LimitsPolicy extends StructureLimits {
  readonly maxOperationCost: number;
  readonly defaultPageSize: number;
  readonly operationTimeoutMs: number;
  /** The caller's token bucket: its kind's points, or the override for this principal. */
  bucketFor(principal: Principal): Bucket;
}

export function limitsPolicy(config: HubConfig): LimitsPolicy {
  return {
    maxTokens: config.maxTokens,
    maxDepth: config.maxOperationDepth,
    maxAliases: config.maxAliases,
    maxDirectives: config.maxDirectives,
    maxRootFields: config.maxRootFields,
    maxSelections: config.maxSelections,
    maxOperationCost: config.maxOperationCost,
    defaultPageSize: config.defaultPageSize,
    operationTimeoutMs: config.operationTimeoutMs,
    bucketFor(principal) {
      const override = config.rateLimitOverrides.get(`${principal.organisation}/${principal.id}`);
      return {
        capacity: override ?? config.rateLimitPoints[principal.kind],
        windowSeconds: config.rateLimitWindowSeconds,
      };
    },
  };
}
