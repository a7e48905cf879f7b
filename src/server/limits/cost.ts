import { getNamedType, isCompositeType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { QueryTooComplexError } from './limit-errors.js';

/**
 * Paged lists (a `first` argument and a `...Connection` type) cost one plus
 * their page size times what each item asks for; `first` missing means the
 * default page size, as the resolvers read it.
 */
export function connectionEstimator(defaultPageSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    if (!getNamedType(field.type).name.endsWith('Connection')) return undefined;
    if (!field.args.some((a) => a.name === 'first')) return undefined;
    const first = typeof args.first === 'number' && args.first > 0 ? args.first : defaultPageSize;
    return 1 + first * childComplexity;
  };
}

/** Any other field: an object costs one plus its selection, a scalar or enum nothing. */
const objectEstimator: ComplexityEstimator = ({ field, childComplexity }) =>
  isCompositeType(getNamedType(field.type)) ? 1 + childComplexity : 0;

/** Estimators in order: a field's own `complexity` (type-graphql option), paged lists, objects. */
export function costEstimators(defaultPageSize: number): ComplexityEstimator[] {
  return [fieldExtensionsEstimator(), connectionEstimator(defaultPageSize), objectEstimator];
}

/** Selections walked at most; more is refused as too complex (fragments counted per use). */
const DEFAULT_MAX_NODES = 50_000;

/**
 * The static cost of one operation of a validated document, from graphql-query-complexity:
 * fragments and aliases count once per use, skipped/included selections follow their variables.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  estimators: ComplexityEstimator[],
  maxNodes = DEFAULT_MAX_NODES,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators,
      maxQueryNodes: maxNodes,
    });
  } catch (err) {
    if (err instanceof Error && /maximum allowed number of nodes/.test(err.message)) {
      throw new QueryTooComplexError('nodes', maxNodes, maxNodes + 1);
    }
    throw err;
  }
}
