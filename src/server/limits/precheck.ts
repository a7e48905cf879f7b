import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parse, type GraphQLSchema } from 'graphql';
import { answersAsLegacyJson, requestErrorStatus } from './accept.js';
import { QueryTooComplexError } from './limit-errors.js';
import { checkStructure, checkTokens, type StructureLimits } from './structure.js';

/** Documents that passed, so a repeated operation is not lexed and walked again. */
const PASSED_CACHE_SIZE = 500;
const CACHEABLE_LENGTH = 16 * 1024;

function queryOf(request: FastifyRequest): string | undefined {
  const source = request.method === 'GET' ? request.query : request.body;
  const query = (source as { query?: unknown } | null | undefined)?.query;
  return typeof query === 'string' ? query : undefined;
}

/**
 * The document's shape (tokens, depth, aliases, directives, root fields,
 * selections) is checked here, on the HTTP request, before Apollo parses and
 * validates it: Apollo masks an error thrown from its parsing and validation
 * hooks, and graphql-js's validation of a pathological document is itself the
 * expensive part. Cost needs the variables and a valid document, so it is
 * priced in the limits plugin after validation.
 */
export function installPrecheck(
  http: FastifyInstance,
  schema: GraphQLSchema,
  limits: StructureLimits,
  path = '/graphql',
): void {
  const passed = new Set<string>();
  http.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.url !== path) return;
    const query = queryOf(request);
    if (query === undefined || passed.has(query)) return;
    try {
      checkTokens(query, limits.maxTokens);
      let document;
      try {
        document = parse(query, { maxTokens: limits.maxTokens });
      } catch {
        return; // a syntax error: Apollo reports it as GRAPHQL_PARSE_FAILED
      }
      checkStructure(schema, document, limits);
    } catch (err) {
      if (!(err instanceof QueryTooComplexError)) throw err;
      const accept = request.headers.accept;
      return reply
        .code(requestErrorStatus(accept))
        .header(
          'content-type',
          answersAsLegacyJson(accept)
            ? 'application/json; charset=utf-8'
            : 'application/graphql-response+json; charset=utf-8',
        )
        .send(
          JSON.stringify({
            errors: [{ message: err.message, extensions: { code: err.code, ...err.details } }],
          }),
        );
    }
    if (query.length <= CACHEABLE_LENGTH) {
      if (passed.size >= PASSED_CACHE_SIZE) passed.delete(passed.values().next().value!);
      passed.add(query);
    }
  });
}
