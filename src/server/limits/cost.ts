import {
  getNamedType,
  isCompositeType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
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

/**
 * The variables an estimate can depend on, for costEstimators' estimators: those used
 * in a directive's arguments (@skip/@include), in a `first` argument, or in any
 * argument of a field that prices itself (a `complexity` extension, which may read
 * any of its arguments). Every other variable only chooses data (a USCC, a filter, a
 * cursor) and leaves the estimate as it is. The whole document is walked, every
 * operation and fragment, so the set is never smaller than the operation's own.
 */
export function costVariables(schema: GraphQLSchema, document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (value: ValueNode) =>
    visit(value, {
      Variable(node) {
        names.add(node.name.value);
      },
    });
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      // Every directive's arguments (@skip/@include decide what is counted).
      Directive(node) {
        for (const arg of node.arguments ?? []) collect(arg.value);
      },
      Argument(node) {
        if (typeInfo.getDirective()) return;
        const field = typeInfo.getFieldDef();
        // A field unknown here (never, once validated) counts all its arguments.
        if (!field || node.name.value === 'first' || field.extensions.complexity !== undefined)
          collect(node.value);
      },
    }),
  );
  return [...names].sort();
}

/** Longest key of the variables an estimate depends on that is kept (a portfolio's 1,000 codes are not). */
const MAX_KEY_LENGTH = 1024;
/** Estimates kept per document: its operations at different page sizes (a dashboard's query). */
const MAX_PER_DOCUMENT = 64;

interface DocumentCosts {
  /** costVariables of the whole document, the same for each of its operations. */
  readonly variables: readonly string[];
  /** By operation and the values of `variables`. */
  readonly costs: Map<string, number>;
}

/**
 * estimateCost, remembered per parsed document (Apollo hands over the same
 * DocumentNode for the same text), operation and values of the variables the
 * estimate depends on (costVariables). A profile asked for one USCC after another
 * is priced once: walking its document with TypeInfo was a tenth of the request's
 * CPU. A refusal (too many nodes) is not kept; it is worked out again each time.
 */
export class CostEstimateCache {
  private readonly documents = new WeakMap<DocumentNode, DocumentCosts>();
  /** Estimates worked out rather than remembered (tests, the bench). */
  misses = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly estimators: ComplexityEstimator[],
    private readonly maxNodes = DEFAULT_MAX_NODES,
  ) {}

  estimate(
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown> | undefined,
  ): number {
    let known = this.documents.get(document);
    if (!known) {
      known = { variables: costVariables(this.schema, document), costs: new Map() };
      this.documents.set(document, known);
    }
    // [] for a variable not given (its default applies), [value] for one given, null included.
    const key = JSON.stringify([
      operationName ?? null,
      ...known.variables.map((name) =>
        variables && Object.hasOwn(variables, name) ? [variables[name]] : [],
      ),
    ]);
    const cached = known.costs.get(key);
    if (cached !== undefined) return cached;
    this.misses++;
    const cost = estimateCost(
      this.schema,
      document,
      operationName,
      variables,
      this.estimators,
      this.maxNodes,
    );
    if (key.length <= MAX_KEY_LENGTH) {
      if (known.costs.size >= MAX_PER_DOCUMENT) known.costs.clear();
      known.costs.set(key, cost);
    }
    return cost;
  }
}
