import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  graphql,
  isObjectType,
  type GraphQLFieldResolver,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { expireOperation, withDeadlineChecks } from '../../src/server/limits/deadline.js';
import { OperationTimeoutError } from '../../src/server/limits/operation-timeout.js';
import { propertyReadFields } from '../../src/server/property-reads.js';
import { buildHubSchema } from '../../src/server/schema.js';
import { HUB } from '../../src/hub.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildHubSchema(HUB);
});

describe('property reads', () => {
  it('marks plain fields of domain types as property reads', () => {
    const reads = propertyReadFields(schema);
    expect(reads.has('Enterprise.address')).toBe(true);
    expect(reads.has('Enterprise.businessScope')).toBe(true);
  });

  it('never marks a field served by a @FieldResolver, a root field or a field with arguments', () => {
    const reads = propertyReadFields(schema);
    const resolved = new Set(getMetadataStorage().fieldResolvers.map((r) => r.schemaName));
    const wrong: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        if (!reads.has(key)) continue;
        const isRoot = ['Query', 'Mutation', 'Subscription'].includes(type.name);
        if (isRoot || resolved.has(field.name) || field.args.length > 0) wrong.push(key);
      }
    }
    expect(wrong).toEqual([]);
    expect(reads.has('Enterprise.designatedInstitutions')).toBe(false);
  });

  it('reads the property of the parent, as type-graphql would', async () => {
    const address = (schema.getType('Enterprise') as GraphQLObjectType).getFields().address!;
    const resolve = address.resolve as GraphQLFieldResolver<unknown, unknown>;
    expect(resolve({ address: 'No. 1 Road' }, {}, {}, undefined as never)).toBe('No. 1 Road');
  });
});

describe('execution deadline without willResolveField', () => {
  const calls: string[] = [];
  const Item = new GraphQLObjectType({
    name: 'Item',
    fields: {
      plain: { type: GraphQLString },
      derived: {
        type: GraphQLString,
        resolve: (item: { plain: string }) => {
          calls.push('derived');
          return item.plain.toUpperCase();
        },
      },
    },
  });
  const small = withDeadlineChecks(
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: { item: { type: Item, resolve: () => (calls.push('item'), { plain: 'a' }) } },
      }),
    }),
    new Set(['Item.plain']),
  );

  it('answers normally before the deadline', async () => {
    const res = await graphql({ schema: small, source: '{ item { plain derived } }', contextValue: {} });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ item: { plain: 'a', derived: 'A' } });
  });

  it('refuses every resolver that does work once the operation has expired', async () => {
    calls.length = 0;
    const ctx = {};
    expireOperation(ctx, 1234);
    const res = await graphql({ schema: small, source: '{ item { plain derived } }', contextValue: ctx });
    expect(res.data).toEqual({ item: null });
    const errors = res.errors ?? [];
    expect(errors.map((e) => e.path)).toEqual([['item']]);
    expect(errors[0]?.originalError).toBeInstanceOf(OperationTimeoutError);
    expect((errors[0]?.originalError as OperationTimeoutError).details).toEqual({ timeoutMs: 1234 });
    expect(calls).toEqual([]);
  });
});
