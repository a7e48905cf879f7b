import { GraphQLError } from 'graphql';
import { ErrorCode, HubError } from '../../common/errors.js';

/** Which limit refused an operation; the name appears in `extensions.limit`. */
export type LimitName =
  | 'cost'
  | 'depth'
  | 'aliases'
  | 'tokens'
  | 'directives'
  | 'rootFields'
  | 'selections'
  | 'nodes';

/** An operation refused before anything ran: the limit, its maximum and what the operation came to. */
export class QueryTooComplexError extends HubError {
  constructor(limit: LimitName, maximum: number, estimated: number) {
    super(
      ErrorCode.QUERY_TOO_COMPLEX,
      limit === 'cost'
        ? `The operation's estimated cost ${estimated} exceeds the limit of ${maximum}; ask for smaller pages or fewer lists`
        : `The operation exceeds the ${limit} limit of ${maximum} (found ${estimated})`,
      { limit, maximum, estimated },
    );
  }
}

/** The caller's budget or its share of the hub is used up; `retryAfter` says when to try again, in seconds. */
export class RateLimitedError extends HubError {
  constructor(message: string, retryAfter: number, extra: Record<string, number | string> = {}) {
    super(ErrorCode.RATE_LIMITED, message, { retryAfter, ...extra });
  }
}

/**
 * Wraps a coded error for Apollo with the HTTP status (and headers) it should
 * be answered with. The message and extensions still come from the one
 * formatter, which reads the HubError as the original error.
 */
export function withHttp(error: HubError, status: number, headers: ReadonlyMap<string, string> = new Map()) {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status, headers: new Map(headers) } },
  });
}
