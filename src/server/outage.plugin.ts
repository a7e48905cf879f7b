import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { ErrorCode } from '../common/errors.js';
import { retryAfter } from '../db/outage.js';
import type { HubContext } from './context.js';

/** Marks a response as an outage: HTTP 503 with Retry-After, whatever Apollo chose. */
export function markUnavailable(requestContext: GraphQLRequestContextWillSendResponse<HubContext>): void {
  requestContext.response.http.status = 503;
  requestContext.response.http.headers.set('retry-after', String(retryAfter()));
}

/**
 * An operation that met an outage (an error the formatter coded SERVICE_UNAVAILABLE)
 * is answered 503 with Retry-After, never 200 or 500, so clients and load balancers
 * can tell "try again" from "a bug".
 */
export const outagePlugin: ApolloServerPlugin<HubContext> = {
  async requestDidStart() {
    return {
      async willSendResponse(requestContext) {
        const { body } = requestContext.response;
        const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
        if (errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
          markUnavailable(requestContext);
        }
      },
    };
  },
};
