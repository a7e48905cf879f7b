import { RateLimitedError } from './limit-errors.js';

interface Waiter {
  readonly key: string;
  readonly weight: number;
  readonly start: () => void;
  readonly timer: NodeJS.Timeout | undefined;
}

/**
 * Caps operations executing at once: in number, in number per principal, and in
 * estimated cost (the sum of the costs executing). Those over a cap wait in
 * order; a waiter that cannot start yet (its principal at its cap, or its cost
 * not fitting) does not hold up smaller operations behind it, so heavy clients
 * cannot fill the hub and a small request starts at once. An operation costlier
 * than the whole cost cap runs alone. A wait longer than the queue timeout is
 * refused with RATE_LIMITED.
 */
export class ExecutionGate {
  private running = 0;
  private inFlightCost = 0;
  private readonly perKey = new Map<string, number>();
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly maxTotal: number,
    private readonly maxPerKey: number,
    private readonly queueTimeoutMs: number,
    private readonly maxCost = Number.POSITIVE_INFINITY,
  ) {}

  get executing(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private canRun(key: string, weight: number): boolean {
    return (
      this.running < this.maxTotal &&
      (this.perKey.get(key) ?? 0) < this.maxPerKey &&
      (this.inFlightCost + weight <= this.maxCost || this.running === 0)
    );
  }

  private begin(key: string, weight: number): () => void {
    this.running++;
    this.inFlightCost += weight;
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.inFlightCost -= weight;
      const left = (this.perKey.get(key) ?? 1) - 1;
      if (left === 0) this.perKey.delete(key);
      else this.perKey.set(key, left);
      this.drain();
    };
  }

  private drain(): void {
    for (let i = 0; i < this.waiting.length && this.running < this.maxTotal; ) {
      const waiter = this.waiting[i]!;
      if (this.canRun(waiter.key, waiter.weight)) {
        this.waiting.splice(i, 1);
        if (waiter.timer) clearTimeout(waiter.timer);
        waiter.start();
      } else i++;
    }
  }

  /** Resolves with the release function once the operation may execute. */
  acquire(key: string, weight = 0): Promise<() => void> {
    // Anyone still waiting while this one fits waits for their own cap: pass them.
    if (this.canRun(key, weight)) return Promise.resolve(this.begin(key, weight));
    return new Promise((resolve, reject) => {
      const timer =
        this.queueTimeoutMs > 0
          ? setTimeout(() => {
              const at = this.waiting.indexOf(waiter);
              if (at >= 0) this.waiting.splice(at, 1);
              reject(
                new RateLimitedError(
                  'The hub is busy with your other operations or with other clients; try again shortly',
                  Math.max(1, Math.ceil(this.queueTimeoutMs / 1000)),
                  { limit: 'concurrency' },
                ),
              );
            }, this.queueTimeoutMs)
          : undefined;
      const waiter: Waiter = { key, weight, timer, start: () => resolve(this.begin(key, weight)) };
      if (!timer) {
        reject(
          new RateLimitedError('The hub is busy; try again shortly', 1, {
            limit: 'concurrency',
          }),
        );
        return;
      }
      this.waiting.push(waiter);
    });
  }
}
