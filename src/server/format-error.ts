import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode, HubError, PUBLIC_ERROR_CODES } from '../common/errors.js';
import { deadlineCancelMs, isDatabaseUnavailable, unavailableFormattedError } from '../db/outage.js';
import { OperationTimeoutError } from './limits/operation-timeout.js';

/** Walks `originalError` links down to the error that was thrown first. */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10; depth++) {
    const next = (current as { originalError?: unknown } | null)?.originalError;
    if (!next) return current;
    current = next;
  }
  return current;
}

/** Longest message a client gets; graphql-js quotes a whole rejected variable value in its messages. */
export const MESSAGE_MAX = 1000;

/** Keeps the start (which variable) and the end (which rule), dropping the quoted value between. */
export function boundedMessage(message: string): string {
  if (message.length <= MESSAGE_MAX) return message;
  return `${message.slice(0, 300)} …(${message.length - 800} characters cut)… ${message.slice(-500)}`;
}

/**
 * The one place that decides what a client sees of an error: coded errors pass
 * with their message; anything else becomes INTERNAL_SERVER_ERROR with no stack,
 * SQL or driver text, and the full error goes to the log.
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const cause = rootCause(error);
    const base = {
      message: boundedMessage(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
    };
    if (cause instanceof HubError) {
      return {
        ...base,
        message: boundedMessage(cause.message),
        extensions: { code: cause.code, ...cause.details },
      };
    }
    // A custom scalar rejected a literal: graphql-js reports a validation error, but
    // the client's mistake is bad input, and the scalar's message says which rule.
    if (
      cause instanceof GraphQLError &&
      cause !== error &&
      cause.extensions.code === ErrorCode.BAD_USER_INPUT
    ) {
      return { ...base, extensions: { ...cause.extensions } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_ERROR_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions: { ...extensions, code } };
    }
    // A statement the hub cancelled at the operation's deadline: the operation timed out.
    const deadlineMs = deadlineCancelMs(cause) ?? deadlineCancelMs(error);
    if (deadlineMs !== undefined) {
      const timeout = new OperationTimeoutError(deadlineMs);
      return { ...base, message: timeout.message, extensions: { code: timeout.code, ...timeout.details } };
    }
    // An outage is a product state, not a bug: coded, retryable, answered 503 by outagePlugin.
    if (isDatabaseUnavailable(cause) || isDatabaseUnavailable(error)) {
      log.warn({ err: cause, path: formatted.path }, 'the database could not be reached');
      return unavailableFormattedError(base);
    }
    log.error({ err: cause, path: formatted.path }, 'unexpected error while executing an operation');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
