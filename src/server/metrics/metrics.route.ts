import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sqlTallies } from '../../db/orm-logger.js';
import type { HubMetrics } from './metrics.js';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Who may scrape: with METRICS_TOKEN set, whoever sends `Authorization: Bearer <token>`
 * (compared in constant time); without it, only callers on the loopback interface
 * (a Prometheus agent or sidecar on the same host). Anyone else gets 404, so the
 * endpoint does not announce itself.
 */
export function mayScrape(request: FastifyRequest, token: string | undefined): boolean {
  if (token === undefined) return LOOPBACK.test(request.socket.remoteAddress ?? '');
  const header = request.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  return timingSafeEqual(digest(given), digest(token));
}

/** GET /metrics in the Prometheus text format, and a SQL tally around each GraphQL request. */
export function registerMetricsRoute(
  http: FastifyInstance,
  metrics: HubMetrics,
  token: string | undefined,
): void {
  // run(…, done) once the body is read (its stream events would lose the store): the
  // handler, Apollo included, runs inside this request's SQL tally.
  http.addHook('preHandler', (request, _reply, done) => {
    if (request.url.startsWith('/graphql')) sqlTallies.run({ statements: 0, millis: 0 }, done);
    else done();
  });
  http.get('/metrics', async (request, reply) => {
    if (!mayScrape(request, token)) return reply.code(404).send({ status: 'not found' });
    const body = await metrics.registry.metrics();
    return reply
      .header('content-type', metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(body);
  });
}
