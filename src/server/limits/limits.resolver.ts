import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../context.js';
import type { LimitsPolicy } from './policy.js';

@ObjectType('OperationLimits', {
  description:
    'The limits your operations run under. See the README section "Operation limits" for the cost model.',
})
export class OperationLimitsType {
  @Field(() => Int, {
    description: 'Largest estimated cost of one operation (the lower of the hub limit and your budget).',
  })
  maxCost!: number;

  @Field(() => Int, { description: 'Deepest field nesting, fragments flattened.' })
  maxDepth!: number;

  @Field(() => Int)
  maxAliases!: number;

  @Field(() => Int, { description: 'Most lexical tokens in a document.' })
  maxTokens!: number;

  @Field(() => Int)
  maxDirectives!: number;

  @Field(() => Int)
  maxRootFields!: number;

  @Field(() => Int, { description: 'Most field selections, fragments expanded where used.' })
  maxSelections!: number;

  @Field(() => Int, { description: 'Page size the cost model assumes for a list asked for without `first`.' })
  defaultPageSize!: number;

  @Field(() => Int, { description: 'Cost points you may spend per window; they refill evenly.' })
  rateLimitPoints!: number;

  @Field(() => Int)
  rateLimitWindowSeconds!: number;

  @Field(() => Int, { description: 'Execution deadline of one operation, in milliseconds.' })
  operationTimeoutMs!: number;
}

export const OPERATION_LIMITS_TYPES = ['OperationLimits'];

const POLICY = Symbol.for('hub.limits.policy');

/** Called by the limits plugin when a request starts, so the resolver reads the same policy. */
export function attachPolicy(ctx: HubContext, policy: LimitsPolicy): void {
  Object.defineProperty(ctx, POLICY, { value: policy, enumerable: false, configurable: true });
}

@Resolver()
export class LimitsResolver {
  @Query(() => OperationLimitsType, {
    description:
      'The limits your operations run under: cost, depth, aliases, tokens, rate-limit budget, deadline.',
  })
  myLimits(@Ctx() ctx: HubContext): OperationLimitsType {
    const policy = (ctx as unknown as { [POLICY]?: LimitsPolicy })[POLICY];
    if (!policy) throw new Error('limits plugin not installed');
    const bucket = policy.bucketFor(ctx.principal);
    return {
      maxCost: Math.min(policy.maxOperationCost, bucket.capacity),
      maxDepth: policy.maxDepth,
      maxAliases: policy.maxAliases,
      maxTokens: policy.maxTokens,
      maxDirectives: policy.maxDirectives,
      maxRootFields: policy.maxRootFields,
      maxSelections: policy.maxSelections,
      defaultPageSize: policy.defaultPageSize,
      rateLimitPoints: bucket.capacity,
      rateLimitWindowSeconds: bucket.windowSeconds,
      operationTimeoutMs: policy.operationTimeoutMs,
    };
  }
}
