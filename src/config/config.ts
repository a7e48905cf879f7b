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
  readonly dbPoolMax: number;
  readonly explorer: boolean;
  readonly jwtSecret: string | undefined;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  readonly jwksUrl: string | undefined;
  readonly jwksFile: string | undefined;
  readonly authzMode: AuthzMode;
}

export type AuthzMode = 'partial' | 'reject';

/** Only for development and tests; start-up refuses it in production. */
export const DEVELOPMENT_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

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
    description: 'Seed the demo data set at start-up when the database holds no enterprise.',
    default: 'true',
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
    env: 'DB_POOL_MAX',
    key: 'dbPoolMax',
    description: 'Largest number of PostgreSQL connections in the pool.',
    default: '10',
    secret: false,
    parse: int(1, 500),
  } satisfies Setting<'dbPoolMax'>,
  {
    env: 'GRAPHQL_EXPLORER',
    key: 'explorer',
    description:
      'Serve the Apollo Sandbox explorer on GET /graphql to browsers and allow introspection. On unless NODE_ENV=production.',
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
    ...(values as Omit<HubConfig, 'explorer' | 'jwtSecret' | 'jwksUrl' | 'jwksFile'>),
    databaseUrl: values.databaseUrl as string | undefined,
    explorer: (values.explorer as boolean | undefined) ?? nodeEnv !== 'production',
    jwtSecret:
      (values.jwtSecret as string | undefined) ??
      (nodeEnv === 'production' ? undefined : DEVELOPMENT_JWT_SECRET),
    jwksUrl: values.jwksUrl as string | undefined,
    jwksFile: values.jwksFile as string | undefined,
  };
}
