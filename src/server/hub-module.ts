import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { DepartmentDeclaration } from '../common/department.js';
import type { CatalogArgument, CatalogResource } from '../auth/catalog.js';
import type { SignalSource } from '../common/risk-signal.js';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { IngestContract } from '../db/ingest/contract.js';
import type { Logger } from 'pino';
import type { AccessControl } from '../auth/access-control.js';
import type { Principal } from '../auth/principal.js';
import type { Purpose } from '../auth/purpose.js';
import type { HubConfig } from '../config/config.js';

/**
 * What a department module contributes to the hub, the way a subgraph joins a
 * supergraph: the departments whose data it serves, its tables and their
 * migrations, its resolvers (including fields it adds to Enterprise), its catalog
 * entries and its risk signals (codes with points and caps, profile facets, the
 * tables whose changes refresh a profile). The hub is assembled from a list of these
 * (src/modules/index.ts, src/hub.ts); nothing registers itself when imported. Its demo
 * data is not part of it: that lives under `seeds/<module>/`, which production code
 * never imports.
 */
export interface HubModule {
  readonly name: string;
  /** Departments this module serves data of: the GraphQL Department enum is built from them. */
  readonly departments?: readonly DepartmentDeclaration[];
  readonly entities: readonly EntityClass<object>[];
  /**
   * The migrations creating this module's tables, run after the hub's own
   * (src/db/migrations) in the order listed; names must be unique in the hub.
   */
  readonly migrations?: readonly MigrationObject[];
  // type-graphql takes resolver classes as plain constructors.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly resolvers: readonly Function[];
  readonly catalog: readonly CatalogResource[];
  /** How the inputs of this module's root fields are decided (see CatalogArgument). */
  readonly arguments?: readonly CatalogArgument[];
  /** How this module's records become risk signals (absent for modules with none). */
  readonly signals?: SignalSource;
  /** Entity behind each record type (GraphQL type name), to follow a signal to its record. */
  readonly records?: Readonly<Record<string, EntityClass<object>>>;
  /** What departments may push for each record type this module owns (`<name>.ingest.ts`). */
  readonly ingest?: readonly IngestContract[];
  /**
   * Brings data this module derives from others' records up to date after a write,
   * in the writing transaction (the risk module recomputes the stored profiles).
   */
  readonly afterWrite?: (em: SqlEntityManager, usccs: readonly string[]) => Promise<void>;
  /**
   * GraphQL object types of this module that are not department data (a consumer's
   * own watch lists): like platform types, their operations check who may call them.
   */
  readonly platformTypes?: readonly string[];
  /**
   * Brings data this module derives up to date before SQL reads it directly (a
   * list filtered or ordered by stored risk profiles); reached as `ctx.refreshDerived`.
   */
  readonly refreshDerived?: (em: SqlEntityManager) => Promise<void>;
  /**
   * Runs after the migrations, at every start: installs what is generated from the
   * module list (the risk module's refresh triggers on the declared tables). Idempotent.
   */
  readonly afterMigrate?: (em: SqlEntityManager) => Promise<void>;
  /**
   * Adjusts the assembled schema with what the module list declares (enum values and
   * fields built from other modules' declarations); applied in module order.
   */
  readonly transformSchema?: (schema: GraphQLSchema) => GraphQLSchema;
  /** Work a module runs beside requests in every hub process (webhook deliveries); stopped at close. */
  readonly background?: (deps: BackgroundDeps) => { stop(): Promise<void> };
}

/** What a module's background work gets from the hub. */
export interface BackgroundDeps {
  readonly em: () => SqlEntityManager;
  /** The module list the hub was assembled from. */
  readonly modules: readonly HubModule[];
  readonly config: HubConfig;
  readonly log: Logger;
  /** Resolves on the next risk-event notification (any instance) or after MONITORING_POLL_MS. */
  readonly changes: { readonly generation: number; wait(seen: number): Promise<void> };
  /**
   * Access decisions of a stored principal for a purpose; its grants are read on
   * `em` (the caller's transaction: PGlite has one session, a second would wait on it).
   */
  accessFor(principal: Principal, purpose: Purpose, em: SqlEntityManager): AccessControl;
}

/**
 * The hub as its composition root (`src/hub.ts`) assembles it: the department modules and
 * the platform's own components. Machinery is handed this (createOrm, buildApp,
 * buildHubSchema); it never imports the module list.
 */
export interface Hub {
  readonly modules: readonly HubModule[];
  readonly platform: readonly PlatformComponent[];
  /** Every mapped entity: the modules' and the platform's (what the ORM is opened with). */
  readonly entities: readonly EntityClass<object>[];
}

/**
 * Hub machinery with tables and GraphQL operations of its own (API keys, sharing
 * agreements, the access log). Its types are not department data and have no
 * catalog entries: each operation checks who may call it.
 */
export interface PlatformComponent {
  readonly name: string;
  readonly entities: readonly EntityClass<object>[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly resolvers: readonly Function[];
  /** GraphQL object types this component owns. */
  readonly types: readonly string[];
}
