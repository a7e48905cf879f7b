import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getNamedType,
  isAbstractType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '../common/errors.js';
import type { HubContext } from '../server/context.js';
import { denialMessage, type Decision } from './access-control.js';
import type { CatalogFieldEntry } from './catalog.js';

/** The document's fragment definitions by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  return fragments;
}

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

/**
 * AUTHZ_MODE=reject: before execution, every catalogued field the operation to
 * be executed selects (through fragments, inline fragments and interfaces
 * alike) is decided; if any is denied the whole operation is refused with
 * FORBIDDEN and nothing is resolved.
 */
export function rejectModePlugin(
  catalog: ReadonlyMap<string, CatalogFieldEntry>,
): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue: ctx, document, operation, schema, request }) {
          if (!operation) return;
          const root = schema.getRootType(operation.operation);
          if (!root) return;
          const fragments = fragmentsOf(document);
          await ctx.access.activeGrants();
          const denied: { field: string; decision: Decision & { allow: false } }[] = [];
          for (const key of selectedFields(schema, operation.selectionSet, [root], fragments)) {
            if (!catalog.has(key)) continue;
            const [typeName, fieldName] = key.split('.') as [string, string];
            const decision = ctx.access.decideNow(typeName, fieldName)!;
            if (!decision.allow) denied.push({ field: key, decision });
          }
          if (denied.length === 0) return;
          for (const uscc of usccArguments(operation.selectionSet, request.variables ?? {}))
            ctx.audit.touchUscc(uscc);
          denied.sort((a, b) => a.field.localeCompare(b.field));
          for (const { field, decision } of denied) ctx.audit.recordRefusal(field, decision);
          const [first] = denied;
          const [typeName, fieldName] = first!.field.split('.') as [string, string];
          throw new GraphQLError(
            `Operation refused: ${denied.length} selected field(s) may not be read by you (${denied
              .map((d) => d.field)
              .join(', ')}). First: ${denialMessage(typeName, fieldName, first!.decision)}`,
            {
              extensions: {
                code: ErrorCode.FORBIDDEN,
                fields: denied.map((d) => d.field),
                http: { status: 403 },
              },
            },
          );
        },
      };
    },
  };
}
