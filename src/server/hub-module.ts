import type { EntityClass } from '@mikro-orm/core';
import type { CatalogArgument, CatalogResource } from '../auth/catalog.js';
import type { ModuleSeeder } from '../../seeds/seed-types.js';
import type { SignalSource } from '../common/risk-signal.js';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { IngestContract } from '../db/ingest/contract.js';

/**
 * What a department module contributes to the hub, the way a subgraph joins a
 * supergraph: its tables, its resolvers (including fields it adds to Enterprise),
 * its catalog entries and its share of the demo data.
 */
export interface HubModule {
  readonly name: string;
  readonly entities: readonly EntityClass<object>[];
  // type-graphql takes resolver classes as plain constructors.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly resolvers: readonly Function[];
  readonly catalog: readonly CatalogResource[];
  /** How the inputs of this module's root fields are decided (see CatalogArgument). */
  readonly arguments?: readonly CatalogArgument[];
  readonly seeder: ModuleSeeder;
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
