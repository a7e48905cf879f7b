import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { HubConfig } from '../config/config.js';
import type { HubOrm } from '../db/orm.js';
import { grantLoader } from '../auth/agreements/index.js';
import { apiKeyVerifier } from '../auth/api-keys/index.js';
import { Authenticator } from '../auth/authenticate.js';
import { hubCatalog } from '../auth/hub-catalog.js';
import { preloadGrantsPlugin } from '../auth/preload-grants.plugin.js';
import { purposeArgumentPlugin } from '../auth/purpose-argument.plugin.js';
import { rejectModePlugin } from '../auth/reject-mode.plugin.js';
import { authorizeSchema } from '../auth/shield.js';
import { PLATFORM } from './platform.js';
import { auditPlugin } from '../audit/index.js';
import { createContext, type HubContext } from './context.js';
import { createFormatError } from './format-error.js';
import { registerIngestRoutes } from './ingest/ingest.http.js';
import { buildHubSchema, ingestDeps } from './schema.js';

export interface HubApp {
  readonly http: FastifyInstance;
  readonly apollo: ApolloServer<HubContext>;
  readonly schema: GraphQLSchema;
}

export interface AppDeps {
  readonly orm: HubOrm;
  readonly config: HubConfig;
  readonly log: Logger;
  /**
   * Only `npm run bench` sets this, to measure what authorisation costs. It is not
   * a setting: no environment variable or config value can turn the rules off.
   */
  readonly benchmarkWithoutAuthorization?: boolean;
}

/** Fastify with Apollo on /graphql (GET and POST, GraphQL over HTTP) and /healthz beside it. */
export async function buildApp({
  orm,
  config,
  log,
  benchmarkWithoutAuthorization,
}: AppDeps): Promise<HubApp> {
  const catalog = hubCatalog();
  const base = await buildHubSchema({ ingestMaxBatch: config.ingestMaxBatch });
  const schema = benchmarkWithoutAuthorization
    ? base
    : authorizeSchema(base, new Set(PLATFORM.flatMap((c) => c.types)), catalog);
  const http = Fastify({
    loggerInstance: log as unknown as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 10 * 1024 * 1024,
  });

  http.get('/healthz', async (_req, reply) => {
    try {
      await orm.em.fork().execute('select 1');
      return { status: 'ok', database: config.databaseUrl ? 'postgresql' : 'pglite' };
    } catch (err) {
      log.error({ err }, 'health check failed');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  const apollo = new ApolloServer<HubContext>({
    schema,
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: config.explorer,
    plugins: [
      fastifyApolloDrainPlugin(http),
      // Answers depend on who asks, so no response may carry HTTP cache hints;
      // the plugin would also instrument every field resolution.
      ApolloServerPluginCacheControlDisabled(),
      // Before anything is decided: a purpose argument must be in place for grants, rules and the log.
      purposeArgumentPlugin,
      ...(benchmarkWithoutAuthorization ? [] : [preloadGrantsPlugin, auditPlugin({ orm, log })]),
      ...(config.authzMode === 'reject' && !benchmarkWithoutAuthorization ? [rejectModePlugin(catalog)] : []),
      config.explorer
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
    logger: log,
  });
  await apollo.start();
  const deps = {
    em: orm.em,
    limits: { defaultPageSize: config.defaultPageSize, maxPageSize: config.maxPageSize },
    authenticator: new Authenticator(config, apiKeyVerifier(orm)),
    catalog,
    grants: grantLoader,
  };
  registerIngestRoutes(http, {
    orm,
    authenticator: deps.authenticator,
    ingest: ingestDeps(config.ingestMaxBatch),
    chunkSize: config.ingestChunkSize,
    refreshProfiles: config.ingestBulkProfiles === 'chunk',
    log,
  });
  await http.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (request) => createContext(deps, request.headers, request.id),
  });
  return { http, apollo, schema };
}
