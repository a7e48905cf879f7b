import type { GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '../common/errors.js';
import type { HubContext } from '../server/context.js';
import { PURPOSE_HEADER, isPurpose, type Purpose } from './purpose.js';

/** The document's fragment definitions by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  return fragments;
}

/** What every pipeline step gets: the operation, resolved and validated, before it executes. */
export type OperationStep = GraphQLRequestContextDidResolveOperation<HubContext>;

/**
 * Field extension marking a root field whose `purpose` argument declares the
 * operation's purpose of use, exactly as the X-Purpose header does (a bank engine
 * may find an argument easier to send than a header). `myAccess(purpose)` is not
 * one: it asks about a purpose without declaring it.
 */
export const DECLARES_PURPOSE = 'declaresPurpose';

const declaresPurpose = (field: GraphQLField<unknown, unknown>): boolean =>
  field.extensions[DECLARES_PURPOSE] === true;

type Variables = Readonly<Record<string, unknown>>;

/** A variable's value, or its default when the request does not give it. */
function variableValue(name: string, operation: OperationDefinitionNode, variables: Variables): unknown {
  if (name in variables) return variables[name];
  const fallback = operation.variableDefinitions?.find((d) => d.variable.name.value === name)?.defaultValue;
  if (fallback?.kind === Kind.ENUM || fallback?.kind === Kind.BOOLEAN) return fallback.value;
  return undefined;
}

/** Whether @skip / @include let a selection run, as graphql-js decides when it collects fields. */
function included(node: SelectionNode, operation: OperationDefinitionNode, variables: Variables): boolean {
  const condition = (directive: string): boolean | undefined => {
    const value = node.directives
      ?.find((d) => d.name.value === directive)
      ?.arguments?.find((a) => a.name.value === 'if')?.value;
    if (value?.kind === Kind.BOOLEAN) return value.value;
    if (value?.kind === Kind.VARIABLE) return variableValue(value.name.value, operation, variables) === true;
    return undefined;
  };
  return condition('skip') !== true && condition('include') !== false;
}

/** Root-level field nodes that will run, through fragments and inline fragments. */
export function rootFields(
  selectionSet: SelectionSetNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  out: FieldNode[] = [],
  visiting = new Set<string>(),
): FieldNode[] {
  for (const selection of selectionSet.selections) {
    if (!included(selection, operation, variables)) continue;
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      rootFields(selection.selectionSet, operation, variables, fragments, out, visiting);
    else {
      const fragment = fragments[selection.name.value];
      if (!fragment || visiting.has(fragment.name.value)) continue;
      visiting.add(fragment.name.value);
      rootFields(fragment.selectionSet, operation, variables, fragments, out, visiting);
      visiting.delete(fragment.name.value);
    }
  }
  return out;
}

/**
 * The value of a field's `purpose` argument: an enum literal, or a variable with
 * its value or default. Variables are checked against their types only at
 * execution, so anything that is not a purpose is left for that check to refuse.
 */
function purposeArgument(
  node: FieldNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): Purpose | undefined {
  const value = node.arguments?.find((a) => a.name.value === 'purpose')?.value;
  let raw: unknown;
  if (value?.kind === Kind.ENUM) raw = value.value;
  else if (value?.kind === Kind.VARIABLE) raw = variableValue(value.name.value, operation, variables);
  return typeof raw === 'string' && isPurpose(raw) ? raw : undefined;
}

const badPurpose = (message: string, extensions: Record<string, unknown>) =>
  new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument: 'purpose', ...extensions, http: { status: 400 } },
  });

/**
 * Pipeline step 1: applies a purpose declared in an argument before anything is
 * decided, so the field and input rules, the grants and the access log all see
 * one purpose per operation. An operation may declare it in the header or in
 * arguments, but not two different ones.
 */
export function resolvePurpose({
  contextValue: ctx,
  document,
  operation,
  schema,
  request,
}: OperationStep): void {
  if (!operation) return;
  const root = schema.getRootType(operation.operation);
  if (!root) return;
  const fragments = fragmentsOf(document);
  const variables = request.variables ?? {};
  const declared = new Set<Purpose>();
  for (const node of rootFields(operation.selectionSet, operation, variables, fragments)) {
    const field = root.getFields()[node.name.value];
    if (!field || !declaresPurpose(field)) continue;
    const purpose = purposeArgument(node, operation, variables);
    if (purpose) declared.add(purpose);
  }
  if (declared.size === 0) return;
  const purposes = [...declared].sort();
  if (purposes.length > 1) {
    throw badPurpose(
      `An operation has one purpose of use, but its fields declare ${purposes.join(' and ')}`,
      {
        purposes,
      },
    );
  }
  const [purpose] = purposes as [Purpose];
  if (ctx.purpose !== undefined && ctx.purpose !== purpose) {
    throw badPurpose(
      `The purpose argument ${purpose} disagrees with the ${PURPOSE_HEADER} header ${ctx.purpose}; ` +
        'declare one purpose per operation',
      { purposes: [purpose, ctx.purpose].sort() },
    );
  }
  ctx.access.declarePurpose(purpose);
}
