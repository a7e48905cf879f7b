import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { DefaultLogger, MikroORM, type LoggerOptions, type Options } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PgliteDriver } from '@mikro-orm/pglite';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { HubConfig } from '../config/config.js';
import { MODULES } from '../modules/index.js';
import { PLATFORM } from '../server/platform.js';
import { MIGRATIONS } from './migrations/index.js';
import { acquirePgliteLock } from './pglite-lock.js';
import { observeSql, pinoOrmLoggerFactory } from './orm-logger.js';
import { createLogger } from '../server/logger.js';

export type HubOrm = MikroORM & { em: SqlEntityManager };

export interface OrmOverrides {
  /** Replaces the logger, e.g. with a statement counter in tests. */
  readonly loggerFactory?: Options['loggerFactory'];
  /** Keep the embedded database in memory (tests): nothing on disk, no lock. */
  readonly pgliteInMemory?: boolean;
  /** Write schema/query debug lines through this function. */
  readonly logger?: (message: string) => void;
}

export function entities(): Options['entities'] {
  return [...MODULES.flatMap((m) => m.entities), ...PLATFORM.flatMap((c) => c.entities)];
}

function baseOptions(config: HubConfig, overrides: OrmOverrides): Partial<Options> {
  // A line writer (CLIs) keeps MikroORM's default logger; otherwise its lines go through pino.
  const factory =
    overrides.loggerFactory ??
    (overrides.logger
      ? (options: LoggerOptions) => new DefaultLogger(options)
      : pinoOrmLoggerFactory(createLogger(config)));
  return {
    entities: entities(),
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
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

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite in PGLITE_DIR. */
export async function createOrm(config: HubConfig, overrides: OrmOverrides = {}): Promise<HubOrm> {
  if (config.databaseUrl) {
    const orm = await MikroORM.init({
      ...baseOptions(config, overrides),
      driver: PostgreSqlDriver,
      clientUrl: config.databaseUrl,
      pool: { min: 0, max: config.dbPoolMax },
    } as Partial<Options>);
    return orm as HubOrm;
  }
  if (overrides.pgliteInMemory) {
    const orm = await MikroORM.init({
      ...baseOptions(config, overrides),
      driver: PgliteDriver,
      dbName: 'memory://',
    } as Partial<Options>);
    return orm as HubOrm;
  }
  mkdirSync(config.pgliteDir, { recursive: true });
  const release = acquirePgliteLock(config.pgliteDir);
  try {
    const orm = await MikroORM.init({
      ...baseOptions(config, overrides),
      driver: PgliteDriver,
      dbName: config.pgliteDir,
    } as Partial<Options>);
    const close = orm.close.bind(orm);
    orm.close = async (force?: boolean) => {
      try {
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

export function describeDatabase(config: HubConfig): string {
  if (!config.databaseUrl) return `PGlite at ${config.pgliteDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
