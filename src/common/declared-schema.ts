import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  GraphQLEnumType,
  GraphQLObjectType,
  type GraphQLFieldConfig,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** One value of an enum built from modules' declarations; its internal value is its name. */
export interface DeclaredEnumValue {
  readonly name: string;
  readonly description: string | undefined;
}

/**
 * The schema with enum `name`'s values replaced by `values`, in the order given.
 * type-graphql enums are fixed TypeScript objects; an enum whose values are what
 * the module list declares (departments, groupings) is registered with a
 * placeholder and given its values here, once the list is known. Every reference
 * to the enum (fields, arguments, inputs) is rewired to the new type.
 */
export function withEnumValues(
  schema: GraphQLSchema,
  name: string,
  values: readonly DeclaredEnumValue[],
): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ENUM_TYPE]: (type) => {
      if (type.name !== name) return type;
      const config = type.toConfig();
      return new GraphQLEnumType({
        ...config,
        values: Object.fromEntries(
          values.map((v) => [v.name, { value: v.name, description: v.description }]),
        ),
      });
    },
  });
}

/** A field added to an object type from declarations; resolved by reading the property of its name. */
export interface DeclaredField {
  readonly name: string;
  readonly type: GraphQLOutputType;
  readonly description: string | undefined;
}

/** The schema with `fields` added to object type `typeName`, after the field `after` (else at the end). */
export function withAddedFields(
  schema: GraphQLSchema,
  typeName: string,
  fields: readonly DeclaredField[],
  after?: string,
): GraphQLSchema {
  if (fields.length === 0) return schema;
  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      if (type.name !== typeName) return type;
      const config = type.toConfig();
      const added: [string, GraphQLFieldConfig<unknown, unknown>][] = fields.map((f) => [
        f.name,
        { type: f.type, description: f.description },
      ]);
      const existing = Object.entries(config.fields);
      const at = after === undefined ? -1 : existing.findIndex(([n]) => n === after);
      const ordered =
        at < 0
          ? [...existing, ...added]
          : [...existing.slice(0, at + 1), ...added, ...existing.slice(at + 1)];
      return new GraphQLObjectType({ ...config, fields: Object.fromEntries(ordered) });
    },
  });
}
