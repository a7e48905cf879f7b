import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** What taking `cost` points from a bucket came to. */
export interface BucketResult {
  readonly allowed: boolean;
  /** Points left after this operation (before it, when refused). */
  readonly remaining: number;
  /** Seconds until enough points have refilled for this cost (0 when allowed). */
  readonly retryAfter: number;
  /** Seconds until the bucket is full again. */
  readonly reset: number;
}

export interface Bucket {
  readonly capacity: number;
  readonly windowSeconds: number;
}

/** A token bucket per key: `capacity` points, refilled evenly over `windowSeconds`. */
export interface RateLimiter {
  take(key: string, cost: number, bucket: Bucket): Promise<BucketResult>;
  /** Resolves once the store can be used (or could not be reached in time: the down policy applies). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

function outcome(tokens: number, cost: number, allowed: boolean, bucket: Bucket): BucketResult {
  const perSecond = bucket.capacity / bucket.windowSeconds;
  return {
    allowed,
    remaining: Math.max(0, Math.floor(tokens)),
    retryAfter: allowed ? 0 : Math.max(1, Math.ceil((cost - tokens) / perSecond)),
    reset: Math.ceil((bucket.capacity - tokens) / perSecond),
  };
}

/** Buckets in this process: right for one instance. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async take(key: string, cost: number, bucket: Bucket): Promise<BucketResult> {
    const now = this.now();
    const state = this.buckets.get(key) ?? { tokens: bucket.capacity, at: now };
    const perMs = bucket.capacity / (bucket.windowSeconds * 1000);
    const tokens = Math.min(bucket.capacity, state.tokens + Math.max(0, now - state.at) * perMs);
    const allowed = tokens >= cost;
    const left = allowed ? tokens - cost : tokens;
    if (left >= bucket.capacity) this.buckets.delete(key);
    else this.buckets.set(key, { tokens: left, at: now });
    return outcome(left, cost, allowed, bucket);
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {}
}

// One atomic step on Redis's clock, so that every hub process sharing the
// Redis sees one bucket: refill for the time passed, take the cost if it is there.
const TAKE_SCRIPT = `
local cost = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local windowMs = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then tokens = capacity; at = now end
tokens = math.min(capacity, tokens + math.max(0, now - at) * capacity / windowMs)
local allowed = 0
if tokens >= cost then tokens = tokens - cost; allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], windowMs * 2)
return {allowed, tostring(tokens)}
`;

type TakeCommand = (
  key: string,
  cost: number,
  capacity: number,
  windowMs: number,
) => Promise<[number, string]>;

/** What happens to operations while Redis cannot be reached. */
export type RedisDownPolicy = 'open' | 'closed';

export class RedisUnavailableError extends Error {}

/**
 * Buckets in Redis, shared by every hub process using the same REDIS_URL and
 * prefix. Commands fail fast while Redis is down (no offline queue) so that a
 * request is never held waiting for it; the policy decides what happens then.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private downSince: number | undefined;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly policy: RedisDownPolicy,
    private readonly log: Logger,
  ) {
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.redis.defineCommand('hubTakeTokens', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    this.redis.on('error', (err: Error) => this.markDown(err));
    this.redis.on('ready', () => {
      if (this.downSince !== undefined) this.log.warn('rate limiter: Redis reachable again; budgets shared');
      this.downSince = undefined;
    });
  }

  private markDown(err: unknown): void {
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    this.log.error(
      { err, policy: this.policy },
      this.policy === 'open'
        ? 'rate limiter: Redis unreachable; operations are served WITHOUT rate limits until it is back (RATE_LIMIT_FAIL_OPEN=true)'
        : 'rate limiter: Redis unreachable; operations are refused with RATE_LIMITED until it is back (RATE_LIMIT_FAIL_OPEN=false)',
    );
  }

  async take(key: string, cost: number, bucket: Bucket): Promise<BucketResult> {
    const command = (this.redis as unknown as { hubTakeTokens: TakeCommand }).hubTakeTokens.bind(this.redis);
    try {
      const [allowed, tokens] = await command(
        this.prefix + key,
        cost,
        bucket.capacity,
        bucket.windowSeconds * 1000,
      );
      return outcome(Number(tokens), cost, allowed === 1, bucket);
    } catch (err) {
      this.markDown(err);
      if (this.policy === 'open')
        return { allowed: true, remaining: bucket.capacity, retryAfter: 0, reset: 0 };
      throw new RedisUnavailableError('rate-limit store unavailable');
    }
  }

  /** Waits for the first connection, at most `timeoutMs`, so that start-up does not serve unmetered. */
  async ready(timeoutMs = 3000): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
