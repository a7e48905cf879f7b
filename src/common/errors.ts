/**
 * Every error a client can see carries one of these codes in `extensions.code`.
 * Anything else is masked as INTERNAL_SERVER_ERROR by the server's error formatter.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  /** A credit repair the rules forbid (publicity period not ended, already repaired). */
  REPAIR_NOT_ALLOWED = 'REPAIR_NOT_ALLOWED',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The request body is larger than REQUEST_BODY_LIMIT (HTTP 413). */
  REQUEST_TOO_LARGE = 'REQUEST_TOO_LARGE',
  /** The request's Content-Type is not one GraphQL over HTTP accepts (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** The result would be larger than MAX_RESPONSE_BYTES. */
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  /** The operation ran past OPERATION_TIMEOUT_MS; its outstanding SQL was cancelled. */
  OPERATION_TIMEOUT = 'OPERATION_TIMEOUT',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST = 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** TRUSTED_DOCUMENTS=required and the operation is not a trusted document. */
  TRUSTED_DOCUMENT_REQUIRED = 'TRUSTED_DOCUMENT_REQUIRED',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  /** The database or the access log cannot be reached: HTTP 503, retry after `retryAfter` seconds. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Codes whose messages were written for clients and may be shown as they are. */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set(
  Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
);

export type ErrorDetails = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/**
 * Base of every error the hub raises on purpose. Modules subclass it so a log
 * line says which domain raised it; the server maps `code` to a GraphQL error.
 */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends HubError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, details);
  }
}

export class NotFoundError extends HubError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(ErrorCode.NOT_FOUND, message, details);
  }
}
