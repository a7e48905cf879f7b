import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { loadConfig, type HubConfig } from '../../src/config/config.js';
import { migrate } from '../../src/db/bootstrap.js';
import { createOrm, type HubOrm } from '../../src/db/orm.js';
import { QueryCounter } from '../../src/db/query-counter.js';
import { seedDatabase } from '../../seeds/seed-database.js';
import { buildApp, type HubApp } from '../../src/server/app.js';
import type { Hub, HubModule } from '../../src/server/hub-module.js';
import { assembleHub } from '../../src/server/platform.js';
import { createLogger } from '../../src/server/logger.js';
import { mintToken, type TokenClaims } from '../../src/auth/authenticate.js';
import { Purpose } from '../../src/auth/purpose.js';
import { grantEveryConditionalResource as grantAll } from '../../seeds/governance.js';
import { PRINCIPALS } from './principals.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';
import { pgliteTemplate } from './db-template.js';
import { HUB } from '../../src/hub.js';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: {
    data?: TData | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface Caller {
  /** Principal the request authenticates as; null sends no credentials. */
  readonly principal: TokenClaims | null;
  readonly purpose?: Purpose | string;
}

type GraphQLCall = <TData = Record<string, unknown>, TVars = Record<string, unknown>>(
  document: string | DocumentNode | TypedDocumentNode<TData, TVars>,
  variables?: TVars,
  headers?: Record<string, string>,
) => Promise<GraphQLResponse<TData>>;

export interface TestHub {
  /** Base URL of the hub, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** The hub assembled from the file's module list (HUB unless `modules` was given). */
  readonly hub: Hub;
  readonly orm: HubOrm;
  readonly app: HubApp;
  readonly config: HubConfig;
  readonly db: TestDatabase;
  readonly counter: QueryCounter;
  /** Calls as the hub's default caller (see startTestHub's `caller`). */
  graphql: GraphQLCall;
  /** Calls as another principal and purpose. */
  as(caller: Caller): GraphQLCall;
  /** The Authorization and X-Purpose headers of a caller. */
  headersFor(caller: Caller): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export interface TestHubOptions {
  readonly enterprises?: number;
  readonly env?: Record<string, string>;
  /** Who `graphql()` calls as; defaults to TEST_READER for CREDIT_ASSESSMENT, which holds
   *  agreements for every conditional resource (personal data still masked). */
  readonly caller?: Caller;
  /** A PostgreSQL server to run on whatever DATABASE_URL says (tests of PostgreSQL-only behaviour). */
  readonly adminUrl?: string;
  /**
   * Another instance of the hub on `sharing`'s database (its ORM, data and agreements), with
   * its own settings (`env` on top of the database's): what two processes behind one load
   * balancer are, without creating, migrating and seeding a second database. `enterprises`
   * and `adminUrl` are then the other hub's; closing this one leaves the database open.
   */
  readonly sharing?: TestHub;
  /**
   * The module list the hub is assembled from (default MODULES), e.g.
   * `assembleModules([...DEPARTMENT_MODULES, someModule])`: its entities, migrations,
   * schema, catalog and risk declarations.
   */
  readonly modules?: readonly HubModule[];
}

/** A migrated, seeded hub on its own database, called over real HTTP on loopback. */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  if (options.sharing) return serveTestHub(options.sharing, options, async () => {});
  const db = await createTestDatabase(options.adminUrl ?? process.env.DATABASE_URL, { fromTemplate: true });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...options.env,
  });
  const hub = options.modules ? assembleHub(options.modules) : HUB;
  const counter = new QueryCounter();
  // Each file starts from the run's migrated template when there is one (a copy of it:
  // still a database of its own); migrate() then finds nothing pending and returns at once.
  const template = db.kind === 'pglite' ? pgliteTemplate() : undefined;
  const orm = await createOrm(hub, config, {
    loggerFactory: counter.loggerFactory,
    pgliteInMemory: true,
    ...(template ? { pgliteLoadDataDir: template } : {}),
  });
  await migrate(orm);
  if ((options.enterprises ?? 0) > 0) {
    await seedDatabase(orm.em.fork(), hub.modules, { enterprises: options.enterprises! });
  }
  await grantEveryConditionalResource(orm, PRINCIPALS.reader.org);
  return serveTestHub({ hub, orm, db, counter, config }, options, async () => {
    await orm.close(true);
    await db.drop();
  });
}

/** Builds and serves the app on a prepared database; `release` runs after the app is closed. */
async function serveTestHub(
  base: Pick<TestHub, 'hub' | 'orm' | 'db' | 'counter' | 'config'>,
  options: TestHubOptions,
  release: () => Promise<void>,
): Promise<TestHub> {
  const { hub, orm, db, counter } = base;
  const config = options.sharing
    ? loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        ...(db.url ? { DATABASE_URL: db.url } : {}),
        ...options.env,
      })
    : base.config;
  const app = await buildApp({ hub, orm, config, log: createLogger(config) });
  const address = await app.http.listen({ port: 0, host: '127.0.0.1' });
  const headersFor = async (caller: Caller): Promise<Record<string, string>> => ({
    ...(caller.principal ? { authorization: `Bearer ${await mintToken(config, caller.principal)}` } : {}),
    ...(caller.purpose ? { 'x-purpose': caller.purpose } : {}),
  });
  const call =
    (caller: Caller): GraphQLCall =>
    async (document, variables, headers = {}) => {
      const query = typeof document === 'string' ? document : print(document);
      const res = await fetch(`${address}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(await headersFor(caller)),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: res.status,
        contentType: res.headers.get('content-type') ?? undefined,
        body: (await res.json()) as never,
      };
    };
  const defaultCaller = options.caller ?? {
    principal: PRINCIPALS.reader,
    purpose: Purpose.CREDIT_ASSESSMENT,
  };
  return {
    url: address,
    hub,
    orm,
    app,
    config,
    db,
    counter,
    graphql: call(defaultCaller),
    as: call,
    headersFor,
    async close() {
      await app.http.close();
      await release();
    },
  };
}

/** Approved agreements of `org` for every conditional resource (see seeds/governance.ts). */
export async function grantEveryConditionalResource(
  orm: HubOrm,
  org: string,
  purposes = [Purpose.CREDIT_ASSESSMENT],
): Promise<void> {
  await grantAll(orm.em.fork(), org, purposes);
}
