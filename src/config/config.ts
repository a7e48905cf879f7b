import { resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type NodeEnv = 'development' | 'production' | 'test';

export interface HubConfig {
  readonly databaseUrl: string | undefined;
  readonly pgliteDir: string;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  readonly nodeEnv: NodeEnv;
  readonly seedOnEmpty: boolean;
  readonly seedEnterprises: number;
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  readonly ingestMaxBatch: number;
  readonly ingestChunkSize: number;
  readonly ingestBulkProfiles: 'chunk' | 'deferred';
  readonly ingestSpoolDir: string;
  readonly ingestInlineMaxBytes: number;
  readonly ingestSweepSeconds: number;
  readonly dbPoolMax: number;
  readonly idleGcSeconds: number;
  readonly dbConnectTimeoutMs: number;
  readonly dbStatementTimeoutMs: number;
  readonly dbStartupWaitSeconds: number;
  readonly retryAfterSeconds: number;
  readonly shutdownGraceSeconds: number;
  readonly explorer: boolean;
  readonly jwtSecret: string | undefined;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly jwksUrl: string | undefined;
  readonly jwksFile: string | undefined;
  readonly authzMode: AuthzMode;
  readonly metricsToken: string | undefined;
  readonly trustedDocuments: TrustedDocumentsMode;
  readonly idempotencyWindowSeconds: number;
  readonly accessLogBatchWaitMs: number;
  readonly accessLogBatchRunningWaitMs: number;
  readonly accessLogBatchMax: number;
  readonly maxOperationCost: number;
  readonly maxOperationDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  readonly maxRootFields: number;
  readonly maxSelections: number;
  readonly rateLimitPoints: RateLimitPoints;
  readonly rateLimitWindowSeconds: number;
  readonly rateLimitOverrides: ReadonlyMap<string, number>;
  readonly redisUrl: string | undefined;
  readonly rateLimitRedisPrefix: string;
  readonly rateLimitFailOpen: boolean;
  readonly requestBodyLimit: number;
  readonly maxResponseBytes: number;
  readonly operationTimeoutMs: number;
  readonly maxConcurrentOperations: number;
  readonly maxConcurrentPerPrincipal: number;
  readonly maxConcurrentCost: number;
  readonly operationQueueTimeoutMs: number;
  /** Longest accepted bearer-token lifetime (exp − iat), seconds. */
  readonly jwtMaxTtl: number;
  /** Longest lifetime for the registered machine clients, seconds. */
  readonly jwtMachineMaxTtl: number;
  /** Registered machine clients (`org/sub`) allowed the longer lifetime. */
  readonly jwtMachineClients: readonly string[];
  /** Longest a risk-event subscription waits before looking at the outbox without a notification, ms. */
  readonly monitoringPollMs: number;
  /** Webhook endpoints may be plain http://127.0.0.1 (tests); otherwise HTTPS only. */
  readonly webhookAllowLoopbackHttp: boolean;
  readonly webhookWorker: boolean;
  readonly webhookMaxAttempts: number;
  readonly webhookBackoffMs: number;
  readonly webhookTimeoutMs: number;
  /** Federated mode: interface and first port of the subgraph processes (one port each, in order). */
  readonly federationSubgraphHost: string;
  readonly federationSubgraphPort: number;
  /** Federated mode: HS256 key of the gateway's internal tokens to the subgraphs. */
  readonly federationSecret: string | undefined;
  readonly federationTokenTtlSeconds: number;
}

export type TrustedDocumentsMode = 'off' | 'allow' | 'required';

/** Cost points per rate-limit window for each principal kind (see PrincipalKind). */
export type RateLimitPoints = Readonly<
  Record<'DEPARTMENT' | 'BANK' | 'ANALYST' | 'AUDITOR' | 'ADMIN', number>
>;

export type AuthzMode = 'partial' | 'reject';

/** Only for development and tests; start-up refuses it in production. */
export const DEVELOPMENT_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';
/** Only for development and tests; start-up refuses it in production. */
export const DEVELOPMENT_FEDERATION_SECRET = 'dev-only-federation-secret-change-me-0123456789';

interface Setting<K extends keyof HubConfig> {
  readonly env: string;
  readonly key: K;
  readonly description: string;
  /** As written in the environment; `undefined` means the setting is optional. */
  readonly default: string | undefined;
  readonly secret: boolean;
  readonly parse: (raw: string) => HubConfig[K];
}

class SettingError extends Error {}

const int =
  (min: number, max: number) =>
  (raw: string): number => {
    if (!/^-?\d+$/.test(raw.trim())) throw new SettingError(`must be a whole number, got '${raw}'`);
    const n = Number(raw);
    if (n < min || n > max) throw new SettingError(`must be between ${min} and ${max}, got ${n}`);
    return n;
  };

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string): T => {
    if (!(values as readonly string[]).includes(raw)) {
      throw new SettingError(`must be one of ${values.join(', ')}, got '${raw}'`);
    }
    return raw as T;
  };

const bool = (raw: string): boolean => {
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new SettingError(`must be true or false, got '${raw}'`);
};

const postgresUrl = (raw: string): string => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingError('must be a URL such as postgres://user@host:5432/dbname');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new SettingError(`must use the postgres:// scheme, got '${url.protocol}'`);
  }
  if (url.pathname.length <= 1) throw new SettingError('must name a database in its path');
  return raw;
};

const PRINCIPAL_KINDS = ['DEPARTMENT', 'BANK', 'ANALYST', 'AUDITOR', 'ADMIN'] as const;

const rateLimitPoints = (raw: string): RateLimitPoints => {
  const points: Record<string, number> = {};
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Z]+)=(\d{1,12})$/.exec(part);
    if (!match || !(PRINCIPAL_KINDS as readonly string[]).includes(match[1]!)) {
      throw new SettingError(
        `must be KIND=points pairs with KIND one of ${PRINCIPAL_KINDS.join(', ')}, got '${part}'`,
      );
    }
    points[match[1]!] = Number(match[2]);
  }
  const missing = PRINCIPAL_KINDS.filter((k) => points[k] === undefined);
  if (missing.length > 0)
    throw new SettingError(`must give points for every kind; missing ${missing.join(', ')}`);
  return points as RateLimitPoints;
};

const rateLimitOverrides = (raw: string): ReadonlyMap<string, number> => {
  const overrides = new Map<string, number>();
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([^=\s/]+\/[^=\s]+)=(\d{1,12})$/.exec(part);
    if (!match) throw new SettingError(`must be organisation/principal=points pairs, got '${part}'`);
    overrides.set(match[1]!, Number(match[2]));
  }
  return overrides;
};

const redisUrl = (raw: string): string => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingError('must be a URL such as redis://127.0.0.1:6379');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new SettingError(`must use the redis:// or rediss:// scheme, got '${url.protocol}'`);
  }
  return raw;
};

const nonEmpty = (raw: string): string => {
  if (raw.trim() === '') throw new SettingError('must not be empty');
  return raw;
};

// Each setting is documented here once; the README table is generated from this list.
export const SETTINGS = [
  {
    env: 'DATABASE_URL',
    key: 'databaseUrl',
    description: 'PostgreSQL connection URL. When unset the hub runs on embedded PGlite in PGLITE_DIR.',
    default: undefined,
    secret: true,
    parse: postgresUrl,
  } satisfies Setting<'databaseUrl'>,
  {
    env: 'PGLITE_DIR',
    key: 'pgliteDir',
    description:
      'Data folder of the embedded PGlite database (created if missing). Only one process may open it.',
    default: './.data/pglite',
    secret: false,
    parse: (raw: string) => resolve(nonEmpty(raw)),
  } satisfies Setting<'pgliteDir'>,
  {
    env: 'PORT',
    key: 'port',
    description: 'HTTP port.',
    default: '4000',
    secret: false,
    parse: int(0, 65535),
  } satisfies Setting<'port'>,
  {
    env: 'HOST',
    key: 'host',
    description: 'Interface to listen on; 0.0.0.0 to accept connections from other machines.',
    default: '127.0.0.1',
    secret: false,
    parse: nonEmpty,
  } satisfies Setting<'host'>,
  {
    env: 'LOG_LEVEL',
    key: 'logLevel',
    description: 'pino log level.',
    default: 'info',
    secret: false,
    parse: oneOf<LogLevel>(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  } satisfies Setting<'logLevel'>,
  {
    env: 'NODE_ENV',
    key: 'nodeEnv',
    description: 'development, production or test.',
    default: 'development',
    secret: false,
    parse: oneOf<NodeEnv>(['development', 'production', 'test']),
  } satisfies Setting<'nodeEnv'>,
  {
    env: 'SEED_ON_EMPTY',
    key: 'seedOnEmpty',
    description:
      'Seed the demo data set (demo enterprises and approved demo agreements) at start-up when the database holds no enterprise. On unless NODE_ENV=production. Read by `npm start` (seeds/demo-hub.ts); the production entry, node dist/src/main.js, carries no demo data and never seeds.',
    default: undefined,
    secret: false,
    parse: bool,
  } satisfies Setting<'seedOnEmpty'>,
  {
    env: 'SEED_ENTERPRISES',
    key: 'seedEnterprises',
    description: 'How many enterprises the start-up seed creates.',
    default: '2000',
    secret: false,
    parse: int(1, 10_000_000),
  } satisfies Setting<'seedEnterprises'>,
  {
    env: 'DEFAULT_PAGE_SIZE',
    key: 'defaultPageSize',
    description: 'Page size when a list is asked for without `first`.',
    default: '50',
    secret: false,
    parse: int(1, 10_000),
  } satisfies Setting<'defaultPageSize'>,
  {
    env: 'MAX_PAGE_SIZE',
    key: 'maxPageSize',
    description: 'Largest `first` a list accepts; more is a BAD_USER_INPUT error.',
    default: '1000',
    secret: false,
    parse: int(1, 10_000),
  } satisfies Setting<'maxPageSize'>,
  {
    env: 'IDEMPOTENCY_WINDOW_SECONDS',
    key: 'idempotencyWindowSeconds',
    description:
      'How long a mutation sent with an Idempotency-Key keeps its result: a retry with the same key within this time gets the first result back.',
    default: '86400',
    secret: false,
    parse: int(60, 30 * 86400),
  } satisfies Setting<'idempotencyWindowSeconds'>,
  {
    env: 'ACCESS_LOG_BATCH_WAIT_MS',
    key: 'accessLogBatchWaitMs',
    description:
      "Group commit of the access log: longest a read's record waits for others to join its batch when no batch is being written (records arriving while one is written join the next batch anyway); 0 writes at once. The read is answered only once its batch has committed.",
    default: '0',
    secret: false,
    parse: int(0, 1000),
  } satisfies Setting<'accessLogBatchWaitMs'>,
  {
    env: 'ACCESS_LOG_BATCH_RUNNING_WAIT_MS',
    key: 'accessLogBatchRunningWaitMs',
    description:
      "Group commit of the access log: longest a read's record waits for the operations still running in the same hub process to hand over theirs, so that under load they share one statement; a record is written at once when no other operation is running. 0 never waits for them.",
    default: '10',
    secret: false,
    parse: int(0, 1000),
  } satisfies Setting<'accessLogBatchRunningWaitMs'>,
  {
    env: 'ACCESS_LOG_BATCH_MAX',
    key: 'accessLogBatchMax',
    description:
      'Group commit of the access log: most records written in one transaction (one INSERT); a full batch is written without waiting.',
    default: '200',
    secret: false,
    parse: int(1, 5000),
  } satisfies Setting<'accessLogBatchMax'>,
  {
    env: 'MONITORING_POLL_MS',
    key: 'monitoringPollMs',
    description:
      'Risk-event subscriptions wake on a PostgreSQL NOTIFY from the outbox (any hub instance); without one they look at the outbox after this long anyway (a lost notification or a long transaction delays events at most this much).',
    default: '2000',
    secret: false,
    parse: int(50, 60_000),
  } satisfies Setting<'monitoringPollMs'>,
  {
    env: 'WEBHOOK_ALLOW_LOOPBACK_HTTP',
    key: 'webhookAllowLoopbackHttp',
    description:
      'Accept webhook endpoints at plain http://127.0.0.1 (tests, local receivers). Otherwise only https:// URLs are accepted.',
    default: 'false',
    secret: false,
    parse: bool,
  } satisfies Setting<'webhookAllowLoopbackHttp'>,
  {
    env: 'WEBHOOK_WORKER',
    key: 'webhookWorker',
    description:
      'This instance queues and sends webhook deliveries. Turn it off on instances that should only serve requests; the instances that have it on share the deliveries, each claimed by exactly one.',
    default: 'true',
    secret: false,
    parse: bool,
  } satisfies Setting<'webhookWorker'>,
  {
    env: 'WEBHOOK_MAX_ATTEMPTS',
    key: 'webhookMaxAttempts',
    description: 'Tries of one webhook delivery before it is DEAD (listed, and re-deliverable by the owner).',
    default: '8',
    secret: false,
    parse: int(1, 100),
  } satisfies Setting<'webhookMaxAttempts'>,
  {
    env: 'WEBHOOK_BACKOFF_MS',
    key: 'webhookBackoffMs',
    description: 'Wait before the second try of a failed webhook delivery; it doubles with each further try.',
    default: '1000',
    secret: false,
    parse: int(10, 3_600_000),
  } satisfies Setting<'webhookBackoffMs'>,
  {
    env: 'WEBHOOK_TIMEOUT_MS',
    key: 'webhookTimeoutMs',
    description: 'Longest a webhook receiver may take to answer one delivery; longer is a failed try.',
    default: '5000',
    secret: false,
    parse: int(100, 60_000),
  } satisfies Setting<'webhookTimeoutMs'>,
  {
    env: 'FEDERATION_SUBGRAPH_HOST',
    key: 'federationSubgraphHost',
    description:
      'Federated mode (`npm run start:federated`): interface the subgraph processes listen on and the gateway calls them at.',
    default: '127.0.0.1',
    secret: false,
    parse: nonEmpty,
  } satisfies Setting<'federationSubgraphHost'>,
  {
    env: 'FEDERATION_SUBGRAPH_PORT',
    key: 'federationSubgraphPort',
    description:
      'Federated mode: port of the first subgraph; the others take the next ports in the order of the subgraph list (registry first, governance last). The gateway listens on PORT.',
    default: '4101',
    secret: false,
    parse: int(1, 65_000),
  } satisfies Setting<'federationSubgraphPort'>,
  {
    env: 'FEDERATION_SECRET',
    key: 'federationSecret',
    description:
      'Federated mode: HS256 key (at least 32 characters) of the internal tokens by which the gateway passes the authenticated principal and purpose to the subgraphs. Defaults to a published development key outside production; in production it must be set.',
    default: undefined,
    secret: true,
    parse: (raw: string) => {
      if (raw.length < 32) throw new SettingError('must be at least 32 characters');
      return raw;
    },
  } satisfies Setting<'federationSecret'>,
  {
    env: 'FEDERATION_TOKEN_TTL_SECONDS',
    key: 'federationTokenTtlSeconds',
    description:
      'Federated mode: lifetime of an internal token, in seconds; a subgraph refuses one past its expiry. It covers one client operation, so keep it short.',
    default: '60',
    secret: false,
    parse: int(5, 3600),
  } satisfies Setting<'federationTokenTtlSeconds'>,
  {
    env: 'INGEST_MAX_BATCH',
    key: 'ingestMaxBatch',
    description:
      'Most records one `ingest` or `withdrawRecords` mutation accepts; more is a BAD_USER_INPUT error.',
    default: '1000',
    secret: false,
    parse: int(1, 10_000),
  } satisfies Setting<'ingestMaxBatch'>,
  {
    env: 'INGEST_CHUNK_SIZE',
    key: 'ingestChunkSize',
    description:
      'Records per committed chunk of a bulk load (POST /ingest); a stopped job keeps every committed chunk.',
    default: '5000',
    secret: false,
    parse: int(1, 50_000),
  } satisfies Setting<'ingestChunkSize'>,
  {
    env: 'INGEST_BULK_PROFILES',
    key: 'ingestBulkProfiles',
    description:
      'chunk: a bulk load recomputes the touched risk profiles in each chunk’s transaction; deferred: the ' +
      'triggers only mark them dirty and the next read recomputes them (much faster loads, same answers).',
    default: 'deferred',
    secret: false,
    parse: oneOf(['chunk', 'deferred'] as const),
  } satisfies Setting<'ingestBulkProfiles'>,
  {
    env: 'INGEST_SPOOL_DIR',
    key: 'ingestSpoolDir',
    description:
      'Folder where POST /ingest writes a large body before loading it in the background (created if missing, ' +
      'owner-only); each file is removed when its job ends.',
    default: './.data/tmp',
    secret: false,
    parse: (raw: string) => resolve(nonEmpty(raw)),
  } satisfies Setting<'ingestSpoolDir'>,
  {
    env: 'INGEST_INLINE_MAX_BYTES',
    key: 'ingestInlineMaxBytes',
    description:
      'POST /ingest bodies with a Content-Length up to this many bytes are loaded while the client waits (200 and ' +
      'the finished job); larger or unsized bodies are spooled and answered 202 with the job id.',
    default: '1048576',
    secret: false,
    parse: int(0, 1024 * 1024 * 1024),
  } satisfies Setting<'ingestInlineMaxBytes'>,
  {
    env: 'INGEST_SWEEP_SECONDS',
    key: 'ingestSweepSeconds',
    description:
      'How often a hub looks for bulk jobs left RUNNING by a hub that died (on PostgreSQL: whose advisory lock ' +
      'is free) and marks them FAILED with where they stopped; also done at start-up and when a job is read.',
    default: '30',
    secret: false,
    parse: int(1, 3600),
  } satisfies Setting<'ingestSweepSeconds'>,
  {
    env: 'IDLE_GC_SECONDS',
    key: 'idleGcSeconds',
    description:
      'After serving requests, a hub quiet for this many seconds runs one full garbage collection, so the memory ' +
      'a burst of large answers took is given back (needs node --expose-gc, which npm start sets); 0 never does.',
    default: '5',
    secret: false,
    parse: int(0, 3600),
  } satisfies Setting<'idleGcSeconds'>,
  {
    env: 'DB_POOL_MAX',
    key: 'dbPoolMax',
    description: 'Largest number of PostgreSQL connections in the pool.',
    default: '10',
    secret: false,
    parse: int(1, 500),
  } satisfies Setting<'dbPoolMax'>,
  {
    env: 'DB_CONNECT_TIMEOUT_MS',
    key: 'dbConnectTimeoutMs',
    description:
      'Longest wait to open a PostgreSQL connection or to get one from a full pool; past it the operation is answered 503 SERVICE_UNAVAILABLE.',
    default: '5000',
    secret: false,
    parse: int(100, 600_000),
  } satisfies Setting<'dbConnectTimeoutMs'>,
  {
    env: 'DB_STATEMENT_TIMEOUT_MS',
    key: 'dbStatementTimeoutMs',
    description:
      'Longest a PostgreSQL statement may run (statement_timeout); a server that does not answer within it plus one second (frozen) is given up on. Either way the operation is answered 503 SERVICE_UNAVAILABLE.',
    default: '30000',
    secret: false,
    parse: int(100, 3_600_000),
  } satisfies Setting<'dbStatementTimeoutMs'>,
  {
    env: 'DB_STARTUP_WAIT_SECONDS',
    key: 'dbStartupWaitSeconds',
    description:
      'How long start-up keeps retrying (with backoff, one log line per try) a database that is not up yet before giving up; 0 tries once.',
    default: '60',
    secret: false,
    parse: int(0, 86_400),
  } satisfies Setting<'dbStartupWaitSeconds'>,
  {
    env: 'RETRY_AFTER_SECONDS',
    key: 'retryAfterSeconds',
    description:
      'Retry-After (and extensions.retryAfter) sent with a 503 SERVICE_UNAVAILABLE answer during a database outage.',
    default: '5',
    secret: false,
    parse: int(1, 3600),
  } satisfies Setting<'retryAfterSeconds'>,
  {
    env: 'SHUTDOWN_GRACE_SECONDS',
    key: 'shutdownGraceSeconds',
    description:
      'On SIGTERM or SIGINT, how long operations in flight may take to finish before their connections are closed.',
    default: '10',
    secret: false,
    parse: int(0, 3600),
  } satisfies Setting<'shutdownGraceSeconds'>,
  {
    env: 'GRAPHQL_EXPLORER',
    key: 'explorer',
    description:
      "Serve the offline GraphiQL explorer (from the hub's own files, no CDN) on GET /graphql to browsers and allow introspection. On unless NODE_ENV=production.",
    default: undefined,
    secret: false,
    parse: bool,
  } satisfies Setting<'explorer'>,
  {
    env: 'JWT_SECRET',
    key: 'jwtSecret',
    description:
      'HS256 secret for bearer tokens (at least 32 characters). Defaults to a published development secret outside production; in production set it or a JWKS.',
    default: undefined,
    secret: true,
    parse: (raw: string) => {
      if (raw.length < 32) throw new SettingError('must be at least 32 characters');
      return raw;
    },
  } satisfies Setting<'jwtSecret'>,
  {
    env: 'JWT_ISSUER',
    key: 'jwtIssuer',
    description: 'Expected `iss` of bearer tokens.',
    default: 'inter-agency-data-hub',
    secret: false,
    parse: nonEmpty,
  } satisfies Setting<'jwtIssuer'>,
  {
    env: 'JWT_AUDIENCE',
    key: 'jwtAudience',
    description: 'Expected `aud` of bearer tokens.',
    default: 'inter-agency-data-hub',
    secret: false,
    parse: nonEmpty,
  } satisfies Setting<'jwtAudience'>,
  {
    env: 'JWKS_URL',
    key: 'jwksUrl',
    description: 'URL of a JSON Web Key Set for RS256/ES256 tokens (production identity provider).',
    default: undefined,
    secret: false,
    parse: (raw: string) => {
      try {
        const url = new URL(raw);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
      } catch {
        throw new SettingError('must be an http(s) URL');
      }
      return raw;
    },
  } satisfies Setting<'jwksUrl'>,
  {
    env: 'JWKS_FILE',
    key: 'jwksFile',
    description: 'Path of a JSON Web Key Set file for RS256/ES256 tokens.',
    default: undefined,
    secret: false,
    parse: (raw: string) => resolve(nonEmpty(raw)),
  } satisfies Setting<'jwksFile'>,
  {
    env: 'AUTHZ_MODE',
    key: 'authzMode',
    description:
      'partial: a field the caller may not read is null with a FORBIDDEN error and the rest is answered; reject: the whole operation is refused.',
    default: 'partial',
    secret: false,
    parse: oneOf<AuthzMode>(['partial', 'reject']),
  } satisfies Setting<'authzMode'>,
  {
    env: 'METRICS_TOKEN',
    key: 'metricsToken',
    description:
      'Bearer token a scraper must send to read GET /metrics (at least 32 characters). When unset, /metrics answers only callers on the loopback interface.',
    default: undefined,
    secret: true,
    parse: (raw: string) => {
      if (raw.length < 32) throw new SettingError('must be at least 32 characters');
      return raw;
    },
  } satisfies Setting<'metricsToken'>,
  {
    env: 'TRUSTED_DOCUMENTS',
    key: 'trustedDocuments',
    description:
      'off: operations are sent as text, documentId is refused; allow: text or a trusted document by documentId; required: only trusted documents (queries/ and registered ones), by documentId or by their exact text.',
    default: 'allow',
    secret: false,
    parse: oneOf<TrustedDocumentsMode>(['off', 'allow', 'required']),
  } satisfies Setting<'trustedDocuments'>,
  {
    env: 'MAX_OPERATION_COST',
    key: 'maxOperationCost',
    description:
      'Largest estimated cost of one operation (see "Operation limits"); more is refused with QUERY_TOO_COMPLEX before anything runs.',
    default: '200000',
    secret: false,
    parse: int(1, 1_000_000_000),
  } satisfies Setting<'maxOperationCost'>,
  {
    env: 'MAX_OPERATION_DEPTH',
    key: 'maxOperationDepth',
    description: 'Deepest field nesting of an operation (fragments flattened).',
    default: '15',
    secret: false,
    parse: int(1, 1000),
  } satisfies Setting<'maxOperationDepth'>,
  {
    env: 'MAX_ALIASES',
    key: 'maxAliases',
    description: 'Most aliases in one operation (fragments counted per use).',
    default: '30',
    secret: false,
    parse: int(0, 100_000),
  } satisfies Setting<'maxAliases'>,
  {
    env: 'MAX_TOKENS',
    key: 'maxTokens',
    description: 'Most lexical tokens in a document; the parser stops there.',
    default: '50000',
    secret: false,
    parse: int(10, 10_000_000),
  } satisfies Setting<'maxTokens'>,
  {
    env: 'MAX_DIRECTIVES',
    key: 'maxDirectives',
    description: 'Most directives (@skip, @include, ...) in one operation (fragments counted per use).',
    default: '50',
    secret: false,
    parse: int(0, 100_000),
  } satisfies Setting<'maxDirectives'>,
  {
    env: 'MAX_ROOT_FIELDS',
    key: 'maxRootFields',
    description: 'Most root fields (aliases included) in one operation.',
    default: '20',
    secret: false,
    parse: int(1, 100_000),
  } satisfies Setting<'maxRootFields'>,
  {
    env: 'MAX_SELECTIONS',
    key: 'maxSelections',
    description:
      'Most field selections in one operation with fragments expanded where used (recursive selections); bounds the cost of validation itself.',
    default: '2000',
    secret: false,
    parse: int(1, 1_000_000),
  } satisfies Setting<'maxSelections'>,
  {
    env: 'RATE_LIMIT_POINTS',
    key: 'rateLimitPoints',
    description:
      'Cost points each principal may spend per window (token bucket refilled evenly), by principal kind.',
    default: 'DEPARTMENT=5000000,BANK=2000000,ANALYST=1000000,AUDITOR=1000000,ADMIN=500000',
    secret: false,
    parse: rateLimitPoints,
  } satisfies Setting<'rateLimitPoints'>,
  {
    env: 'RATE_LIMIT_WINDOW_SECONDS',
    key: 'rateLimitWindowSeconds',
    description: 'Window over which RATE_LIMIT_POINTS refill.',
    default: '60',
    secret: false,
    parse: int(1, 86_400),
  } satisfies Setting<'rateLimitWindowSeconds'>,
  {
    env: 'RATE_LIMIT_OVERRIDES',
    key: 'rateLimitOverrides',
    description:
      "Points per window for given principals in place of their kind's, as organisation/principal=points pairs (an API key's principal is the one it was issued to).",
    default: '',
    secret: false,
    parse: rateLimitOverrides,
  } satisfies Setting<'rateLimitOverrides'>,
  {
    env: 'REDIS_URL',
    key: 'redisUrl',
    description:
      'Redis that holds the rate-limit buckets, so several hub processes share one budget. When unset, buckets are in memory.',
    default: undefined,
    secret: true,
    parse: redisUrl,
  } satisfies Setting<'redisUrl'>,
  {
    env: 'RATE_LIMIT_REDIS_PREFIX',
    key: 'rateLimitRedisPrefix',
    description: 'Prefix of the rate-limit keys in Redis.',
    default: 'hub:ratelimit:',
    secret: false,
    parse: nonEmpty,
  } satisfies Setting<'rateLimitRedisPrefix'>,
  {
    env: 'RATE_LIMIT_FAIL_OPEN',
    key: 'rateLimitFailOpen',
    description:
      'When Redis cannot be reached: true serves operations unmetered, false refuses them with RATE_LIMITED. Default false in production, true otherwise.',
    default: undefined,
    secret: false,
    parse: bool,
  } satisfies Setting<'rateLimitFailOpen'>,
  {
    env: 'REQUEST_BODY_LIMIT',
    key: 'requestBodyLimit',
    description: 'Largest request body in bytes; more is answered 413 with REQUEST_TOO_LARGE.',
    default: '1048576',
    secret: false,
    parse: int(1024, 1024 * 1024 * 1024),
  } satisfies Setting<'requestBodyLimit'>,
  {
    env: 'MAX_RESPONSE_BYTES',
    key: 'maxResponseBytes',
    description: 'Largest response body in bytes; a bigger result is replaced by a RESPONSE_TOO_LARGE error.',
    default: '67108864',
    secret: false,
    parse: int(1024, 1024 * 1024 * 1024),
  } satisfies Setting<'maxResponseBytes'>,
  {
    env: 'OPERATION_TIMEOUT_MS',
    key: 'operationTimeoutMs',
    description:
      'Execution deadline of one operation: past it, fields not yet started fail with OPERATION_TIMEOUT and (PostgreSQL) its running SQL is cancelled on the server; on PGlite a running statement ends on its own.',
    default: '15000',
    secret: false,
    parse: int(100, 3_600_000),
  } satisfies Setting<'operationTimeoutMs'>,
  {
    env: 'MAX_CONCURRENT_OPERATIONS',
    key: 'maxConcurrentOperations',
    description: 'Operations executing at once in this process; more wait in a queue.',
    default: '8',
    secret: false,
    parse: int(1, 10_000),
  } satisfies Setting<'maxConcurrentOperations'>,
  {
    env: 'MAX_CONCURRENT_PER_PRINCIPAL',
    key: 'maxConcurrentPerPrincipal',
    description: 'Operations one principal may have executing at once; more wait in a queue.',
    default: '2',
    secret: false,
    parse: int(1, 10_000),
  } satisfies Setting<'maxConcurrentPerPrincipal'>,
  {
    env: 'MAX_CONCURRENT_COST',
    key: 'maxConcurrentCost',
    description:
      'Sum of the estimated costs of the operations executing at once; an operation that does not fit waits (smaller ones pass it), one costlier than this runs alone.',
    default: '400000',
    secret: false,
    parse: int(1, 1_000_000_000),
  } satisfies Setting<'maxConcurrentCost'>,
  {
    env: 'OPERATION_QUEUE_TIMEOUT_MS',
    key: 'operationQueueTimeoutMs',
    description: 'Longest wait for an execution slot; past it the operation is refused with RATE_LIMITED.',
    default: '10000',
    secret: false,
    parse: int(0, 3_600_000),
  } satisfies Setting<'operationQueueTimeoutMs'>,
  {
    env: 'JWT_MAX_TTL',
    key: 'jwtMaxTtl',
    description:
      'Longest bearer-token lifetime (exp − iat) accepted, in seconds; a longer-lived token is refused (401, reason TOKEN_LIFETIME_TOO_LONG).',
    default: '86400',
    secret: false,
    parse: int(60, 366 * 86400),
  } satisfies Setting<'jwtMaxTtl'>,
  {
    env: 'JWT_MACHINE_MAX_TTL',
    key: 'jwtMachineMaxTtl',
    description: 'Longest bearer-token lifetime for the clients in JWT_MACHINE_CLIENTS, in seconds.',
    default: '2592000',
    secret: false,
    parse: int(60, 366 * 86400),
  } satisfies Setting<'jwtMachineMaxTtl'>,
  {
    env: 'JWT_MACHINE_CLIENTS',
    key: 'jwtMachineClients',
    description:
      'Registered machine clients allowed JWT_MACHINE_MAX_TTL, as comma-separated org/sub (e.g. BANK_XM_001/risk-engine).',
    default: '',
    secret: false,
    parse: (raw: string) => {
      const clients = raw
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      const bad = clients.find((c) => !/^[^/\s]+\/[^/\s]+$/.test(c));
      if (bad !== undefined) throw new SettingError(`must list org/sub pairs, got '${bad}'`);
      return clients;
    },
  } satisfies Setting<'jwtMachineClients'>,
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates every setting once; reports all bad settings together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const problems: string[] = [];
  const values: Partial<Record<keyof HubConfig, unknown>> = {};
  for (const setting of SETTINGS) {
    const raw = env[setting.env] === '' ? undefined : env[setting.env];
    const text = raw ?? setting.default;
    if (text === undefined) continue;
    try {
      values[setting.key] = setting.parse(text);
    } catch (err) {
      if (!(err instanceof SettingError)) throw err;
      const shown = setting.secret ? '' : ` (from ${raw === undefined ? 'default' : 'environment'})`;
      problems.push(`${setting.env} ${err.message}${shown}`);
    }
  }
  const defaultPage = values.defaultPageSize as number | undefined;
  const maxPage = values.maxPageSize as number | undefined;
  if (defaultPage !== undefined && maxPage !== undefined && defaultPage > maxPage) {
    problems.push(`DEFAULT_PAGE_SIZE (${defaultPage}) must not exceed MAX_PAGE_SIZE (${maxPage})`);
  }
  const nodeEnv = values.nodeEnv as NodeEnv;
  if (nodeEnv === 'production' && !values.jwtSecret && !values.jwksUrl && !values.jwksFile) {
    problems.push(
      'JWT_SECRET, JWKS_URL or JWKS_FILE must be set in production (the development secret is public)',
    );
  }
  if (values.jwksUrl && values.jwksFile) problems.push('set only one of JWKS_URL and JWKS_FILE');
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...(values as Omit<
      HubConfig,
      | 'explorer'
      | 'seedOnEmpty'
      | 'jwtSecret'
      | 'jwksUrl'
      | 'jwksFile'
      | 'metricsToken'
      | 'redisUrl'
      | 'rateLimitFailOpen'
      | 'federationSecret'
    >),
    // An empty production database must never be filled with demo enterprises and approved demo agreements.
    seedOnEmpty: (values.seedOnEmpty as boolean | undefined) ?? nodeEnv !== 'production',
    redisUrl: values.redisUrl as string | undefined,
    rateLimitFailOpen: (values.rateLimitFailOpen as boolean | undefined) ?? nodeEnv !== 'production',
    databaseUrl: values.databaseUrl as string | undefined,
    explorer: (values.explorer as boolean | undefined) ?? nodeEnv !== 'production',
    jwtSecret:
      (values.jwtSecret as string | undefined) ??
      (nodeEnv === 'production' ? undefined : DEVELOPMENT_JWT_SECRET),
    jwksUrl: values.jwksUrl as string | undefined,
    jwksFile: values.jwksFile as string | undefined,
    metricsToken: values.metricsToken as string | undefined,
    federationSecret:
      (values.federationSecret as string | undefined) ??
      (nodeEnv === 'production' ? undefined : DEVELOPMENT_FEDERATION_SECRET),
  };
}
