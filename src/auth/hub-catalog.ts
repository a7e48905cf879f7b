import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { MODULES } from '../modules/index.js';
import { indexCatalog, type CatalogFieldEntry, type CatalogResource } from './catalog.js';

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
