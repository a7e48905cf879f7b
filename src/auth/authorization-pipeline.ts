import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { auditOperation, type AccessLogAppender } from '../audit/index.js';
import type { HubContext } from '../server/context.js';
import type { CatalogFieldEntry } from './catalog.js';
import { resolvePurpose } from './purpose-argument.js';
import { refuseDenied } from './reject-mode.js';

export interface PipelineOptions {
  /** The hub's group-commit appender for the records of reads. */
  readonly appender: AccessLogAppender;
  readonly log: Logger;
  readonly catalog: ReadonlyMap<string, CatalogFieldEntry>;
  readonly mode: 'partial' | 'reject';
  /** `npm run bench` only: purpose resolution runs, nothing is decided or logged. */
  readonly decide: boolean;
  /** Told how long each access-log append took and whether it was written (metrics). */
  readonly onAppend?: (seconds: number, ok: boolean) => void;
}

/**
 * The one ordered authorization pipeline of every operation, as one plugin so
 * that the order is the order of the statements below, not an accident of how
 * Apollo starts several plugins' hooks together:
 *
 * 1. purpose resolution: the X-Purpose header or a root field's `purpose` argument;
 * 2. grants preload: the caller's active agreements, once (every later decision is synchronous);
 *    a query takes them from the process's kept copy when there is one (src/auth/agreements/grant-cache.ts);
 * 3. reject mode: every selected field and every root input decided before execution,
 *    the whole operation refused if any is denied;
 * 4. execution: field rules (graphql-shield, src/auth/shield.ts), input rules on root
 *    fields (src/auth/input-policy.ts), derived values redacted by their resolvers, each
 *    decided by AccessControl from the catalog;
 * 5. audit: one access-log record per operation that read conditional data or was
 *    denied anything, written before the response leaves (or the response is withheld);
 *    an operation decided from kept grants is served only if the database confirms
 *    they are still in force (inside that append, or by one statement when there is no record).
 */
export function authorizationPipeline(options: PipelineOptions): ApolloServerPlugin<HubContext> {
  const { appender, log, catalog, mode, decide, onAppend } = options;
  return {
    async requestDidStart() {
      // From here until its audit step this operation may still hand the appender a record:
      // records of operations finishing beside it wait for it (see AccessLogAppender.begin).
      const end = decide ? appender.begin() : undefined;
      return {
        async didResolveOperation(step) {
          resolvePurpose(step);
          if (!decide) return;
          // A query may be decided from the process's kept grants, confirmed before it is answered (audit step).
          await step.contextValue.access.preloadGrants(step.operation?.operation === 'query');
          if (mode === 'reject') refuseDenied(step, catalog);
        },
        async willSendResponse(requestContext) {
          if (decide) await auditOperation(appender, log, requestContext, onAppend, end);
        },
      };
    },
  };
}
