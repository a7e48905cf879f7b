import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { BadInputError } from '../common/errors.js';
import { ForbiddenError } from './forbidden.js';
import { DenyReason, denialMessage, type AccessControl, type Decision } from './access-control.js';
import type { CatalogArgumentRule } from './catalog.js';

/** One input the caller gave: its schema coordinate, where it sits in the arguments, and its value. */
export interface InputUse {
  /** `Query.enterprises(filter:)` for an argument, `EnterpriseFilter.riskGrades` for an input field. */
  readonly coordinate: string;
  /** Argument path as the caller wrote it, e.g. `filter.riskGrades`. */
  readonly path: string;
  readonly value: unknown;
}

/** An input's decision: the field it tests (or none for an open input) and the field's decision. */
export interface InputDecision {
  readonly use: InputUse;
  /** `Type.field` the input was decided as; undefined when the input has no catalog entry. */
  readonly tested: string | undefined;
  readonly decision: Decision;
}

export type DeniedInput = InputDecision & { readonly decision: Decision & { allow: false } };

function unwrap(type: GraphQLInputType): { list: boolean; inner: GraphQLInputType } {
  const t = isNonNullType(type) ? type.ofType : type;
  return isListType(t) ? { list: true, inner: t.ofType } : { list: false, inner: t };
}

/** Walks an input value through input objects and lists, emitting every given (non-null) input. */
function walk(
  coordinate: string,
  path: string,
  type: GraphQLInputType,
  value: unknown,
  out: InputUse[],
): void {
  if (value === undefined || value === null) return;
  out.push({ coordinate, path, value });
  const { list, inner } = unwrap(type);
  const named = getNamedType(inner);
  if (!isInputObjectType(named)) return;
  const items = list && Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    for (const field of Object.values(named.getFields())) {
      walk(
        `${named.name}.${field.name}`,
        `${path}.${field.name}`,
        field.type,
        (item as Record<string, unknown>)[field.name],
        out,
      );
    }
  }
}

/** Every input given to a field, from its coerced arguments (as graphql-js passes them to resolvers). */
export function inputsOf(
  parentType: string,
  field: GraphQLField<unknown, unknown>,
  args: Readonly<Record<string, unknown>>,
): InputUse[] {
  const out: InputUse[] = [];
  for (const arg of field.args)
    walk(`${parentType}.${field.name}(${arg.name}:)`, arg.name, arg.type, args[arg.name], out);
  return out;
}

const notCatalogued = (): Decision & { allow: false } => ({
  allow: false,
  reason: DenyReason.NOT_CATALOGUED,
  entry: undefined,
});

/** The catalogued fields an input tests, for its value; undefined entries are uncatalogued values. */
function testedFields(
  rule: CatalogArgumentRule,
  path: string,
  value: unknown,
  signalRecords: ReadonlyMap<string, string>,
): (string | undefined)[] {
  if ('open' in rule) return [];
  if ('byValue' in rule) {
    const values = Array.isArray(value) ? value : [value];
    return values.map((v) => (typeof v === 'string' ? rule.byValue[v] : undefined));
  }
  if ('signalCode' in rule) {
    const recordType = typeof value === 'string' ? signalRecords.get(value) : undefined;
    // Which codes exist is public (the risk model table), so naming the mistake reveals nothing.
    if (recordType === undefined) {
      throw new BadInputError(
        `${path} must be a signal code of the risk model such as TAX_ARREARS, got "${String(value)}"`,
        { argument: path },
      );
    }
    return [rule.sameAs, `${recordType}.provenance`];
  }
  return [rule.sameAs];
}

/**
 * Decides every input as the catalogued field it tests, with the caller's field
 * decisions (so the same agreement, purpose and owner rules apply). Grants must
 * be loaded (the pipeline does it before anything executes). An input without a
 * catalog entry is denied: deny by default, as for fields.
 */
export function decideInputs(
  uses: readonly InputUse[],
  rules: ReadonlyMap<string, CatalogArgumentRule>,
  signalRecords: ReadonlyMap<string, string>,
  access: AccessControl,
): InputDecision[] {
  const out: InputDecision[] = [];
  for (const use of uses) {
    const rule = rules.get(use.coordinate);
    if (!rule) {
      out.push({ use, tested: undefined, decision: notCatalogued() });
      continue;
    }
    for (const key of testedFields(rule, use.path, use.value, signalRecords)) {
      if (key === undefined) {
        out.push({ use, tested: undefined, decision: notCatalogued() });
        continue;
      }
      const [typeName, fieldName] = key.split('.') as [string, string];
      const decision = access.decideNow(typeName, fieldName, key);
      if (!decision) throw new Error('input decided before the grants were loaded');
      out.push({ use, tested: key, decision });
    }
  }
  return out;
}

export const deniedInputs = (decisions: readonly InputDecision[]): DeniedInput[] =>
  decisions.filter((d): d is DeniedInput => !d.decision.allow);

/** Explains a denied input without revealing any value: the argument, the field it tests, the resource. */
export function inputDenialMessage(field: string, denied: DeniedInput): string {
  const { use, tested, decision } = denied;
  if (!tested) {
    return `argument ${use.path} of ${field} tests data that is not in the data catalog (or a value the catalog does not know), so nobody may use it`;
  }
  const [typeName, fieldName] = tested.split('.') as [string, string];
  return `argument ${use.path} of ${field} tests ${tested}: ${denialMessage(typeName, fieldName, decision)}`;
}

export function forbiddenInput(field: string, denied: DeniedInput): ForbiddenError {
  return new ForbiddenError(inputDenialMessage(field, denied), {
    reason: denied.decision.reason,
    resource: denied.decision.entry?.resource ?? null,
    argument: denied.use.path,
  });
}
