import 'reflect-metadata';
import { existsSync, mkdirSync } from 'node:fs';
import { DefaultLogger, MikroORM, type EntityClass, type LoggerOptions, type Options } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PgliteDriver } from '@mikro-orm/pglite';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Pool } from 'pg';
import { poolOf, registerPool } from './pool-registry.js';
import type { HubConfig } from '../config/config.js';
import type { HubModule } from '../server/hub-module.js';
import { bindOrmModules, modulesOfEm } from './orm-modules.js';
import { MIGRATIONS } from './migrations/index.js';
import type { PgliteConnection } from '@mikro-orm/pglite';
import { acquirePgliteLock, DatabaseLockedError } from './pglite-lock.js';
import { SOCKET_PORT, servePgliteSocket, socketPath } from './pglite-socket.js';
import { exposeClients } from './copy.js';
import { observeSql, pinoOrmLoggerFactory } from './orm-logger.js';
import { backendCanceller, trackRunningStatements } from './statement-cancel.js';
import { createLogger } from '../server/logger.js';

export type HubOrm = MikroORM & { em: SqlEntityManager };

/**
 * What the ORM maps: every entity of the hub, as its composition root (`src/hub.ts`,
 * `HUB`) collects them from the modules and the platform. Passed in, never imported.
 */
export interface MappedEntities {
  readonly entities: readonly EntityClass<object>[];
  /** The modules the entities come from: their migrations run after the hub's own, and the ORM remembers the list. */
  readonly modules?: readonly HubModule[];
}

export interface OrmOverrides {
  /** Replaces the logger, e.g. with a statement counter in tests. */
  readonly loggerFactory?: Options['loggerFactory'];
  /** Keep the embedded database in memory (tests): nothing on disk, no lock. */
  readonly pgliteInMemory?: boolean;
  /** With `pgliteInMemory`: start from this dumped data directory (tests' migrated template). */
  readonly pgliteLoadDataDir?: Blob;
  /** Write schema/query debug lines through this function. */
  readonly logger?: (message: string) => void;
  /**
   * Batch jobs (migrate, seed, verify, recompute): no statement timeout, since a long
   * migration or a full chain check is legitimate. The connect timeout still applies.
   */
  readonly unboundedStatements?: boolean;
  /**
   * Operator tools: when a running hub holds the PGlite data folder, connect through the
   * socket it serves there instead of failing on the lock.
   */
  readonly viaRunningHub?: boolean;
}

/** A tool could not reach the database at all; `message` is the one line to print. */
export class DatabaseUnreachableError extends Error {}

/**
 * The running hub's PGlite over its socket, with the PostgreSQL driver. One connection, no
 * statement timeout: PGlite has one session shared with the hub, so nothing session-wide
 * (such as a statement_timeout sent at start-up) may be left behind by a tool.
 */
async function openViaHubSocket(
  mapped: MappedEntities,
  config: HubConfig,
  overrides: OrmOverrides,
  locked: DatabaseLockedError,
) {
  const path = socketPath(config.pgliteDir);
  if (!existsSync(path)) {
    throw new DatabaseUnreachableError(
      `PGlite at ${config.pgliteDir} is held by process ${locked.pid}, which serves no operator socket ` +
        `(${path}); stop that process, or use PostgreSQL (DATABASE_URL)`,
    );
  }
  const orm = (await MikroORM.init({
    ...baseOptions(mapped, config, overrides),
    driver: PostgreSqlDriver,
    host: config.pgliteDir,
    port: SOCKET_PORT,
    user: 'postgres',
    dbName: 'postgres',
    pool: { min: 0, max: 1 },
    driverOptions: { connectionTimeoutMillis: config.dbConnectTimeoutMs },
  } as Partial<Options>)) as HubOrm;
  try {
    await orm.em.fork().execute('select 1');
  } catch (err) {
    await orm.close(true).catch(() => undefined);
    throw new DatabaseUnreachableError(
      `the running hub's operator socket ${path} does not answer: ${(err as Error).message}`,
    );
  }
  return orm;
}

/** The module list an ORM was created for: the rest of the hub is assembled from the same list. */
export function ormModules(orm: MikroORM): readonly HubModule[] {
  const modules = modulesOfEm(orm.em);
  if (!modules) throw new TypeError('this ORM was not created by createOrm with a hub');
  return modules;
}

function baseOptions(mapped: MappedEntities, config: HubConfig, overrides: OrmOverrides): Partial<Options> {
  // A line writer (CLIs) keeps MikroORM's default logger; otherwise its lines go through pino.
  const factory =
    overrides.loggerFactory ??
    (overrides.logger
      ? (options: LoggerOptions) => new DefaultLogger(options)
      : pinoOrmLoggerFactory(createLogger(config)));
  return {
    entities: [...mapped.entities],
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: {
      // The hub's own, then each module's, in module order.
      migrationsList: [...MIGRATIONS, ...(mapped.modules ?? []).flatMap((m) => m.migrations ?? [])],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      tableName: 'hub_migrations',
    },
    forceUtcTimezone: true,
    // Every relation from a list is loaded through a dataloader; nothing lazy-loads behind a resolver's back.
    populateWhere: 'infer',
    // Wrapped so SQL statements and time are counted per operation (metrics) whoever logs them.
    loggerFactory: observeSql(factory),
    ...(overrides.loggerFactory ? { debug: ['query'] } : {}),
    ...(overrides.logger ? { logger: overrides.logger } : {}),
  };
}

/**
 * Bounds on every wait for PostgreSQL, so a database that is down or frozen turns into
 * a 503 within a known time instead of a request that hangs. `connectionTimeoutMillis`
 * covers both opening a connection and waiting for a free one in a full pool;
 * `statement_timeout` lets the server cancel a slow statement; `query_timeout` (one
 * second later) gives up on a server that does not answer at all.
 */
export function poolTimeouts(
  config: Pick<HubConfig, 'dbConnectTimeoutMs' | 'dbStatementTimeoutMs'>,
  unboundedStatements = false,
) {
  return {
    connectionTimeoutMillis: config.dbConnectTimeoutMs,
    keepAlive: true,
    ...(unboundedStatements
      ? {}
      : {
          statement_timeout: config.dbStatementTimeoutMs,
          query_timeout: config.dbStatementTimeoutMs + 1000,
        }),
  };
}

export interface PoolStats {
  /** Connections open, idle among them, and operations waiting for one. */
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
  readonly max: number;
}

/** Connection pool figures for metrics; null on PGlite, which has no pool. */
export function poolStats(orm: MikroORM): PoolStats | null {
  const pool = poolOf(orm);
  if (!pool) return null;
  return {
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max,
  };
}

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite in PGLITE_DIR. */
export async function createOrm(
  mapped: MappedEntities,
  config: HubConfig,
  overrides: OrmOverrides = {},
): Promise<HubOrm> {
  const orm = await openOrm(mapped, config, overrides);
  bindOrmModules(orm.config, mapped.modules ?? []);
  return orm;
}

async function openOrm(mapped: MappedEntities, config: HubConfig, overrides: OrmOverrides): Promise<HubOrm> {
  if (config.databaseUrl) {
    let pool: Pool | undefined;
    const cancel = backendCanceller(config.databaseUrl, config.dbConnectTimeoutMs);
    const orm = await MikroORM.init({
      ...baseOptions(mapped, config, overrides),
      driver: PostgreSqlDriver,
      clientUrl: config.databaseUrl,
      pool: { min: 0, max: config.dbPoolMax },
      driverOptions: {
        ...poolTimeouts(config, overrides.unboundedStatements),
        onPoolCreated: (created: Pool) => {
          pool = created;
          // Statements run per request are known, so the execution deadline can cancel them.
          trackRunningStatements(created, cancel);
          // Bulk loads COPY on the connection of their transaction (src/db/copy.ts).
          exposeClients(created);
        },
      },
    } as Partial<Options>);
    // The pool is created when the first connection is needed, so it is looked up late.
    registerPool(orm.config, () => pool);
    return orm as HubOrm;
  }
  if (overrides.pgliteInMemory) {
    const orm = await MikroORM.init({
      ...baseOptions(mapped, config, overrides),
      driver: PgliteDriver,
      dbName: 'memory://',
      // A function, so MikroORM hands the Blob over as it is instead of copying it into a plain object.
      ...(overrides.pgliteLoadDataDir
        ? { driverOptions: () => ({ loadDataDir: overrides.pgliteLoadDataDir }) }
        : {}),
    } as Partial<Options>);
    return orm as HubOrm;
  }
  mkdirSync(config.pgliteDir, { recursive: true });
  let release: () => void;
  try {
    release = acquirePgliteLock(config.pgliteDir);
  } catch (err) {
    if (overrides.viaRunningHub && err instanceof DatabaseLockedError) {
      return openViaHubSocket(mapped, config, overrides, err);
    }
    throw err;
  }
  try {
    const orm = await MikroORM.init({
      ...baseOptions(mapped, config, overrides),
      driver: PgliteDriver,
      dbName: config.pgliteDir,
    } as Partial<Options>);
    const pglite = await (orm.em.getConnection() as unknown as PgliteConnection).getNativeClient();
    const socket = await servePgliteSocket(pglite, config.pgliteDir);
    const note = overrides.logger ?? ((line: string) => createLogger(config).warn(line));
    if ('reason' in socket) note(`operator tools cannot reach this database while it runs: ${socket.reason}`);
    const close = orm.close.bind(orm);
    orm.close = async (force?: boolean) => {
      try {
        if ('served' in socket) await socket.served.stop();
        await close(force);
      } finally {
        release();
      }
    };
    return orm as HubOrm;
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * Options for MikroORM's own CLI (`npx mikro-orm …`, see src/mikro-orm.config.ts), on the
 * database the hub would use. On PGlite the CLI takes the folder's lock for its lifetime
 * (released when it exits), or, while a hub holds the folder, talks to it over the socket
 * the hub serves there, as the hub's own tools do: two processes never open one folder.
 */
export function cliOrmOptions(mapped: MappedEntities, config: HubConfig): Partial<Options> {
  const base = {
    ...baseOptions(mapped, config, { logger: (line) => process.stdout.write(`${line}\n`) }),
    extensions: [Migrator, SeedManager],
    // `seeder:run` runs the demo data set (seeds/demo.seeder.ts) with the settings' count.
    seeder: { path: 'dist/seeds', glob: '*.seeder.js', defaultSeeder: 'DemoSeeder' },
  };
  const migrations = { ...base.migrations, path: 'dist/src/db/migrations', pathTs: 'src/db/migrations' };
  if (config.databaseUrl) {
    return {
      ...base,
      migrations,
      driver: PostgreSqlDriver,
      clientUrl: config.databaseUrl,
      driverOptions: poolTimeouts(config, true),
    } as Partial<Options>;
  }
  mkdirSync(config.pgliteDir, { recursive: true });
  try {
    acquirePgliteLock(config.pgliteDir);
  } catch (err) {
    if (!(err instanceof DatabaseLockedError)) throw err;
    return {
      ...base,
      migrations,
      driver: PostgreSqlDriver,
      host: config.pgliteDir,
      port: SOCKET_PORT,
      user: 'postgres',
      dbName: 'postgres',
      pool: { min: 0, max: 1 },
      driverOptions: { connectionTimeoutMillis: config.dbConnectTimeoutMs },
    } as Partial<Options>;
  }
  return { ...base, migrations, driver: PgliteDriver, dbName: config.pgliteDir } as Partial<Options>;
}

export function describeDatabase(config: HubConfig): string {
  if (!config.databaseUrl) return `PGlite at ${config.pgliteDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
