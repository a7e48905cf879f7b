import type { FastifyError, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ErrorCode } from '../../common/errors.js';
import { answersAsLegacyJson } from './accept.js';

interface Refusal {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
}

function refusalOf(err: FastifyError, bodyLimit: number): Refusal | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: ErrorCode.BAD_REQUEST, message: 'The request body is not valid JSON' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: ErrorCode.REQUEST_TOO_LARGE,
        message: `The request body is larger than the limit of ${bodyLimit} bytes`,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return err.statusCode === 415
        ? {
            status: 415,
            code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            message: 'Send GraphQL requests as application/json (POST) or as a GET query string',
          }
        : { status: 400, code: ErrorCode.BAD_REQUEST, message: 'The request could not be read' };
    default:
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        return {
          status: err.statusCode,
          code: ErrorCode.BAD_REQUEST,
          message: 'The request could not be read',
        };
      }
      return undefined;
  }
}

/**
 * Requests refused before Apollo sees them (malformed JSON, too large, wrong
 * content type) get a GraphQL-over-HTTP error body with a code, in the media
 * type the client accepts, instead of Fastify's own error shape.
 */
export function installHttpRefusals(http: FastifyInstance, bodyLimit: number, log: Logger): void {
  http.setErrorHandler((err: FastifyError, request, reply) => {
    const refusal = refusalOf(err, bodyLimit) ?? {
      status: 500,
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      message: 'Internal server error',
    };
    if (refusal.status >= 500) log.error({ err, requestId: request.id }, 'request failed before execution');
    const accept = request.headers.accept;
    void reply
      .code(refusal.status)
      .header(
        'content-type',
        answersAsLegacyJson(accept)
          ? 'application/json; charset=utf-8'
          : 'application/graphql-response+json; charset=utf-8',
      )
      .send(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] }));
  });
}
