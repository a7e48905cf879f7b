import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

const PROPERTY_READS = new WeakSet<GraphQLFieldResolver<unknown, unknown>>();

/**
 * type-graphql gives every plain `@Field` a resolver that allocates a resolver-data
 * object and runs the (empty) middleware chain before reading `root[name]`; on a
 * page of 200 that is tens of thousands of calls. The hub declares no global
 * middlewares, no auth checker and no `@UseMiddleware`/`@Authorized` on fields, so
 * for a field with none of its own and no `@FieldResolver` anywhere under its name
 * (checked by name only, conservatively) that resolver is exactly `root[name]`:
 * replaced by that read, marked so later layers know it does no work of its own.
 */
export function leanPropertyReads(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const resolvedNames = new Set(storage.fieldResolvers.map((r) => r.schemaName));
  // One declaration per type name: the last one registered. A process that loaded the
  // classes twice (jest's global setup runs the built copy before a test loads the
  // sources) holds both; the sources' copy, registered last, is the one the schema was
  // built from. Fields with a @FieldResolver anywhere under their name stay excluded.
  const last = new Map<string, (typeof storage.objectTypes)[number]>();
  for (const o of storage.objectTypes) last.set(o.name, o);
  for (const meta of last.values()) {
    if (!meta.fields) continue;
    const type = schema.getType(meta.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const f of meta.fields) {
      if (resolvedNames.has(f.schemaName) || (f.middlewares?.length ?? 0) > 0 || f.roles) continue;
      const field = fields[f.schemaName];
      if (!field || field.subscribe) continue;
      const name = f.name;
      const read: GraphQLFieldResolver<unknown, unknown> = (root) => (root as Record<string, unknown>)[name];
      PROPERTY_READS.add(read);
      field.resolve = read;
    }
  }
  return schema;
}

/** `Type.field` of every field that only reads a property of its parent (or has no resolver). */
export function propertyReadFields(schema: GraphQLSchema): ReadonlySet<string> {
  const out = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()))
      if (!field.subscribe && (!field.resolve || PROPERTY_READS.has(field.resolve)))
        out.add(`${type.name}.${field.name}`);
  }
  return out;
}
