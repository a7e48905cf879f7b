import type { Logger } from 'pino';
import { ConfigError, loadConfig, type HubConfig } from '../config/config.js';
import { prepareDatabase } from '../db/bootstrap.js';
import { describeDatabase, type HubOrm } from '../db/orm.js';
import { openDatabase } from '../db/startup.js';
import { buildApp } from './app.js';
import type { Hub } from './hub-module.js';
import { createLogger } from './logger.js';
import { handleTerminationSignals } from './shutdown.js';

export interface StartOptions {
  /**
   * Fills a database that holds no enterprise, after the migrations and before the hub
   * serves. Only the demo entry (seeds/demo-hub.ts, `npm start`) gives one.
   */
  readonly onEmptyDatabase?: (orm: HubOrm, config: HubConfig, log: Logger) => Promise<void>;
}

async function start(hub: Hub, options: StartOptions): Promise<void> {
  const started = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config);
  log.info({ database: describeDatabase(config) }, 'starting the Inter-Agency Data Hub');
  // Until the hub serves, a stop signal just ends start-up; exiting runs the PGlite lock's release.
  const duringStartup = (signal: NodeJS.Signals) => {
    log.warn({ signal }, 'stopped during start-up');
    log.flush(() => process.exit(1));
  };
  process.once('SIGTERM', duringStartup);
  process.once('SIGINT', duringStartup);
  const orm = await openDatabase(hub, config, log);
  const onEmpty = options.onEmptyDatabase;
  await prepareDatabase(orm, log, onEmpty && ((db) => onEmpty(db, config, log)));
  const app = await buildApp({ hub, orm, config, log });
  const address = await app.http.listen({ port: config.port, host: config.host });
  log.info(
    { address: `${address}/graphql`, startupMillis: Math.round(performance.now() - started) },
    'hub is ready',
  );

  process.off('SIGTERM', duringStartup);
  process.off('SIGINT', duringStartup);
  handleTerminationSignals({ app, orm, log });
}

/**
 * Starts `hub` as a process: settings, database (migrated), HTTP, signals. A bad setting
 * exits 2, any other start-up failure exits 1 with one line on stderr.
 */
export function runHub(hub: Hub, options: StartOptions = {}): void {
  start(hub, options).catch((err: unknown) => {
    process.stderr.write(`The hub could not start: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.LOG_LEVEL === 'debug' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exit(1);
  });
}
