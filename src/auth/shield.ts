import {
  GraphQLObjectType,
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { applyMiddleware, type IMiddlewareFunction } from 'graphql-middleware';
import { deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { ForbiddenError } from './forbidden.js';
import type { HubContext } from '../server/context.js';
import { denialMessage, type Decision } from './access-control.js';
import type { CatalogFieldEntry } from './catalog.js';
import {
  hubArguments,
  hubSignalRecords,
  isStructuralType,
  rootFieldsServingCatalogue,
} from './hub-catalog.js';
import { decideInputs, deniedInputs, forbiddenInput, inputsOf } from './input-policy.js';
import { maskPersonal } from './masking.js';

export function forbiddenFor(
  typeName: string,
  fieldName: string,
  decision: Decision & { allow: false },
): ForbiddenError {
  return new ForbiddenError(denialMessage(typeName, fieldName, decision), {
    reason: decision.reason,
    resource: decision.entry?.resource ?? null,
  });
}

/**
 * The hub's patch of graphql-shield (patches/graphql-shield+7.6.5.patch) calls a
 * rule's `resolveSync` first: true allows, an Error denies, undefined falls back
 * to the rule's asynchronous evaluation. Without it every permitted leaf value
 * would become a promise, which is where shield's 2-8x slowdown on lists comes from.
 */
type SyncRule<R> = R & {
  resolveSync?: (parent: unknown, args: unknown, ctx: HubContext) => true | Error | undefined;
};

function withSync<R extends object>(r: R, resolveSync: NonNullable<SyncRule<R>['resolveSync']>): R {
  (r as SyncRule<R>).resolveSync = resolveSync;
  return r;
}

const authenticated = withSync(
  rule('authenticated', { cache: 'no_cache' })(
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- deny by default: a context without a principal is refused whatever its type says
    (_parent, _args, ctx: HubContext) => ctx.principal !== undefined,
  ),
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- deny by default: a context without a principal is refused whatever its type says
  (_parent, _args, ctx) => (ctx.principal !== undefined ? true : undefined),
);

/** Pagination wrappers, provenance and platform types: read under the rule of the field that led there. */
const structural = withSync(
  rule('structural', { cache: 'no_cache' })(() => true),
  () => true,
);

/**
 * The rule of one catalogued field. graphql-shield calls it for every value; the
 * decision itself is made once per request and field (AccessControl memoises
 * it), so a list of N records costs N map look-ups, not N decisions.
 */
function catalogRule(typeName: string, fieldName: string) {
  const key = `${typeName}.${fieldName}`;
  const asyncRule = rule(`catalog:${key}`, { cache: 'no_cache' })(async (parent, _args, ctx: HubContext) => {
    try {
      const decision =
        ctx.access.decideNow(typeName, fieldName, key) ?? (await ctx.access.decideField(typeName, fieldName));
      ctx.audit.record(key, decision, parent);
      return decision.allow ? true : forbiddenFor(typeName, fieldName, decision);
    } catch (err) {
      // Returned, not thrown: shield would swap a thrown error for its fallback
      // error, hiding a database failure behind a misleading denial. The error
      // formatter masks it for the client and logs it in full.
      return err instanceof Error ? err : new Error(String(err));
    }
  });
  return withSync(asyncRule, (parent, _args, ctx) => {
    const decision = ctx.access.decideNow(typeName, fieldName, key);
    if (!decision) return undefined;
    ctx.audit.record(key, decision, parent);
    return decision.allow ? true : forbiddenFor(typeName, fieldName, decision);
  });
}

/**
 * The rule of a root field serving catalogued data: an authenticated caller, and
 * every input it gives (filters, orderings, groupings) decided as the field it
 * tests. A denied input nulls the field with FORBIDDEN naming the argument and
 * the resource; an allowed input on conditional data is logged like a read.
 */
function inputRule(parent: string, field: GraphQLField<unknown, unknown>) {
  const coordinate = `${parent}.${field.name}`;
  const check = (args: unknown, ctx: HubContext): true | Error => {
    const decisions = decideInputs(
      inputsOf(parent, field, (args ?? {}) as Record<string, unknown>),
      hubArguments(ctx.modules),
      hubSignalRecords(ctx.modules),
      ctx.access,
    );
    for (const d of decisions) ctx.audit.record(d.use.coordinate, d.decision, undefined);
    const [denied] = deniedInputs(decisions);
    return denied ? forbiddenInput(coordinate, denied) : true;
  };
  const asyncRule = rule(`inputs:${coordinate}`, { cache: 'no_cache' })(async (
    _parent,
    args,
    ctx: HubContext,
  ) => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- deny by default: a context without a principal is refused whatever its type says
    if (ctx.principal === undefined) return false;
    try {
      await ctx.access.activeGrants();
      return check(args, ctx);
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  });
  return withSync(asyncRule, (_parent, args, ctx) => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- deny by default: a context without a principal is refused whatever its type says
    if (ctx.principal === undefined || !ctx.access.grantsLoaded) return undefined;
    return check(args, ctx);
  });
}

/**
 * Rules generated from the schema and the catalog: every field of a domain type
 * gets its catalog rule; roots and platform operations need an authenticated
 * caller (their resolvers check roles); pagination wrappers and provenance are
 * read under the rule of the field that led to them. Anything else hits the
 * deny fallback.
 */
export function buildRules(
  schema: GraphQLSchema,
  platformTypes: ReadonlySet<string>,
  catalog: ReadonlyMap<string, CatalogFieldEntry>,
): IRules {
  const rules: Record<string, Record<string, unknown>> = {};
  const governed = new Map(
    rootFieldsServingCatalogue(schema, catalog).map(({ parent, field }) => [
      `${parent}.${field.name}`,
      field,
    ]),
  );
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    const fields: Record<string, unknown> = {};
    for (const fieldName of Object.keys(type.getFields())) {
      const root = governed.get(`${type.name}.${fieldName}`);
      if (root) fields[fieldName] = inputRule(type.name, root);
      else if (type.name === 'Query' || type.name === 'Mutation') fields[fieldName] = authenticated;
      else if (platformTypes.has(type.name) || isStructuralType(type.name)) fields[fieldName] = structural;
      else if (catalog.has(`${type.name}.${fieldName}`))
        fields[fieldName] = catalogRule(type.name, fieldName);
      // No rule: the deny fallback applies, so an uncatalogued field is unreadable.
    }
    rules[type.name] = fields;
  }
  return rules as IRules;
}

/** Masks personal fields after they resolve, for everyone but their owner. */
function maskingMiddleware(catalog: ReadonlyMap<string, CatalogFieldEntry>) {
  const map: Record<string, Record<string, IMiddlewareFunction>> = {};
  for (const entry of catalog.values()) {
    if (!entry.personal) continue;
    const fn: IMiddlewareFunction = async (resolve, parent, args, ctx: HubContext, info) => {
      const value: unknown = await (resolve as GraphQLFieldResolver<unknown, HubContext>)(
        parent,
        args,
        ctx,
        info,
      );
      const decision = await ctx.access.decideField(entry.typeName, entry.fieldName);
      return decision.allow && decision.mask && typeof value === 'string' ? maskPersonal(value) : value;
    };
    (map[entry.typeName] ??= {})[entry.fieldName] = fn;
  }
  return map;
}

/**
 * Wraps the schema's resolvers with the catalog's sharing rules and masking.
 *
 * graphql-middleware composes shield's middleware around every field as closures
 * built per call. For the two rule kinds that decide synchronously on nearly every
 * value, the composed resolver is replaced by one that asks the same rule first and
 * calls the field's own resolver directly, falling back to the composed one when the
 * rule cannot decide yet: a structural field (always allowed) keeps its own resolver,
 * a catalogued field runs `resolveSync` (the same decision and access-log record the
 * patched shield would make) in front of it. Personal fields (masking), root fields
 * and everything else keep the full composition.
 */
export function authorizeSchema(
  schema: GraphQLSchema,
  platformTypes: ReadonlySet<string>,
  catalog: ReadonlyMap<string, CatalogFieldEntry>,
): GraphQLSchema {
  const ruleTree = buildRules(schema, platformTypes, catalog) as Record<string, Record<string, unknown>>;
  const rules = shield(ruleTree as IRules, {
    fallbackRule: deny,
    allowExternalErrors: true,
    // A rule that answers false without an error (the deny fallback) gets this.
    fallbackError: () =>
      new ForbiddenError('this field is not in the data catalog, so nobody may read it', {
        reason: 'NOT_CATALOGUED',
      }),
  });
  const authorized = applyMiddleware(schema, rules, maskingMiddleware(catalog));
  for (const type of Object.values(authorized.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    if (type.name === 'Query' || type.name === 'Mutation' || type.name === 'Subscription') continue;
    const own = schema.getType(type.name);
    if (!(own instanceof GraphQLObjectType)) continue;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const rule = ruleTree[type.name]?.[field.name] as SyncRule<object> | undefined;
      const base = own.getFields()[field.name];
      if (!rule || !base || field.subscribe || catalog.get(key)?.personal) continue;
      const original = base.resolve ?? defaultFieldResolver;
      if (rule === structural) field.resolve = original;
      else if (rule.resolveSync && catalog.has(key))
        field.resolve = syncFirst(rule.resolveSync, original, field.resolve!);
    }
  }
  return authorized;
}

function syncFirst(
  resolveSync: NonNullable<SyncRule<object>['resolveSync']>,
  original: GraphQLFieldResolver<unknown, HubContext>,
  composed: GraphQLFieldResolver<unknown, HubContext>,
): GraphQLFieldResolver<unknown, HubContext> {
  return (parent, args, ctx, info) => {
    const res = resolveSync(parent, args, ctx);
    if (res === true) return original(parent, args, ctx, info);
    if (res instanceof Error) return res;
    return composed(parent, args, ctx, info);
  };
}
