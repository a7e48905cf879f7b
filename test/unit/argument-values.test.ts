import { describe, expect, it } from '@jest/globals';
import { buildSchema, execute, parse } from 'graphql';

// The project's patch of graphql-js (patches/graphql+16.15.0.patch): a field's argument
// values are coerced once per AST node and operation, not once per object of a list.
const schema = buildSchema(`
  type Query { items(n: Int!): [Item!]! }
  type Item {
    page(first: Int, filter: Filter): Seen!
    plain: Seen!
  }
  input Filter { codes: [String!] }
  type Seen { first: Int, codes: [String!], frozen: Boolean!, mutated: String }
`);

interface Args {
  first?: number;
  filter?: { codes?: string[] };
}

function run(query: string, variableValues: Record<string, unknown>) {
  const received: Args[] = [];
  // A function-valued property is called by graphql-js's default resolver with (args, context, info).
  const seen = (args: Args) => {
    received.push(args);
    let mutated: string | null = null;
    try {
      (args as { first?: number }).first = 99;
    } catch (err) {
      mutated = (err as Error).constructor.name;
    }
    return {
      first: args.first ?? null,
      codes: args.filter?.codes ?? null,
      frozen: Object.isFrozen(args) && (args.filter === undefined || Object.isFrozen(args.filter)),
      mutated,
    };
  };
  const rootValue = {
    items: ({ n }: { n: number }) => Array.from({ length: n }, () => ({ page: seen, plain: seen })),
  };
  return { result: execute({ schema, document: parse(query), rootValue, variableValues }), received };
}

const QUERY = `query Q($first: Int, $codes: [String!]) {
  items(n: 3) { page(first: $first, filter: { codes: $codes }) { first codes frozen mutated } }
}`;

describe('argument values (patched graphql-js)', () => {
  it('gives every object of a list the same frozen values for the same field node', () => {
    const { result, received } = run(QUERY, { first: 5, codes: ['A', 'B'] });
    expect(result).toEqual({
      data: {
        items: Array.from({ length: 3 }, () => ({
          page: { first: 5, codes: ['A', 'B'], frozen: true, mutated: 'TypeError' },
        })),
      },
    });
    expect(received).toHaveLength(3);
    expect(received[1]).toBe(received[0]);
    expect(received[2]).toBe(received[0]);
    expect(Object.isFrozen(received[0]!.filter!.codes)).toBe(true);
  });

  it('coerces them again for another execution with other variables', () => {
    const document = parse(QUERY);
    const values: unknown[] = [];
    for (const variableValues of [
      { first: 1, codes: ['X'] },
      { first: 2, codes: ['Y'] },
    ]) {
      const rootValue = {
        items: () => [
          {
            page: (args: Args) => {
              values.push(args);
              return { first: args.first, codes: args.filter?.codes, frozen: true, mutated: null };
            },
          },
        ],
      };
      void execute({ schema, document, rootValue, variableValues });
    }
    expect(values).toEqual([
      { first: 1, filter: { codes: ['X'] } },
      { first: 2, filter: { codes: ['Y'] } },
    ]);
  });

  it('gives a field without arguments an empty frozen object', () => {
    const { result, received } = run('{ items(n: 2) { plain { first frozen mutated } } }', {});
    expect(result).toEqual({
      data: { items: [0, 1].map(() => ({ plain: { first: null, frozen: true, mutated: 'TypeError' } })) },
    });
    expect(Object.keys(received[0]!)).toEqual([]);
  });
});
