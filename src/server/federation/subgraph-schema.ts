import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import {
  Kind,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  parse,
  printSchema,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { createResolversMap, getMetadataStorage } from 'type-graphql';
import type { HubContext } from '../context.js';
import type { SubgraphPlan } from './subgraph-plan.js';

/** The entity every department extends, and its key. */
export const ENTITY = 'Enterprise';
export const ENTITY_KEY = 'uscc';
const ROOTS = ['Query', 'Mutation'] as const;
type RootName = (typeof ROOTS)[number];

/** The Federation 2 version the subgraphs declare (`@link`), and what they import from it. */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.9';
const FEDERATION_IMPORTS = ['@key', '@shareable'];

/** Resolves an Enterprise reference `{ uscc }` in the owning subgraph (batched through its loader). */
export type ResolveEnterprise = (uscc: string, ctx: HubContext) => Promise<unknown>;

/** One subgraph's schema as SDL with federation directives, and the resolvers behind it. */
export interface SubgraphDefinition {
  readonly name: string;
  readonly typeDefs: DocumentNode;
  readonly resolvers: GraphQLResolverMap<HubContext>;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassLike = Function;

/** Which plan declares a resolver class (directly or as a base class of one of its resolvers). */
function planOf(plans: readonly SubgraphPlan[], target: ClassLike): SubgraphPlan | undefined {
  return plans.find((p) =>
    p.resolvers.some((r) => r === target || (r.prototype as object) instanceof (target as new () => object)),
  );
}

/**
 * Who serves each field, read from type-graphql's metadata (the same classes the
 * single hub is built from): root fields by their resolver class, Enterprise fields
 * added by a `@FieldResolver` by the class that declares it. Root fields no plan
 * declares (the ingest mutation, built when the schema is) go to the plan that takes
 * unclaimed roots.
 */
function fieldOwners(plans: readonly SubgraphPlan[]): {
  roots: Record<RootName, Map<string, string>>;
  entityFields: Map<string, string>;
} {
  const storage = getMetadataStorage();
  const roots: Record<RootName, Map<string, string>> = { Query: new Map(), Mutation: new Map() };
  for (const [root, list] of [
    ['Query', storage.queries],
    ['Mutation', storage.mutations],
  ] as const) {
    for (const r of list) {
      const plan = planOf(plans, r.target);
      if (plan) roots[root].set(r.schemaName, plan.name);
    }
  }
  const typeName = new Map<ClassLike, string>(storage.objectTypes.map((o) => [o.target, o.name]));
  const entityFields = new Map<string, string>();
  for (const fr of storage.fieldResolvers) {
    const cls = fr.getObjectType?.() ?? fr.resolverClassMetadata?.getObjectType();
    if (cls === undefined || typeName.get(cls) !== ENTITY) continue;
    const plan = planOf(plans, fr.target);
    if (plan) entityFields.set(fr.schemaName, plan.name);
  }
  return { roots, entityFields };
}

/** The fields a plan serves on a type it shares with others; undefined: all of them. */
type FieldFilter = (typeName: string, fieldName: string) => boolean;

function filterFor(
  plan: SubgraphPlan,
  owners: ReturnType<typeof fieldOwners>,
  unclaimedPlan: string | undefined,
): FieldFilter {
  return (typeName, fieldName) => {
    if (typeName === 'Query' || typeName === 'Mutation') {
      const owner = owners.roots[typeName].get(fieldName) ?? unclaimedPlan;
      return owner === plan.name;
    }
    if (typeName === ENTITY) {
      if (fieldName === ENTITY_KEY) return true;
      const owner = owners.entityFields.get(fieldName);
      return owner === undefined ? plan.ownsEnterprise : owner === plan.name;
    }
    return true;
  };
}

/** Every named type reachable from the fields the plan serves. */
function reachableTypes(schema: GraphQLSchema, keep: FieldFilter, servesEntity: boolean): Set<string> {
  const seen = new Set<string>();
  const queue: GraphQLNamedType[] = [];
  const visit = (t: GraphQLNamedType | null | undefined) => {
    if (!t || seen.has(t.name)) return;
    seen.add(t.name);
    queue.push(t);
  };
  for (const root of ROOTS) {
    const type = schema.getType(root);
    if (isObjectType(type) && Object.keys(type.getFields()).some((f) => keep(root, f))) visit(type);
  }
  // A subgraph that only adds fields to Enterprise is entered through `_entities`.
  if (servesEntity) visit(schema.getType(ENTITY));
  while (queue.length > 0) {
    const type = queue.pop()!;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!keep(type.name, field.name)) continue;
        visit(getNamedType(field.type));
        for (const arg of field.args) visit(getNamedType(arg.type));
      }
      for (const i of type.getInterfaces()) visit(i);
      if (isInterfaceType(type)) for (const impl of schema.getPossibleTypes(type)) visit(impl);
    } else if (isUnionType(type)) {
      for (const member of type.getTypes()) visit(member);
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
    }
  }
  return seen;
}

const directive = (name: string, args: Record<string, string> = {}): ConstDirectiveNode => ({
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: name },
  arguments: Object.entries(args).map(([arg, value]) => ({
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: arg },
    value: { kind: Kind.STRING, value },
  })),
});

const linkExtension: DefinitionNode = {
  kind: Kind.SCHEMA_EXTENSION,
  directives: [
    {
      kind: Kind.DIRECTIVE,
      name: { kind: Kind.NAME, value: 'link' },
      arguments: [
        {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'url' },
          value: { kind: Kind.STRING, value: FEDERATION_LINK },
        },
        {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'import' },
          value: {
            kind: Kind.LIST,
            values: FEDERATION_IMPORTS.map((value) => ({ kind: Kind.STRING, value })),
          },
        },
      ],
    },
  ],
};

/**
 * The subgraphs' schemas, cut from the single hub's schema so that both come from
 * the same type-graphql classes and resolvers: each subgraph keeps the root fields
 * of its own resolvers, `Enterprise @key(fields: "uscc")` with the fields it adds
 * (the owner: the master record), and every type reachable from those. Object types
 * reachable from more than one subgraph (provenance, pagination, records reached
 * through a risk signal) are `@shareable`: every subgraph resolves them with the
 * same code. Subscriptions are not served through the gateway (Apollo Gateway has
 * none); they stay on the single-process hub.
 */
export function subgraphDefinitions(
  schema: GraphQLSchema,
  plans: readonly SubgraphPlan[],
  resolveEnterprise: ResolveEnterprise,
): readonly SubgraphDefinition[] {
  const owners = fieldOwners(plans);
  const unclaimed = plans.find((p) => p.servesUnclaimedRoots)?.name;
  const filters = new Map(plans.map((p) => [p.name, filterFor(p, owners, unclaimed)]));
  const servesEntity = (p: SubgraphPlan) =>
    p.ownsEnterprise || [...owners.entityFields.values()].includes(p.name);
  const reach = new Map(
    plans.map((p) => [p.name, reachableTypes(schema, filters.get(p.name)!, servesEntity(p))]),
  );
  const uses = new Map<string, number>();
  for (const types of reach.values()) for (const t of types) uses.set(t, (uses.get(t) ?? 0) + 1);
  const shared = (name: string) =>
    name !== ENTITY && !(ROOTS as readonly string[]).includes(name) && (uses.get(name) ?? 0) > 1;

  const sdl = parse(printSchema(schema), { noLocation: true });
  const allResolvers = createResolversMap(schema) as Record<string, unknown>;

  return plans.map((plan) => {
    const keep = filters.get(plan.name)!;
    const types = reach.get(plan.name)!;
    const definitions: DefinitionNode[] = [linkExtension];
    for (const def of sdl.definitions) {
      if (def.kind === Kind.DIRECTIVE_DEFINITION) {
        definitions.push(def);
        continue;
      }
      const name = 'name' in def ? def.name?.value : undefined;
      if (name === undefined || !types.has(name)) continue;
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) {
        definitions.push(def);
        continue;
      }
      const extra =
        name === ENTITY
          ? [directive('key', { fields: ENTITY_KEY })]
          : shared(name)
            ? [directive('shareable')]
            : [];
      definitions.push({
        ...def,
        directives: [...(def.directives ?? []), ...extra],
        fields: (def.fields ?? []).filter((f) => keep(name, f.name.value)),
      });
    }

    const resolvers: Record<string, unknown> = {};
    for (const name of types) {
      const r = allResolvers[name];
      if (r === undefined) continue;
      const type = schema.getType(name);
      if (isObjectType(type) && (name === ENTITY || name === 'Query' || name === 'Mutation')) {
        const own = Object.fromEntries(
          Object.entries(r as Record<string, unknown>).filter(
            ([field]) => field.startsWith('__') || keep(name, field),
          ),
        );
        resolvers[name] = own;
      } else resolvers[name] = r;
    }
    resolvers[ENTITY] = {
      ...(resolvers[ENTITY] as Record<string, unknown> | undefined),
      // The owner reads the master record (one batched statement per fetch); the others
      // need only the key, which their own field resolvers load by through their loaders.
      __resolveReference: plan.ownsEnterprise
        ? (ref: { uscc: string }, ctx: HubContext) => resolveEnterprise(ref.uscc, ctx)
        : (ref: { uscc: string }) => ({ uscc: ref.uscc }),
    };
    return {
      name: plan.name,
      typeDefs: { kind: Kind.DOCUMENT, definitions },
      resolvers: resolvers as GraphQLResolverMap<HubContext>,
    };
  });
}

/** The executable schema of one subgraph (with `_entities` and `_service`). */
export function subgraphSchema(definition: SubgraphDefinition): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers }]);
}
