import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { MODULES } from '../modules/index.js';
import { PLATFORM } from './platform.js';

/** Builds the one schema from every module's resolvers (their Enterprise fields included). */
export async function buildHubSchema(): Promise<GraphQLSchema> {
  const resolvers = [
    ...MODULES.flatMap((m) => m.resolvers),
    ...PLATFORM.flatMap((c) => c.resolvers),
  ] as unknown as NonEmptyArray<() => unknown>;
  return buildSchema({
    resolvers,
    // Arguments are checked by the hub's own layer (src/common/input.ts), which every
    // service calls; class-validator is not used, so type-graphql does not run it.
    validate: false,
    emitSchemaFile: false,
  });
}
