import {
  GraphQLObjectType,
  getNamedType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import type { HubModule } from '../server/hub-module.js';
import {
  indexArguments,
  indexCatalog,
  type CatalogArgumentRule,
  type CatalogFieldEntry,
  type CatalogResource,
} from './catalog.js';

/**
 * The catalog of a hub, assembled from its module list (given by whoever assembles
 * the hub: the app, a request's context, a tool); read once per list.
 */
interface HubCatalog {
  readonly resources: readonly CatalogResource[];
  readonly fields: ReadonlyMap<string, CatalogFieldEntry>;
  readonly arguments: ReadonlyMap<string, CatalogArgumentRule>;
  readonly signalRecords: ReadonlyMap<string, string>;
}

const catalogs = new WeakMap<readonly HubModule[], HubCatalog>();

function catalogOf(modules: readonly HubModule[]): HubCatalog {
  let found = catalogs.get(modules);
  if (!found) {
    const resources = modules.flatMap((m) => m.catalog);
    found = {
      resources,
      fields: indexCatalog(resources),
      arguments: indexArguments(modules.flatMap((m) => m.arguments ?? [])),
      signalRecords: new Map(
        modules.flatMap((m) => Object.entries(m.signals?.codes ?? {}).map(([code, d]) => [code, d.record])),
      ),
    };
    catalogs.set(modules, found);
  }
  return found;
}

/** Every module's catalog resources, in module order. */
export const hubCatalogResources = (modules: readonly HubModule[]): readonly CatalogResource[] =>
  catalogOf(modules).resources;

/** `Type.field` → catalog entry for the whole hub. */
export const hubCatalog = (modules: readonly HubModule[]): ReadonlyMap<string, CatalogFieldEntry> =>
  catalogOf(modules).fields;

/** Schema coordinate of an input → how the policy decides it. */
export const hubArguments = (modules: readonly HubModule[]): ReadonlyMap<string, CatalogArgumentRule> =>
  catalogOf(modules).arguments;

/** Risk-signal code → GraphQL type of the record it comes from, from every module's signal source. */
export const hubSignalRecords = (modules: readonly HubModule[]): ReadonlyMap<string, string> =>
  catalogOf(modules).signalRecords;

/**
 * Object types that carry no department data of their own: roots, pagination
 * wrappers, and provenance, which describes the record it hangs off and is read
 * under that record's rule.
 */
export function isStructuralType(name: string): boolean {
  return (
    name.startsWith('__') ||
    ['Query', 'Mutation', 'Subscription', 'PageInfo', 'Provenance'].includes(name) ||
    name.endsWith('Connection') ||
    name.endsWith('Edge')
  );
}

/** Every `Type.field` of a domain type in the schema (platform types check callers in their resolvers). */
export function domainFields(schema: GraphQLSchema, platformTypes: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || isStructuralType(type.name) || platformTypes.has(type.name))
      continue;
    for (const field of Object.keys(type.getFields())) out.push(`${type.name}.${field}`);
  }
  return out.sort();
}

/** The object type a field's values are, through lists and connections (`EnterpriseConnection` → Enterprise). */
function servedType(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  if (isObjectType(named) && named.name.endsWith('Connection')) {
    const edges = named.getFields().edges;
    const edge = edges ? getNamedType(edges.type) : undefined;
    const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
    if (node) return getNamedType(node.type).name;
  }
  return named.name;
}

/**
 * Root fields that serve catalogued data (their type has catalog entries): their
 * inputs are decided by the input policy, and every input needs a catalog entry.
 */
export function rootFieldsServingCatalogue(
  schema: GraphQLSchema,
  catalog: ReadonlyMap<string, CatalogFieldEntry>,
): { parent: string; field: GraphQLField<unknown, unknown> }[] {
  const types = new Set([...catalog.values()].map((e) => e.typeName));
  const out: { parent: string; field: GraphQLField<unknown, unknown> }[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields()))
      if (types.has(servedType(field))) out.push({ parent: root.name, field });
  }
  return out;
}
