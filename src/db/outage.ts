import { ConnectionException } from '@mikro-orm/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, HubError } from '../common/errors.js';
import { DEADLINE_MARK } from './statement-cancel.js';

/**
 * The one place that decides whether an error means "the database cannot be
 * reached right now" (an outage the client should retry) rather than a bug.
 * Everything else stays what it was: a coded HubError or a masked 500.
 */

/** Node socket errors of a connection that could not be made or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTCONN',
]);

/**
 * SQLSTATEs of a server that is not there for us: class 08 (connection exception),
 * 57P01-57P05 (shutdown, crash, starting up, dropped database, idle timeout), 53300
 * (too many connections) and 57014 (statement cancelled: the statement timeout; a cancel
 * the hub sent at an operation's deadline is told apart by `deadlineCancelMs`).
 */
function unavailableSqlState(code: string): boolean {
  return code.startsWith('08') || /^57P0[1-5]$/.test(code) || code === '53300' || code === '57014';
}

/** What `pg`, `pg-pool`, kysely and PGlite say when the connection is gone or timed out. */
const MESSAGES = [
  /connection terminated/i, // pg: "Connection terminated unexpectedly", "... due to connection timeout"
  /timeout exceeded when trying to connect/i, // pg-pool: acquire/connect timeout
  /query read timeout/i, // pg: client-side query_timeout (a frozen server)
  /client has encountered a connection error and is not queryable/i,
  /cannot use a pool after calling end/i,
  /connection (is )?(closed|ended)/i,
  /pglite is closed/i,
  /driver has already been destroyed/i,
];

function ownCode(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Errors this one wraps: `cause`, GraphQL's `originalError`, AggregateError's `errors`. */
function wrapped(error: object): unknown[] {
  const out: unknown[] = [];
  const { cause, originalError, errors } = error as {
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  if (cause) out.push(cause);
  if (originalError) out.push(originalError);
  if (Array.isArray(errors)) out.push(...(errors as unknown[]));
  return out;
}

/**
 * The deadline (ms) when `error` (or an error it wraps) is a statement the hub itself
 * cancelled because its operation passed the execution deadline; else undefined.
 */
export function deadlineCancelMs(error: unknown, depth = 0): number | undefined {
  if (!error || typeof error !== 'object' || depth > 8) return undefined;
  const mark = (error as Record<string, unknown>)[DEADLINE_MARK];
  if (typeof mark === 'number') return mark;
  for (const inner of wrapped(error)) {
    const found = deadlineCancelMs(inner, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** True when `error` (or an error it wraps) says the database could not be reached in time. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 8) return false;
  // 57014 that we asked for at the deadline is the operation's timeout, not an outage.
  if (depth === 0 && deadlineCancelMs(error) !== undefined) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  if (error instanceof HubError) return false;
  if (error instanceof ConnectionException) return true;
  const code = ownCode(error);
  if (code !== undefined && (NETWORK_CODES.has(code) || unavailableSqlState(code))) return true;
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
  return wrapped(error).some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** Seconds a client is told to wait before retrying (Retry-After); set once at start-up. */
let retryAfterSeconds = 5;

export function setRetryAfterSeconds(seconds: number): void {
  retryAfterSeconds = seconds;
}

export function retryAfter(): number {
  return retryAfterSeconds;
}

const MESSAGE = 'The service is temporarily unavailable: its database cannot be reached. Retry later.';

/** Extensions of every SERVICE_UNAVAILABLE error: the code and when to retry. */
export function unavailableExtensions(): { code: ErrorCode; retryable: true; retryAfter: number } {
  return { code: ErrorCode.SERVICE_UNAVAILABLE, retryable: true, retryAfter: retryAfterSeconds };
}

/** Thrown on purpose where the hub itself decides the database is not there. */
export class DatabaseUnavailableError extends HubError {
  constructor(message = MESSAGE) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, { retryable: true, retryAfter: retryAfterSeconds });
  }
}

/** The formatted error a client sees for an outage, whatever the driver said. */
export function unavailableFormattedError(
  base: Pick<GraphQLFormattedError, 'locations' | 'path'> = {},
  message = MESSAGE,
): GraphQLFormattedError {
  return { message, locations: base.locations, path: base.path, extensions: unavailableExtensions() };
}

/**
 * For errors raised before Apollo runs its plugins (context creation, e.g. an API
 * key lookup): the HTTP status and Retry-After travel in `extensions.http`.
 */
export function unavailableGraphQLError(): GraphQLError {
  return new GraphQLError(MESSAGE, {
    extensions: {
      ...unavailableExtensions(),
      http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
