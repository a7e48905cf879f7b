import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config.js';
import { prepareDatabase } from './db/bootstrap.js';
import { describeDatabase } from './db/orm.js';
import { openDatabase } from './db/startup.js';
import { buildApp } from './server/app.js';
import { createLogger } from './server/logger.js';
import { handleTerminationSignals } from './server/shutdown.js';

async function main(): Promise<void> {
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
  const orm = await openDatabase(config, log);
  await prepareDatabase(orm, config, log);
  const app = await buildApp({ orm, config, log });
  const address = await app.http.listen({ port: config.port, host: config.host });
  log.info(
    { address: `${address}/graphql`, startupMillis: Math.round(performance.now() - started) },
    'hub is ready',
  );

  process.off('SIGTERM', duringStartup);
  process.off('SIGINT', duringStartup);
  handleTerminationSignals({ app, orm, log });
}

main().catch((err: unknown) => {
  process.stderr.write(`The hub could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.LOG_LEVEL === 'debug' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
