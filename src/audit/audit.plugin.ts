import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { Logger } from 'pino';
import { ErrorCode } from '../common/errors.js';
import { isDatabaseUnavailable, unavailableFormattedError } from '../db/outage.js';
import { markUnavailable } from '../server/outage.plugin.js';
import type { HubContext } from '../server/context.js';
import type { AccessLogAppender } from './access-log.appender.js';

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
    if (!audit?.hasEntries) return;
    const started = performance.now();
    const ok = await writeOrWithhold(appender, log, requestContext, end);
    onAppend?.((performance.now() - started) / 1000, ok);
  } finally {
    // Already called once the record was queued; this covers every other way out.
    end?.();
  }
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
    );
    return true;
  } catch (err) {
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
