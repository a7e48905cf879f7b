import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { GraphQLError, isObjectType, type GraphQLSchema } from 'graphql';
import type { CatalogFieldEntry } from '../../auth/catalog.js';
import type { Logger } from 'pino';
import { grantLoader } from '../../auth/agreements/index.js';
import { UnauthenticatedError } from '../../auth/authenticate.js';
import { authorizationPipeline } from '../../auth/authorization-pipeline.js';
import { hubCatalog } from '../../auth/hub-catalog.js';
import { authorizeSchema } from '../../auth/shield.js';
import { AccessLogAppender } from '../../audit/access-log.appender.js';
import { ErrorCode } from '../../common/errors.js';
import type { HubConfig } from '../../config/config.js';
import { ormModules, type HubOrm } from '../../db/orm.js';
import { isDatabaseUnavailable, unavailableGraphQLError } from '../../db/outage.js';
import type { HubContext } from '../context.js';
import { createFormatError } from '../format-error.js';
import { registerHealthRoutes, type Readiness } from '../health.js';
import { outagePlugin } from '../outage.plugin.js';
import { drainPlugin } from '../shutdown.js';
import { subgraphContext } from './federated-context.js';
import { GATEWAY_TOKEN_HEADER, internalKey, verifyGatewayToken } from './internal-token.js';
import { subgraphSchema, type SubgraphDefinition } from './subgraph-schema.js';

/** The catalog entries of the fields this subgraph serves: the rules it enforces are its own. */
function ownCatalog(
  catalog: ReadonlyMap<string, CatalogFieldEntry>,
  schema: GraphQLSchema,
): ReadonlyMap<string, CatalogFieldEntry> {
  return new Map(
    [...catalog].filter(([, e]) => {
      const type = schema.getType(e.typeName);
      return isObjectType(type) && e.fieldName in type.getFields();
    }),
  );
}

export interface SubgraphApp {
  readonly http: FastifyInstance;
  readonly apollo: ApolloServer<HubContext>;
  readonly readiness: Readiness;
}

export interface SubgraphDeps {
  readonly orm: HubOrm;
  readonly config: HubConfig;
  readonly log: Logger;
  readonly definition: SubgraphDefinition;
  /** Object types read under the rule of the operation that led to them (platform and module-own types). */
  readonly platformTypes: ReadonlySet<string>;
}

/**
 * One subgraph: its cut of the schema under the same authorization as the single
 * hub (graphql-shield rules generated from the catalog, masking, input rules) and
 * the same pipeline (purpose, grants, audit); it serves only callers that bring a
 * valid gateway token, and writes its own access-log record for each fetch that
 * read conditional data or was denied something.
 */
export async function buildSubgraphApp({
  orm,
  config,
  log,
  definition,
  platformTypes,
}: SubgraphDeps): Promise<SubgraphApp> {
  const base = subgraphSchema(definition);
  // Rules and masks are generated for the fields this subgraph serves; decisions are the
  // one policy's over the whole catalog (a risk signal's detail follows the record behind
  // it, which another subgraph serves).
  const modules = ormModules(orm);
  const catalog = hubCatalog(modules);
  // `_Service { sdl }` is federation's own: read under the rule of `_service` (an authenticated caller).
  const schema = authorizeSchema(base, new Set([...platformTypes, '_Service']), ownCatalog(catalog, base));
  const key = internalKey(config.federationSecret ?? '');
  const http = Fastify({
    loggerInstance: log as unknown as FastifyBaseLogger,
    bodyLimit: config.requestBodyLimit,
  });
  const accessLog = new AccessLogAppender(() => orm.em.fork(), {
    maxWaitMs: config.accessLogBatchWaitMs,
    maxBatch: config.accessLogBatchMax,
    runningWaitMs: config.accessLogBatchRunningWaitMs,
  });
  http.addHook('onClose', async () => accessLog.drain());
  const readiness: Readiness = { draining: false };
  registerHealthRoutes(http, { orm, config, log, readiness });

  const apollo = new ApolloServer<HubContext>({
    schema,
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: false,
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: true,
    allowBatchedHttpRequests: false,
    plugins: [
      drainPlugin(http, config.shutdownGraceSeconds * 1000, log),
      outagePlugin,
      ApolloServerPluginCacheControlDisabled(),
      // Reject mode and the operation limits are whole-operation rules: the gateway ran them
      // on the client's operation. Here each fetch is decided field by field and audited.
      authorizationPipeline({ appender: accessLog, log, catalog, mode: 'partial', decide: true }),
      ApolloServerPluginLandingPageDisabled(),
    ],
    logger: log,
  });
  await apollo.start();
  const deps = {
    em: orm.em,
    limits: { defaultPageSize: config.defaultPageSize, maxPageSize: config.maxPageSize },
    catalog,
    grants: grantLoader,
    modules,
  };
  await http.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['POST'],
    context: async (request) => {
      const header = request.headers[GATEWAY_TOKEN_HEADER];
      try {
        const claims = await verifyGatewayToken(
          key,
          definition.name,
          Array.isArray(header) ? header[0] : header,
        );
        return subgraphContext(deps, claims);
      } catch (err) {
        if (err instanceof UnauthenticatedError) {
          throw new GraphQLError(err.message, {
            extensions: { ...err.details, code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
          });
        }
        if (isDatabaseUnavailable(err)) throw unavailableGraphQLError();
        throw err;
      }
    },
  });
  return { http, apollo, readiness };
}
