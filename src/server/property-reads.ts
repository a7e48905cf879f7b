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
  // A type name declared by more than one class is taken only when every declaration has
  // the same fields (the same class evaluated twice in one process); declarations that
  // differ are left to type-graphql's own resolvers. The test suite no longer loads a
  // second copy (its template is built in a child process, test/build-template.mjs).
  const shapes = new Map<string, Set<string>>();
  for (const o of storage.objectTypes) {
    const shape = JSON.stringify(
      (o.fields ?? []).map((f) => [f.schemaName, f.name, f.middlewares?.length ?? 0, f.roles ?? null]),
    );
    const seen = shapes.get(o.name) ?? new Set<string>();
    seen.add(shape);
    shapes.set(o.name, seen);
  }
  const done = new Set<string>();
  for (const meta of storage.objectTypes) {
    if (shapes.get(meta.name)?.size !== 1 || done.has(meta.name) || !meta.fields) continue;
    done.add(meta.name);
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
