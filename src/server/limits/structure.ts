import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { QueryTooComplexError, type LimitName } from './limit-errors.js';

export interface StructureLimits {
  readonly maxTokens: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxRootFields: number;
  readonly maxSelections: number;
}

/**
 * Counts lexical tokens up to the limit, as graphql-js's parser `maxTokens`
 * does, so that an oversized document is refused with QUERY_TOO_COMPLEX
 * before a syntax tree is built. A lexing error stops the count: the parser
 * then reports it as the syntax error it is.
 */
export function checkTokens(source: string, maxTokens: number): void {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++tokens > maxTokens) throw new QueryTooComplexError('tokens', maxTokens, tokens);
    }
  } catch (err) {
    if (err instanceof QueryTooComplexError) throw err;
  }
}

/** Root fields of each operation; fragments on the root type count per field they add. */
function rootFieldsRule(max: number, report: (found: number) => void): ValidationRule {
  return (context: ValidationContext) => {
    const count = (set: SelectionSetNode, seen: Set<string>): number =>
      set.selections.reduce((n, s) => {
        if (s.kind === Kind.FIELD) return n + 1;
        if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet, seen);
        if (seen.has(s.name.value)) return n;
        seen.add(s.name.value);
        const fragment = context.getFragment(s.name.value);
        return fragment ? n + count(fragment.selectionSet, seen) : n;
      }, 0);
    return {
      OperationDefinition(operation) {
        const found = count(operation.selectionSet, new Set());
        if (found > max) report(found);
      },
    };
  };
}

/**
 * Field selections of each operation with every fragment expanded where it is
 * used (the "recursive selections" of Apollo's maxRecursiveSelections), counted
 * with a memo per fragment and cycles cut, so counting itself stays linear.
 * graphql-js's overlap validation is quadratic in these, so they are bounded
 * before it runs.
 */
function selectionsRule(max: number, report: (found: number) => void): ValidationRule {
  return (context: ValidationContext) => {
    const memo = new Map<string, number>();
    const count = (set: SelectionSetNode): number =>
      set.selections.reduce((n, s) => {
        if (s.kind === Kind.FIELD) return n + 1 + (s.selectionSet ? count(s.selectionSet) : 0);
        if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet);
        const name = s.name.value;
        const known = memo.get(name);
        if (known !== undefined) return n + known;
        memo.set(name, 0); // a cycle counts nothing; graphql-js refuses it
        const fragment = context.getFragment(name);
        const inner = fragment ? count(fragment.selectionSet) : 0;
        memo.set(name, inner);
        return n + Math.min(inner, Number.MAX_SAFE_INTEGER);
      }, 0);
    return {
      OperationDefinition(operation) {
        const found = count(operation.selectionSet);
        if (found > max) report(found);
      },
    };
  };
}

/**
 * Depth, aliases, directives (graphql-armor's rules, fragments followed once per
 * use and cycles cut), root fields and selections. It runs before graphql-js's
 * own validation, so a pathological document is refused before the costlier
 * rules walk it. The first limit exceeded is thrown.
 */
export function checkStructure(schema: GraphQLSchema, document: DocumentNode, limits: StructureLimits): void {
  let refusal: QueryTooComplexError | undefined;
  const reject =
    (limit: LimitName, maximum: number) =>
    (_ctx: unknown, error: GraphQLError): void => {
      const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? maximum + 1);
      refusal ??= new QueryTooComplexError(limit, maximum, found);
    };
  const options = (limit: LimitName, n: number) => ({
    n,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [reject(limit, n)],
  });
  validate(schema, document, [
    maxDepthRule({ ...options('depth', limits.maxDepth), flattenFragments: true }),
    maxAliasesRule(options('aliases', limits.maxAliases)),
    maxDirectivesRule(options('directives', limits.maxDirectives)),
    rootFieldsRule(limits.maxRootFields, (found) => {
      refusal ??= new QueryTooComplexError('rootFields', limits.maxRootFields, found);
    }),
    selectionsRule(limits.maxSelections, (found) => {
      refusal ??= new QueryTooComplexError('selections', limits.maxSelections, found);
    }),
  ]);
  if (refusal) throw refusal;
}
