import {
  GraphQLObjectType,
  getNamedType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { MODULES } from '../modules/index.js';
import {
  indexArguments,
  indexCatalog,
  type CatalogArgumentRule,
  type CatalogFieldEntry,
  type CatalogResource,
} from './catalog.js';

/** Every module's catalog resources, in module order. */
export function hubCatalogResources(): readonly CatalogResource[] {
  return MODULES.flatMap((m) => m.catalog);
}

/** `Type.field` → catalog entry for the whole hub; built once per process. */
let cached: ReadonlyMap<string, CatalogFieldEntry> | undefined;
export function hubCatalog(): ReadonlyMap<string, CatalogFieldEntry> {
  cached ??= indexCatalog(hubCatalogResources());
  return cached;
}

/** Schema coordinate of an input → how the policy decides it; built once per process. */
let cachedArguments: ReadonlyMap<string, CatalogArgumentRule> | undefined;
export function hubArguments(): ReadonlyMap<string, CatalogArgumentRule> {
  cachedArguments ??= indexArguments(MODULES.flatMap((m) => m.arguments ?? []));
  return cachedArguments;
}

/** Risk-signal code → GraphQL type of the record it comes from, from every module's signal source. */
let cachedSignals: ReadonlyMap<string, string> | undefined;
export function hubSignalRecords(): ReadonlyMap<string, string> {
  cachedSignals ??= new Map(MODULES.flatMap((m) => Object.entries(m.signals?.codes ?? {})));
  return cachedSignals;
}

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
