import { randomUUID, type KeyObject } from 'node:crypto';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { grantLoader } from '../../auth/agreements/index.js';
import { apiKeyVerifier } from '../../auth/api-keys/index.js';
import { Authenticator } from '../../auth/authenticate.js';
import { departmentsOf } from '../../auth/principal.js';
import { authorizationPipeline } from '../../auth/authorization-pipeline.js';
import { hubCatalog } from '../../auth/hub-catalog.js';
import { AccessLogAppender } from '../../audit/access-log.appender.js';
import type { HubConfig } from '../../config/config.js';
import { ormModules, type HubOrm } from '../../db/orm.js';
import { isDatabaseUnavailable, setRetryAfterSeconds, unavailableGraphQLError } from '../../db/outage.js';
import { createContext, type HubContext } from '../context.js';
import { createFormatError } from '../format-error.js';
import { registerHealthRoutes, type Readiness } from '../health.js';
import {
  afterLimits,
  createLimits,
  installHttpRefusals,
  installPrecheck,
  limitsPlugin,
  sizeCappedStringify,
} from '../limits/index.js';
import { operationNamePlugin } from '../operation-name.plugin.js';
import { outagePlugin } from '../outage.plugin.js';
import { drainPlugin } from '../shutdown.js';
import { GATEWAY_TOKEN_HEADER, internalKey, signGatewayToken } from './internal-token.js';

export interface GatewayApp {
  readonly http: FastifyInstance;
  readonly apollo: ApolloServer<HubContext>;
  readonly readiness: Readiness;
}

export interface GatewayDeps {
  readonly orm: HubOrm;
  readonly config: HubConfig;
  readonly log: Logger;
  /** The composed supergraph, with each subgraph at the URL it listens on. */
  readonly supergraphSdl: string;
  /**
   * The single hub's schema: the supergraph's API schema has the same types and
   * fields, and this one also carries the field extensions the whole-operation
   * rules read (cost, the purpose argument).
   */
  readonly hubSchema: GraphQLSchema;
}

/** Each fetch to a subgraph carries a fresh token for that subgraph; the client's own headers stay at the gateway. */
class SignedDataSource extends RemoteGraphQLDataSource<HubContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly key: KeyObject,
    private readonly ttlSeconds: number,
  ) {
    super({ url });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<HubContext>) {
    // Requests the gateway makes for itself (health checks) carry no caller, so no token.
    if (!('incomingRequestContext' in options)) return;
    const { request, context } = options;
    const token = await signGatewayToken(
      this.key,
      this.subgraph,
      { principal: context.principal, purpose: context.purpose, operationId: context.requestId },
      this.ttlSeconds,
    );
    request.http?.headers.set(GATEWAY_TOKEN_HEADER, token);
  }
}

/**
 * Runs the authorization pipeline's whole-operation steps (purpose resolution,
 * grants preload, reject mode, the audit of a refused operation) against the hub's
 * schema, whose fields carry the `purpose` markers the API schema does not.
 */
function onHubSchema(
  plugin: ApolloServerPlugin<HubContext>,
  hubSchema: GraphQLSchema,
): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart(requestContext) {
      const listener = await plugin.requestDidStart?.(requestContext);
      if (!listener) return undefined;
      return {
        ...listener,
        didResolveOperation: async (step) => listener.didResolveOperation?.({ ...step, schema: hubSchema }),
      };
    },
  };
}

/**
 * The gateway: Apollo Gateway over the subgraphs, authenticating clients as the
 * single hub does (bearer tokens, API keys) and running the whole-operation rules
 * (operation limits and rate limits, the purpose argument, reject mode) before any
 * subgraph is called. Field rules, masking and the access log are the subgraphs'.
 */
export async function buildGatewayApp({
  orm,
  config,
  log,
  supergraphSdl,
  hubSchema,
}: GatewayDeps): Promise<GatewayApp> {
  // The hub is assembled from the module list its ORM was created for.
  const modules = ormModules(orm);
  const catalog = hubCatalog(modules);
  const key = internalKey(config.federationSecret ?? '');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SignedDataSource(name, url ?? '', key, config.federationTokenTtlSeconds),
  });
  const http = Fastify({
    loggerInstance: log as unknown as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: config.requestBodyLimit,
  });
  installHttpRefusals(http, config.requestBodyLimit, log);
  const limits = createLimits(config, log);
  installPrecheck(http, hubSchema, limits.policy);
  http.addHook('onClose', async () => limits.limiter.close());
  // The gateway writes a record only for an operation it refuses itself (reject mode).
  const accessLog = new AccessLogAppender(() => orm.em.fork(), {
    maxWaitMs: config.accessLogBatchWaitMs,
    maxBatch: config.accessLogBatchMax,
    runningWaitMs: config.accessLogBatchRunningWaitMs,
  });
  http.addHook('onClose', async () => accessLog.drain());
  await limits.limiter.ready();
  setRetryAfterSeconds(config.retryAfterSeconds);
  const readiness: Readiness = { draining: false };
  registerHealthRoutes(http, { orm, config, log, readiness });

  const apollo = new ApolloServer<HubContext>({
    gateway,
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: config.explorer,
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: config.maxTokens },
    stringifyResult: sizeCappedStringify(config.maxResponseBytes),
    plugins: [
      drainPlugin(http, config.shutdownGraceSeconds * 1000, log),
      outagePlugin,
      limitsPlugin({ schema: hubSchema, ...limits, log }),
      ApolloServerPluginCacheControlDisabled(),
      operationNamePlugin,
      afterLimits(
        onHubSchema(
          authorizationPipeline({ appender: accessLog, log, catalog, mode: config.authzMode, decide: true }),
          hubSchema,
        ),
      ),
      ApolloServerPluginLandingPageDisabled(),
    ],
    logger: log,
  });
  await apollo.start();
  const deps = {
    em: orm.em,
    limits: { defaultPageSize: config.defaultPageSize, maxPageSize: config.maxPageSize },
    authenticator: new Authenticator(config, apiKeyVerifier(orm), departmentsOf(modules)),
    catalog,
    grants: grantLoader,
    modules,
  };
  await http.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    context: async (request) => {
      try {
        return await createContext(deps, request.headers, request.id);
      } catch (err) {
        if (isDatabaseUnavailable(err)) throw unavailableGraphQLError();
        throw err;
      }
    },
  });
  return { http, apollo, readiness };
}
