import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { Logger } from 'pino';
import { ErrorCode } from '../common/errors.js';
import { isDatabaseUnavailable, unavailableFormattedError } from '../db/outage.js';
import { markUnavailable } from '../server/outage.plugin.js';
import type { HubContext } from '../server/context.js';
import type { AccessLogAppender } from './access-log.appender.js';
import { StaleGrantsError } from './access-log.batch.js';

/**
 * Writes one access-log record per operation whose recorder has something to say
 * (a logged read or a denial), including operations refused before execution.
 *
 * Fails closed: if the record cannot be written, the response is replaced by an
 * error, because a governed hub must never serve data it has not logged: HTTP 503
 * SERVICE_UNAVAILABLE (retryable) when the log's database cannot be reached, HTTP 500
 * INTERNAL_SERVER_ERROR for anything else. willSendResponse runs before Apollo serialises the body, so replacing
 * it here is enough to keep the data from leaving. Records go through the hub's
 * group-commit appender (src/audit/access-log.appender.ts): the response waits for
 * the batch holding its record to commit, and is withheld if that batch fails.
 */
export interface AuditPluginDeps {
  readonly appender: AccessLogAppender;
  readonly log: Logger;
  /** Told how long each append took and whether it was written (metrics). */
  readonly onAppend?: (seconds: number, ok: boolean) => void;
}

export function auditPlugin({ appender, log, onAppend }: AuditPluginDeps): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          await auditOperation(appender, log, requestContext, onAppend);
        },
      };
    },
  };
}

/** The audit step of the authorization pipeline (src/auth/authorization-pipeline.ts). */
export async function auditOperation(
  appender: AccessLogAppender,
  log: Logger,
  requestContext: GraphQLRequestContextWillSendResponse<HubContext>,
  onAppend?: AuditPluginDeps['onAppend'],
  /** What AccessLogAppender.begin() returned for this operation: called once its record is queued, or at once if it has none. */
  end?: () => void,
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Apollo passes an empty contextValue when creating the context failed (e.g. UNAUTHENTICATED)
  const audit = requestContext.contextValue?.audit;
  try {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
    if (!audit) return;
    if (!audit.hasEntries) {
      // Nothing to log, but decided from kept grants: confirmed by one statement before it is served.
      if (requestContext.contextValue.access.unconfirmedGrants !== undefined)
        await confirmOrWithhold(log, requestContext);
      return;
    }
    const started = performance.now();
    const ok = await writeOrWithhold(appender, log, requestContext, end);
    onAppend?.((performance.now() - started) / 1000, ok);
  } finally {
    // Already called once the record was queued; this covers every other way out.
    end?.();
  }
}

/**
 * The operation was decided from kept grants that are no longer in force: nothing
 * of this execution is served. The copy is dropped, and the HTTP route runs the
 * operation again on fresh grants (src/server/graphql-route.ts); should this answer
 * leave anyway, it is a retryable 503.
 */
function withholdStale(requestContext: GraphQLRequestContextWillSendResponse<HubContext>): void {
  const ctx = requestContext.contextValue;
  ctx.access.forgetKeptGrants();
  if (ctx.grantsRetry) ctx.grantsRetry.stale = true;
  requestContext.response.body = {
    kind: 'single',
    singleResult: {
      errors: [
        unavailableFormattedError(
          {},
          'The service is temporarily unavailable: your sharing agreements changed while the operation ran, so no data was served. Retry.',
        ),
      ],
    },
  };
  markUnavailable(requestContext);
}

async function confirmOrWithhold(
  log: Logger,
  requestContext: GraphQLRequestContextWillSendResponse<HubContext>,
): Promise<void> {
  let confirmed: boolean;
  try {
    confirmed = await requestContext.contextValue.access.confirmGrants();
  } catch (err) {
    log.error(
      { err, requestId: requestContext.contextValue.requestId },
      'could not confirm the kept grants; the response was withheld',
    );
    requestContext.response.body = {
      kind: 'single',
      singleResult: { errors: [unavailableFormattedError({})] },
    };
    markUnavailable(requestContext);
    return;
  }
  if (!confirmed) withholdStale(requestContext);
}

async function writeOrWithhold(
  appender: AccessLogAppender,
  log: Logger,
  requestContext: GraphQLRequestContextWillSendResponse<HubContext>,
  end: (() => void) | undefined,
): Promise<boolean> {
  const ctx = requestContext.contextValue;
  const summary = ctx.audit.summary();
  const operationName = requestContext.operationName ?? requestContext.request.operationName ?? null;
  try {
    await appender.append(
      {
        principal: ctx.principal,
        purpose: ctx.purpose,
        operationName,
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed string, absent for a document sent by hash only
        document: requestContext.source ?? '',
        requestId: ctx.requestId,
        summary,
      },
      end,
      ctx.access.unconfirmedGrants,
    );
    return true;
  } catch (err) {
    if (err instanceof StaleGrantsError) {
      withholdStale(requestContext);
      return false;
    }
    // Everything the record would have held goes to the log, so the access is still on file somewhere.
    log.error(
      {
        err,
        requestId: ctx.requestId,
        principal: {
          id: ctx.principal.id,
          organisation: ctx.principal.organisation,
          kind: ctx.principal.kind,
        },
        purpose: ctx.purpose ?? null,
        operationName,
        summary,
      },
      'could not write the access log; the response was withheld',
    );
    if (isDatabaseUnavailable(err)) {
      requestContext.response.body = {
        kind: 'single',
        singleResult: {
          errors: [
            unavailableFormattedError(
              {},
              'The service is temporarily unavailable: the access could not be recorded, so no data was served. Retry later.',
            ),
          ],
        },
      };
      markUnavailable(requestContext);
      return false;
    }
    requestContext.response.body = {
      kind: 'single',
      singleResult: {
        errors: [
          {
            message: 'Internal server error: the access could not be recorded, so no data was served',
            extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
          },
        ],
      },
    };
    requestContext.response.http.status = 500;
    return false;
  }
}
