import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { HubOrm } from '../db/orm.js';
import type { Readiness } from './health.js';

/** What a shutdown stops (a HubApp is one; typed by shape so app.ts and this file do not import each other). */
export interface Stoppable {
  readonly readiness: Readiness;
  readonly apollo: { stop(): Promise<void> };
}

/**
 * Apollo's drain step, with the grace period as a setting: stop accepting, let the
 * operations in flight finish (each writes its access-log record before its response
 * leaves), and after `graceMs` close the connections that are still open.
 */
export function drainPlugin(http: FastifyInstance, graceMs: number, log: Logger): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          const timer = setTimeout(() => {
            log.warn({ graceMs }, 'grace period over: closing the connections still open');
            http.server.closeAllConnections();
          }, graceMs);
          try {
            await http.close();
          } finally {
            clearTimeout(timer);
          }
        },
      };
    },
  };
}

/**
 * Takes over SIGTERM and SIGINT (Apollo's own handler is off: it would re-raise the
 * signal and exit 143): readiness goes to 503, HTTP drains, the pool or PGlite and its
 * lock are closed, the log is flushed, and the process exits 0 (1 if a step failed).
 */
export function handleTerminationSignals({
  app,
  orm,
  log,
}: {
  app: Stoppable;
  orm: HubOrm;
  log: Logger;
}): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    const started = performance.now();
    log.info({ signal }, 'shutting down: no new requests, finishing those in flight');
    app.readiness.draining = true;
    let code = 0;
    try {
      await app.apollo.stop();
    } catch (err) {
      code = 1;
      log.error({ err }, 'could not stop the HTTP server cleanly');
    }
    try {
      await orm.close(true);
    } catch (err) {
      code = 1;
      log.error({ err }, 'could not close the database cleanly');
    }
    log.info({ signal, millis: Math.round(performance.now() - started), exitCode: code }, 'shut down');
    log.flush(() => process.exit(code));
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}
