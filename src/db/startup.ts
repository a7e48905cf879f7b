import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { HubConfig } from '../config/config.js';
import { createOrm, type HubOrm, type MappedEntities, type OrmOverrides } from './orm.js';
import { isDatabaseUnavailable } from './outage.js';

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5000;

/**
 * Opens the database at start-up, retrying one that is not up yet (refused, reset,
 * timed out, starting up) with exponential backoff for DB_STARTUP_WAIT_SECONDS and a
 * log line per try. Anything else (bad password, unknown database, a held PGlite
 * lock) fails at once: waiting would not fix it.
 */
export async function openDatabase(
  mapped: MappedEntities,
  config: HubConfig,
  log: Logger,
  overrides: OrmOverrides = {},
  now: () => number = Date.now,
): Promise<HubOrm> {
  const deadline = now() + config.dbStartupWaitSeconds * 1000;
  let delay = FIRST_DELAY_MS;
  for (let attempt = 1; ; attempt++) {
    let orm: HubOrm | undefined;
    try {
      orm = await createOrm(mapped, config, overrides);
      await orm.em.fork().execute('select 1');
      if (attempt > 1) log.info({ attempt }, 'the database is up');
      return orm;
    } catch (err) {
      await orm?.close(true).catch(() => undefined);
      const left = deadline - now();
      if (!isDatabaseUnavailable(err) || left <= 0) throw err;
      const wait = Math.min(delay, left);
      log.warn(
        { attempt, retryInMs: wait, secondsLeft: Math.ceil(left / 1000), reason: (err as Error).message },
        'the database is not reachable yet; retrying',
      );
      await sleep(wait);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}
