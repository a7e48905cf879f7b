import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DefaultLogger,
  type LogContext,
  type Logger as OrmLogger,
  type LoggerNamespace,
  type LoggerOptions,
  type Options,
} from '@mikro-orm/core';
import type { Logger } from 'pino';

/**
 * MikroORM's own lines (the migrator's "Processing …/Applied …", warnings, and SQL when
 * debug is on) written through pino, so the hub's output stays one JSON object a line
 * instead of MikroORM's coloured text. SQL parameters are never logged: they are data.
 */
export function pinoOrmLoggerFactory(log: Logger): NonNullable<Options['loggerFactory']> {
  const orm = log.child({ component: 'orm' });
  return (options: LoggerOptions) =>
    new (class extends DefaultLogger {
      override log(namespace: LoggerNamespace, message: string, context?: LogContext): void {
        if (!this.isEnabled(namespace, context)) return;
        const text = message.replace(/\s+/g, ' ').trim();
        const fields = { namespace, ...(context?.label ? { label: context.label } : {}) };
        if (context?.level === 'error') orm.error(fields, text);
        else if (context?.level === 'warning') orm.warn(fields, text);
        else orm.info(fields, text);
      }
      override logQuery(context: LogContext): void {
        const namespace = context.namespace ?? 'query';
        if (!this.isEnabled(namespace, context)) return;
        orm.debug({ namespace, sql: context.query, tookMillis: context.took }, 'sql');
      }
    })(options);
}

/** A backend running statements of one request (src/db/statement-cancel.ts). */
export interface RunningStatement {
  count: number;
  readonly cancel: (pidsNow: () => number[]) => Promise<void>;
  /** Its cancel was asked for at the request's deadline. */
  cancelled: boolean;
}

/** SQL statements and milliseconds spent on behalf of one request. */
export interface SqlTally {
  statements: number;
  millis: number;
  /** PostgreSQL backend pid → the statements it is running for this request (pooled PostgreSQL only). */
  running?: Map<number, RunningStatement>;
  /** Set when the request passed its execution deadline (ms): its cancelled statements are timeouts. */
  deadlineMs?: number;
}

/**
 * The tally of the request being served. The HTTP layer runs each GraphQL request in
 * `sqlTallies.run(...)`, so every statement issued on its behalf (through the query
 * builder, `em.find` or `em.execute`, on any fork) lands in its tally.
 */
export const sqlTallies = new AsyncLocalStorage<SqlTally>();

/**
 * Wraps a logger factory so that every statement is counted in the current request's
 * tally, whatever the debug setting. The inner logger still decides what it writes.
 */
export function observeSql(
  factory: NonNullable<Options['loggerFactory']>,
): NonNullable<Options['loggerFactory']> {
  return (options: LoggerOptions): OrmLogger => {
    const logger = factory(options);
    const inner = logger.logQuery.bind(logger);
    logger.logQuery = (context: LogContext) => {
      const tally = sqlTallies.getStore();
      if (tally && context.query) {
        tally.statements += 1;
        tally.millis += context.took ?? 0;
      }
      inner(context);
    };
    return logger;
  };
}
