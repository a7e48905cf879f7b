import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { HubConfig } from '../config/config.js';
import type { HubOrm } from '../db/orm.js';
import { GrantCache, grantLoader } from '../auth/agreements/index.js';
import { apiKeyVerifier } from '../auth/api-keys/index.js';
import { Authenticator } from '../auth/authenticate.js';
import { hubCatalog } from '../auth/hub-catalog.js';
import { authorizationPipeline } from '../auth/authorization-pipeline.js';
import { AccessLogAppender } from '../audit/access-log.appender.js';
import { authorizeSchema } from '../auth/shield.js';
import { platformTypeNames } from './platform.js';
import { departmentsOf } from '../auth/principal.js';
import type { Hub } from './hub-module.js';
import { attachSubscriptions } from './subscriptions.js';
import { assertBenchmarkSwitchAllowed } from './benchmark-switch.js';
import { createContext, type HubContext } from './context.js';
import { graphqlRoute } from './graphql-route.js';
import { isDatabaseUnavailable, setRetryAfterSeconds, unavailableGraphQLError } from '../db/outage.js';
import { createFormatError } from './format-error.js';
import { idleCollector } from './idle-gc.js';
import { registerHealthRoutes, type Readiness } from './health.js';
import { outagePlugin } from './outage.plugin.js';
import { drainPlugin } from './shutdown.js';
import { idempotencyPlugin } from './idempotency/index.js';
import { operationNamePlugin } from './operation-name.plugin.js';
import {
  afterLimits,
  createLimits,
  installHttpRefusals,
  installPrecheck,
  limitsPlugin,
  withDeadlineChecks,
  sizeCappedStringify,
  type Limits,
  type LimitsObserver,
} from './limits/index.js';
import { propertyReadFields } from './property-reads.js';
import { buildHubSchema, ingestDeps } from './schema.js';
import { exampleOperations } from './example-operations.js';
import { explorerLandingPagePlugin, registerExplorer } from './explorer/explorer.js';
import { HubMetrics } from './metrics/metrics.js';
import {
  TrustedDocumentEntity,
  TrustedDocumentManifest,
  codegenManifest,
  registerTrustedDocuments,
} from './trusted-documents/index.js';
import { registerMetricsRoute } from './metrics/metrics.route.js';
import { KnownOperationNames } from './metrics/operation-label.js';
import { registerIngestRoutes } from './ingest/ingest.http.js';

export interface HubApp {
  readonly http: FastifyInstance;
  readonly apollo: ApolloServer<HubContext>;
  readonly schema: GraphQLSchema;
  /** /readyz answers 503 once `draining` is set (shutdown). */
  readonly readiness: Readiness;
  /** Prometheus metrics; cost analysis and rate limits report through operationCost / rateLimited. */
  readonly metrics: HubMetrics;
  /** The trusted-document allow-list (queries/ at start-up). */
  readonly trustedDocuments: TrustedDocumentManifest;
  /** Operation limits: policy, rate limiter and execution gate (for metrics and tests). */
  readonly limits: Limits;
  /** Group commit of the access-log records of reads (one per hub process). */
  readonly accessLog: AccessLogAppender;
}

export interface AppDeps {
  /** What the hub is made of (src/hub.ts `HUB`): its modules' schema, background work and contracts. */
  readonly hub: Hub;
  readonly orm: HubOrm;
  readonly config: HubConfig;
  readonly log: Logger;
  /**
   * Only `npm run bench` sets this, to measure what authorisation costs. It is not
   * a setting: no environment variable or config value can turn the rules off, and
   * buildApp refuses it unless the bench entry called unlockBenchmarkWithoutAuthorization().
   */
  readonly benchmarkWithoutAuthorization?: boolean;
  /** Told the cost of every priced operation and every rate-limit refusal (metrics). */
  readonly limitsObserver?: LimitsObserver;
}

/** Fastify with Apollo on /graphql (GET and POST, GraphQL over HTTP), /healthz and /readyz beside it. */
export async function buildApp({
  hub,
  orm,
  config,
  log,
  benchmarkWithoutAuthorization,
  limitsObserver,
}: AppDeps): Promise<HubApp> {
  if (benchmarkWithoutAuthorization) assertBenchmarkSwitchAllowed();
  const catalog = hubCatalog(hub.modules);
  const base = await buildHubSchema(hub, { ingestMaxBatch: config.ingestMaxBatch });
  const schema = withDeadlineChecks(
    benchmarkWithoutAuthorization ? base : authorizeSchema(base, platformTypeNames(hub), catalog),
    propertyReadFields(base),
  );
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
  installPrecheck(http, schema, limits.policy);
  http.addHook('onClose', async () => limits.limiter.close());
  const accessLog = new AccessLogAppender(() => orm.em.fork(), {
    maxWaitMs: config.accessLogBatchWaitMs,
    maxBatch: config.accessLogBatchMax,
    runningWaitMs: config.accessLogBatchRunningWaitMs,
  });
  // Requests in flight wait for their batch anyway; this writes whatever is still queued.
  http.addHook('onClose', async () => accessLog.drain());
  await limits.limiter.ready();

  // Memory a burst took is given back once the hub is quiet (src/server/idle-gc.ts).
  const idle = idleCollector(config.idleGcSeconds * 1000);
  http.addHook('onRequest', async () => idle.begin());
  http.addHook('onResponse', async () => idle.end());
  // Fastify wants exactly one parameter on an async onRequestAbort hook.
  http.addHook('onRequestAbort', async (_request) => idle.end());
  http.addHook('onClose', async () => idle.close());

  setRetryAfterSeconds(config.retryAfterSeconds);
  const readiness: Readiness = { draining: false };
  registerHealthRoutes(http, { orm, config, log, readiness });
  // While draining, a connection closes after its answer instead of idling until the grace period ends.
  http.addHook('onSend', async (_request, reply) => {
    if (readiness.draining) reply.header('connection', 'close');
  });

  const examples = exampleOperations();
  const knownOperations = new KnownOperationNames(examples.map((e) => e.name));
  const metrics = new HubMetrics(knownOperations, orm);
  registerMetricsRoute(http, metrics, config.metricsToken);
  if (config.explorer) registerExplorer(http);
  const trustedDocuments = TrustedDocumentManifest.fromExamples(
    examples,
    codegenManifest(),
    async (hash) => orm.em.fork().findOne(TrustedDocumentEntity, { hash }),
    (name) => knownOperations.add(name),
  );
  const trustedGate = registerTrustedDocuments(
    http,
    trustedDocuments,
    config.trustedDocuments,
    (code, name, seconds) => metrics.refusedBeforeExecution(code, name, seconds),
  );

  const apollo = new ApolloServer<HubContext>({
    schema,
    formatError: createFormatError(log),
    includeStacktraceInErrorResponses: false,
    introspection: config.explorer,
    // main.ts handles SIGTERM/SIGINT itself (src/server/shutdown.ts): Apollo's handler would exit 143.
    stopOnTerminationSignals: false,
    // Production answers no "Did you mean ...?": with introspection off, suggestions would map the schema.
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: config.maxTokens },
    stringifyResult: sizeCappedStringify(config.maxResponseBytes),
    plugins: [
      drainPlugin(http, config.shutdownGraceSeconds * 1000, log),
      outagePlugin,
      metrics.plugin(),
      // First of the request's work: price and meter the operation before any other plugin does work for it.
      limitsPlugin({ schema, ...limits, log, observer: limitsObserver ?? metrics }),
      // Answers depend on who asks, so no response may carry HTTP cache hints;
      // the plugin would also instrument every field resolution.
      ApolloServerPluginCacheControlDisabled(),
      operationNamePlugin,
      idempotencyPlugin({ orm, log, windowSeconds: config.idempotencyWindowSeconds }),
      // Purpose, grants, reject mode and audit, in that order (src/auth/authorization-pipeline.ts).
      // Wrapped: its database reads start only once the limits have let the operation through.
      afterLimits(
        authorizationPipeline({
          appender: accessLog,
          log,
          catalog,
          mode: config.authzMode,
          decide: !benchmarkWithoutAuthorization,
          onAppend: (seconds, ok) => metrics.accessLogAppended(seconds, ok),
        }),
      ),
      config.explorer ? explorerLandingPagePlugin(examples) : ApolloServerPluginLandingPageDisabled(),
    ],
    logger: log,
  });
  await apollo.start();
  const deps = {
    em: orm.em,
    limits: { defaultPageSize: config.defaultPageSize, maxPageSize: config.maxPageSize },
    authenticator: new Authenticator(config, apiKeyVerifier(orm), departmentsOf(hub.modules)),
    catalog,
    grants: grantLoader,
    grantCache: new GrantCache(() => orm.em.fork()),
    modules: hub.modules,
  };
  registerIngestRoutes(http, {
    orm,
    authenticator: deps.authenticator,
    ingest: ingestDeps(hub, config.ingestMaxBatch),
    chunkSize: config.ingestChunkSize,
    refreshProfiles: config.ingestBulkProfiles === 'chunk',
    log,
    databaseUrl: config.databaseUrl,
    spoolDir: config.ingestSpoolDir,
    inlineMaxBytes: config.ingestInlineMaxBytes,
    sweepSeconds: config.ingestSweepSeconds,
  });
  await attachSubscriptions(http, { orm, config, log, schema, contextDeps: deps, modules: hub.modules });
  http.route({
    method: ['GET', 'POST', 'OPTIONS'],
    url: '/graphql',
    handler: graphqlRoute(apollo, async (request, freshGrants) => {
      try {
        const ctx = await createContext(deps, request.headers, request.id, freshGrants);
        // After authentication, before parsing: a client's registered document runs for that client only.
        trustedGate.check(request, ctx.principal);
        return ctx;
      } catch (err) {
        // Before Apollo's plugins run (e.g. an API key lookup): the 503 travels in extensions.http.
        if (isDatabaseUnavailable(err)) throw unavailableGraphQLError();
        throw err;
      }
    }),
  });
  return { http, apollo, schema, readiness, metrics, trustedDocuments, limits, accessLog };
}
