import { RateLimitedError } from './limit-errors.js';

interface Waiter {
  readonly key: string;
  readonly start: () => void;
  readonly timer: NodeJS.Timeout | undefined;
}

/**
 * Caps operations executing at once, in total and per principal. Those over a
 * cap wait in order; a waiter whose principal is at its own cap does not hold
 * up other principals behind it, so one heavy client cannot fill the hub. A
 * wait longer than the queue timeout is refused with RATE_LIMITED.
 */
export class ExecutionGate {
  private running = 0;
  private readonly perKey = new Map<string, number>();
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly maxTotal: number,
    private readonly maxPerKey: number,
    private readonly queueTimeoutMs: number,
  ) {}

  get executing(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private canRun(key: string): boolean {
    return this.running < this.maxTotal && (this.perKey.get(key) ?? 0) < this.maxPerKey;
  }

  private begin(key: string): () => void {
    this.running++;
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const left = (this.perKey.get(key) ?? 1) - 1;
      if (left === 0) this.perKey.delete(key);
      else this.perKey.set(key, left);
      this.drain();
    };
  }

  private drain(): void {
    for (let i = 0; i < this.waiting.length && this.running < this.maxTotal; ) {
      const waiter = this.waiting[i]!;
      if (this.canRun(waiter.key)) {
        this.waiting.splice(i, 1);
        if (waiter.timer) clearTimeout(waiter.timer);
        waiter.start();
      } else i++;
    }
  }

  /** Resolves with the release function once the operation may execute. */
  acquire(key: string): Promise<() => void> {
    // Anyone still waiting while a slot is free waits for their own principal's cap: pass them.
    if (this.canRun(key)) return Promise.resolve(this.begin(key));
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
      const waiter: Waiter = { key, timer, start: () => resolve(this.begin(key)) };
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
