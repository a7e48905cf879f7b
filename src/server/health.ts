import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { HubConfig } from '../config/config.js';
import type { HubOrm } from '../db/orm.js';
import { isDatabaseUnavailable, retryAfter } from '../db/outage.js';

/** Whether the hub should be sent traffic; set to draining when shutdown begins. */
export interface Readiness {
  draining: boolean;
}

interface ReadyRow {
  log_writable: boolean;
  standby: boolean;
  read_only: string;
}

/**
 * Can the access log be appended to right now? The database must answer, accept
 * writes (not a standby, not read-only) and let this role insert into the log: a
 * governed read is refused when its record cannot be written, so that is readiness.
 */
async function accessLogWritable(orm: HubOrm): Promise<boolean> {
  const [row] = await orm.em.fork().execute<ReadyRow[]>(
    `select has_table_privilege('audit_access_log', 'INSERT') as log_writable,
        pg_is_in_recovery() as standby, current_setting('transaction_read_only') as read_only`,
  );
  return Boolean(row?.log_writable) && !row?.standby && row?.read_only !== 'on';
}

/**
 * GET /healthz is liveness: the process is up and serving HTTP. It never touches
 * the database, so an outage does not make an orchestrator restart every instance.
 * GET /readyz is readiness: the database answers and the access log is writable,
 * and the hub is not shutting down; 503 with Retry-After otherwise.
 */
export function registerHealthRoutes(
  http: FastifyInstance,
  { orm, config, log, readiness }: { orm: HubOrm; config: HubConfig; log: Logger; readiness: Readiness },
): void {
  const database = config.databaseUrl ? 'postgresql' : 'pglite';
  http.get('/healthz', async () => ({ status: 'ok', database }));

  http.get('/readyz', async (_req, reply) => {
    const unavailable = (reason: string) =>
      reply
        .code(503)
        .header('retry-after', String(retryAfter()))
        .send({ status: 'unavailable', database, reason });
    if (readiness.draining) return unavailable('shutting down');
    try {
      if (!(await accessLogWritable(orm))) return await unavailable('the access log is not writable');
      return { status: 'ready', database };
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        log.warn({ err }, 'readiness: the database cannot be reached');
        return unavailable('the database cannot be reached');
      }
      log.error({ err }, 'readiness check failed');
      return unavailable('the readiness check failed');
    }
  });
}
