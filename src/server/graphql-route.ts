import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import type { HubContext } from './context.js';

function graphQLRequestOf(request: FastifyRequest): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return {
    body: request.body,
    method: request.method.toUpperCase(),
    headers,
    search: new URL(request.url, `${request.protocol}://${request.hostname}/`).search,
  };
}

/**
 * The /graphql handler (what @as-integrations/fastify's handler does), with one
 * addition: a query decided from the process's kept grants that the database
 * found no longer in force (a revocation, an expiry or an approval since they were
 * kept; see src/auth/agreements/grant-cache.ts) was withheld by the audit step,
 * and is run once more here on grants read for it, so the caller gets the answer
 * its agreements give now rather than an error. Only the second run's answer leaves.
 */
export function graphqlRoute(
  apollo: ApolloServer<HubContext>,
  context: (request: FastifyRequest, freshGrants: boolean) => Promise<HubContext>,
): (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> {
  return async (request, reply) => {
    const httpGraphQLRequest = graphQLRequestOf(request);
    let first: HubContext | undefined;
    let response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => (first = await context(request, false)),
    });
    if (first?.grantsRetry?.stale) {
      response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: () => context(request, true),
      });
    }
    const { headers, body, status } = response;
    for (const [key, value] of headers) void reply.header(key, value);
    void reply.code(status ?? 200);
    if (body.kind === 'complete') return body.string;
    return reply.send(Readable.from(body.asyncIterator));
  };
}
