import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getVariableValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '../common/errors.js';
import { denialMessage } from './access-control.js';
import type { CatalogFieldEntry } from './catalog.js';
import { hubArguments, hubCatalog, hubSignalRecords, rootFieldsServingCatalogue } from './hub-catalog.js';
import { decideInputs, deniedInputs, inputDenialMessage, inputsOf, type InputUse } from './input-policy.js';
import { fragmentsOf, rootFields, type OperationStep } from './purpose-argument.js';

/** The object types a value of `type` may have at run time. */
function concreteTypes(schema: GraphQLSchema, type: GraphQLNamedType): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return schema.getPossibleTypes(type);
  return [];
}

/** Keeps the possible types that a fragment's type condition can match. */
function narrow(
  schema: GraphQLSchema,
  possible: readonly GraphQLObjectType[],
  condition: string | undefined,
) {
  if (!condition) return possible;
  const type = schema.getType(condition);
  if (!type) return [];
  return possible.filter((t) => t === type || (isAbstractType(type) && schema.isSubType(type, t)));
}

/**
 * Every (object type, field) the operation can resolve: fields are followed on
 * the concrete types possible at their position, so an inline fragment on an
 * interface inside a penalty list means AdministrativePenalty, not every record type.
 */
export function selectedFields(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  possible: readonly GraphQLObjectType[],
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  out = new Set<string>(),
  visiting = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      for (const type of possible) {
        const field = type.getFields()[selection.name.value];
        if (!field) continue;
        out.add(`${type.name}.${field.name}`);
        if (selection.selectionSet) {
          const child = concreteTypes(schema, getNamedType(field.type));
          selectedFields(schema, selection.selectionSet, child, fragments, out, visiting);
        }
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const narrowed = narrow(schema, possible, selection.typeCondition?.name.value);
      selectedFields(schema, selection.selectionSet, narrowed, fragments, out, visiting);
    } else {
      const fragment = fragments[selection.name.value];
      if (!fragment || visiting.has(fragment.name.value)) continue;
      visiting.add(fragment.name.value);
      const narrowed = narrow(schema, possible, fragment.typeCondition.name.value);
      selectedFields(schema, fragment.selectionSet, narrowed, fragments, out, visiting);
      visiting.delete(fragment.name.value);
    }
  }
  return out;
}

/** USCCs a refused operation asked about at its root (`enterprise(uscc:)`, `portfolio(usccs:)`). */
function usccArguments(selectionSet: SelectionSetNode, variables: Record<string, unknown>): string[] {
  const found: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string') found.push(value);
    else if (Array.isArray(value)) value.forEach(add);
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    for (const arg of selection.arguments ?? []) {
      if (arg.name.value !== 'uscc' && arg.name.value !== 'usccs') continue;
      if (arg.value.kind === Kind.VARIABLE) add(variables[arg.value.name.value]);
      else if (arg.value.kind === Kind.STRING) add(arg.value.value);
      else if (arg.value.kind === Kind.LIST)
        arg.value.values.forEach((v) => v.kind === Kind.STRING && add(v.value));
    }
  }
  return found;
}

/** The inputs every root field serving catalogued data is given, with coerced variable values. */
function rootInputs(step: OperationStep): { field: string; uses: InputUse[] }[] {
  const { document, operation, schema, request } = step;
  if (!operation) return [];
  const root = schema.getRootType(operation.operation);
  if (!root) return [];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
  // Bad variables fail execution with their own error; nothing is served.
  if (coerced.errors) return [];
  const governed = new Set(
    rootFieldsServingCatalogue(schema, hubCatalog(step.contextValue.modules)).map(
      ({ parent, field }) => `${parent}.${field.name}`,
    ),
  );
  const out: { field: string; uses: InputUse[] }[] = [];
  const nodes = rootFields(operation.selectionSet, operation, request.variables ?? {}, fragmentsOf(document));
  for (const node of nodes) {
    const field = root.getFields()[node.name.value];
    if (!field || !governed.has(`${root.name}.${field.name}`)) continue;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, coerced.coerced);
    } catch {
      continue; // an invalid literal fails validation or execution on its own
    }
    out.push({ field: `${root.name}.${field.name}`, uses: inputsOf(root.name, field, args) });
  }
  return out;
}

interface Refusal {
  readonly field: string;
  readonly message: string;
  readonly argument?: string;
}

/**
 * Pipeline step 3, AUTHZ_MODE=reject: before execution, every catalogued field
 * the operation selects (through fragments, inline fragments and interfaces
 * alike) and every input of its root fields (filters, orderings, groupings) is
 * decided; if any is denied the whole operation is refused with FORBIDDEN and
 * nothing is resolved. Grants are loaded (step 2).
 */
export function refuseDenied(step: OperationStep, catalog: ReadonlyMap<string, CatalogFieldEntry>): void {
  const { contextValue: ctx, document, operation, schema, request } = step;
  if (!operation) return;
  const root = schema.getRootType(operation.operation);
  if (!root) return;
  const fragments = fragmentsOf(document);
  const refusals: Refusal[] = [];
  for (const key of [...selectedFields(schema, operation.selectionSet, [root], fragments)].sort()) {
    if (!catalog.has(key)) continue;
    const [typeName, fieldName] = key.split('.') as [string, string];
    const decision = ctx.access.decideNow(typeName, fieldName)!;
    if (decision.allow) continue;
    ctx.audit.recordRefusal(key, decision);
    refusals.push({ field: key, message: denialMessage(typeName, fieldName, decision) });
  }
  for (const { field, uses } of rootInputs(step)) {
    const decisions = decideInputs(
      uses,
      hubArguments(ctx.modules),
      hubSignalRecords(ctx.modules),
      ctx.access,
    );
    for (const d of deniedInputs(decisions)) {
      ctx.audit.recordRefusal(d.use.coordinate, d.decision);
      refusals.push({ field: d.use.coordinate, message: inputDenialMessage(field, d), argument: d.use.path });
    }
  }
  if (refusals.length === 0) return;
  for (const uscc of usccArguments(operation.selectionSet, request.variables ?? {}))
    ctx.audit.touchUscc(uscc);
  const [first] = refusals;
  const args = refusals.flatMap((r) => (r.argument ? [r.argument] : []));
  throw new GraphQLError(
    `Operation refused: ${refusals.length} selected field(s) or argument(s) may not be used by you (${refusals
      .map((r) => r.field)
      .join(', ')}). First: ${first!.message}`,
    {
      extensions: {
        code: ErrorCode.FORBIDDEN,
        fields: refusals.filter((r) => !r.argument).map((r) => r.field),
        ...(args.length > 0 ? { arguments: args } : {}),
        http: { status: 403 },
      },
    },
  );
}
