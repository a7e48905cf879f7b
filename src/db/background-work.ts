import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks work the hub does on its own behalf (sweeps, webhook deliveries, the
 * change listener) rather than for a request. Timers and promises started inside
 * `inBackground` carry the mark, so a statement count taken around a request
 * (QueryCounter) sees only that request's statements, however busy the
 * background is meanwhile.
 */
const marker = new AsyncLocalStorage<true>();

export function inBackground<T>(work: () => T): T {
  return marker.run(true, work);
}

export function isBackgroundWork(): boolean {
  return marker.getStore() === true;
}
