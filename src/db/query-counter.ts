import { isBackgroundWork } from './background-work.js';
import { DefaultLogger, type LogContext, type LoggerNamespace, type LoggerOptions } from '@mikro-orm/core';

/**
 * A MikroORM logger that counts the SQL statements the driver sends. Tests use it
 * to prove that a list of N enterprises costs a fixed number of statements.
 * The hub's own background work (see background-work.ts) is not counted.
 */
export class QueryCounter {
  readonly statements: string[] = [];
  /** While paused nothing is recorded, so a long benchmark does not hold every statement it sent. */
  paused = false;

  get count(): number {
    return this.statements.length;
  }

  reset(): void {
    this.statements.length = 0;
  }

  loggerFactory = (options: LoggerOptions): DefaultLogger => {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const counter = this;
    return new (class extends DefaultLogger {
      override logQuery(context: LogContext): void {
        if (context.query && !counter.paused && !isBackgroundWork()) counter.statements.push(context.query);
      }
      // Counts only; migrator and discovery chatter stays out of test output.
      override log(): void {}
      override isEnabled(namespace: LoggerNamespace, context?: LogContext): boolean {
        return namespace === 'query' || super.isEnabled(namespace, context);
      }
    })({ ...options, debugMode: ['query'] });
  };
}
