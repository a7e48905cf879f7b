import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { idleCollector } from '../../src/server/idle-gc.js';

describe('idle garbage collection', () => {
  it('collects once after requests were served and the hub stayed quiet, never while one is in flight', async () => {
    let calls = 0;
    const flavors: unknown[] = [];
    const idle = idleCollector(100, (options) => {
      calls++;
      flavors.push(options?.flavor);
    });
    try {
      // Nothing served yet: nothing to give back.
      await sleep(250);
      expect(calls).toBe(0);

      idle.begin();
      // A request in flight for longer than the quiet period: no collection under it.
      await sleep(250);
      expect(calls).toBe(0);
      idle.end();
      await sleep(250);
      expect(calls).toBe(1);
      expect(idle.collections).toBe(1);

      // Still quiet, nothing new served: no second collection.
      await sleep(250);
      expect(calls).toBe(1);

      idle.begin();
      idle.end();
      await sleep(250);
      expect(calls).toBe(2);
      // The memory-reducing collection, which gives freed pages back to the system.
      expect(flavors).toEqual(['last-resort', 'last-resort']);
    } finally {
      idle.close();
    }
  });

  it('does nothing without gc (node started without --expose-gc) or with a quiet period of 0', async () => {
    const none = idleCollector(100, undefined);
    none.begin();
    none.end();
    await sleep(200);
    expect(none.collections).toBe(0);
    none.close();

    let calls = 0;
    const off = idleCollector(0, () => calls++);
    off.begin();
    off.end();
    await sleep(200);
    expect(calls).toBe(0);
    off.close();
  });
});
