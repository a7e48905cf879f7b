import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { OperationTimeoutError } from './operation-timeout.js';

const DEADLINE = Symbol('operation deadline');

interface Deadline {
  expired: boolean;
  timeoutMs: number;
}

type Holder = { [DEADLINE]?: Deadline };

/** Marks the operation of `ctx` as past its deadline: its later resolvers refuse to run. */
export function expireOperation(ctx: object, timeoutMs: number): void {
  (ctx as Holder)[DEADLINE] = { expired: true, timeoutMs };
}

/**
 * The execution deadline, checked before every resolver that does work of its own
 * (loaders, SQL, derived values, roots) instead of in Apollo's `willResolveField`,
 * which made Apollo wrap every field of every value. A field that only reads a
 * property of an already-loaded parent (`readsOnly`) runs no statement and ends
 * as soon as its parent's list does, so it is not checked; statements still running
 * at the deadline are cancelled by the limits plugin.
 */
export function withDeadlineChecks(schema: GraphQLSchema, readsOnly: ReadonlySet<string>): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (readsOnly.has(`${type.name}.${field.name}`)) continue;
      if (field.resolve) field.resolve = checked(field.resolve);
      if (field.subscribe) field.subscribe = checked(field.subscribe);
    }
  }
  return schema;
}

function checked<S, C, A>(inner: GraphQLFieldResolver<S, C, A>): GraphQLFieldResolver<S, C, A> {
  return (parent, args, ctx, info) => {
    const deadline = (ctx as Holder)[DEADLINE];
    if (deadline?.expired) throw new OperationTimeoutError(deadline.timeoutMs);
    return inner(parent, args, ctx, info);
  };
}
