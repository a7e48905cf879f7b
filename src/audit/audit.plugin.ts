import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { Logger } from 'pino';
import { ErrorCode } from '../common/errors.js';
import type { HubOrm } from '../db/orm.js';
import type { HubContext } from '../server/context.js';
import { appendAccessLog } from './access-log.append.js';

/**
 * Writes one access-log record per operation whose recorder has something to say
 * (a logged read or a denial), including operations refused before execution.
 *
 * Fails closed: if the record cannot be written, the response is replaced by an
 * INTERNAL_SERVER_ERROR, because a governed hub must never serve data it has not
 * logged. willSendResponse runs before Apollo serialises the body, so replacing
 * it here is enough to keep the data from leaving.
 */
export function auditPlugin({ orm, log }: { orm: HubOrm; log: Logger }): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext) {
          await auditOperation(orm, log, requestContext);
        },
      };
    },
  };
}

/** The audit step of the authorization pipeline (src/auth/authorization-pipeline.ts). */
export async function auditOperation(
  orm: HubOrm,
  log: Logger,
  requestContext: GraphQLRequestContextWillSendResponse<HubContext>,
): Promise<void> {
  const audit = requestContext.contextValue?.audit;
  if (!audit?.hasEntries) return;
  await writeOrWithhold(orm, log, requestContext);
}

async function writeOrWithhold(
  orm: HubOrm,
  log: Logger,
  requestContext: GraphQLRequestContextWillSendResponse<HubContext>,
): Promise<void> {
  const ctx = requestContext.contextValue;
  const summary = ctx.audit.summary();
  const operationName = requestContext.operationName ?? requestContext.request.operationName ?? null;
  try {
    await appendAccessLog(orm.em.fork(), {
      principal: ctx.principal,
      purpose: ctx.purpose,
      operationName,
      document: requestContext.source ?? '',
      requestId: ctx.requestId,
      summary,
    });
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
  }
}
