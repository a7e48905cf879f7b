import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';
import type { IngestDeps } from '../db/ingest/ingest.service.js';
import type { DepartmentDeclaration } from '../common/department.js';
import { withEnumValues } from '../common/declared-schema.js';
import { ingestResolver } from './ingest/index.js';
import type { Hub, HubModule } from './hub-module.js';
import { leanPropertyReads } from './property-reads.js';

/** The ingestion machinery's inputs, assembled from the modules' declarations. */
export function ingestDeps(hub: Hub, maxBatchSize: number): IngestDeps {
  const hooks = hub.modules.flatMap((m) => (m.afterWrite ? [m.afterWrite] : []));
  return {
    contracts: new Map(hub.modules.flatMap((m) => m.ingest ?? []).map((c) => [c.recordType, c])),
    afterWrite: async (em, usccs) => {
      for (const hook of hooks) await hook(em, usccs);
    },
    maxBatchSize,
  };
}

/**
 * type-graphql requires a PubSub once a schema has subscriptions, even when each
 * brings its own `subscribe` (the risk-event feed reads the database's outbox).
 * Topic subscriptions are not used; one would fail loudly here.
 */
const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('topic-based subscriptions are not used by the hub');
  },
  subscribe: () => {
    throw new Error('topic-based subscriptions are not used by the hub');
  },
};

/** The departments the modules declare, in module order; one department declared twice is refused. */
export function declaredDepartments(modules: readonly HubModule[]): readonly DepartmentDeclaration[] {
  const seen = new Map<string, string>();
  const out: DepartmentDeclaration[] = [];
  for (const m of modules) {
    for (const d of m.departments ?? []) {
      const other = seen.get(d.code);
      if (other) throw new Error(`department ${d.code} is declared by both ${other} and ${m.name}`);
      seen.set(d.code, m.name);
      out.push(d);
    }
  }
  return out;
}

/** Builds the one schema from every module's resolvers (their Enterprise fields included). */
export async function buildHubSchema(
  hub: Hub,
  options: { ingestMaxBatch?: number } = {},
): Promise<GraphQLSchema> {
  const resolvers = [
    ...hub.modules.flatMap((m) => m.resolvers),
    ...hub.platform.flatMap((c) => c.resolvers),
    ingestResolver(ingestDeps(hub, options.ingestMaxBatch ?? 1000)),
  ] as unknown as NonEmptyArray<() => unknown>;
  const schema = await buildSchema({
    resolvers,
    // Arguments are checked by the hub's own layer (src/common/input.ts), which every
    // service calls; class-validator is not used, so type-graphql does not run it.
    validate: false,
    emitSchemaFile: false,
    pubSub: NO_TOPICS,
  });
  // Enum values and fields the module list declares: the departments, then each module's own.
  let assembled = withEnumValues(
    schema,
    'Department',
    declaredDepartments(hub.modules).map((d) => ({ name: d.code, description: d.description })),
  );
  for (const m of hub.modules) if (m.transformSchema) assembled = m.transformSchema(assembled);
  return leanPropertyReads(assembled);
}
