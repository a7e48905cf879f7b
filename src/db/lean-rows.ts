import type { EntityClass, EntityMetadata, Platform } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';

type Row = Record<string, unknown>;
type Convert = (value: unknown) => unknown;

interface Column {
  readonly field: string;
  readonly property: string;
  readonly convert: Convert | undefined;
}

interface Mapper {
  readonly columns: readonly Column[];
  readonly prototype: object;
}

/**
 * Per entity, built once: how a raw row's columns become the entity's property
 * values (the conversions the ORM's hydrator applies: custom types such as
 * decimals as numbers, timestamps as Dates) and the prototype that carries the
 * entity's own getters (`provenance`). Holds no row and nothing per request.
 */
const mappers = new WeakMap<EntityMetadata, Mapper>();

function converterOf(prop: EntityMetadata['props'][number], platform: Platform): Convert | undefined {
  const custom = prop.customType;
  if (custom)
    return (v): unknown => (v === null || v === undefined ? v : custom.convertToJSValue(v, platform));
  if (prop.runtimeType === 'Date') return (v) => (typeof v === 'string' ? platform.parseDate(v) : v);
  return undefined;
}

/** The user-defined getters of an entity class and its bases (the ORM's own accessors left out). */
function leanPrototype(meta: EntityMetadata): object {
  const prototype: object = {};
  const props = new Set(meta.props.map((p) => p.name));
  for (let proto = meta.class.prototype as object | null; proto && proto !== Object.prototype; ) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (!descriptor.get || name.startsWith('__') || props.has(name) || name in prototype) continue;
      // The getter itself is installed (and later called with a row as `this`), not called here;
      // `set: undefined` keeps only the getter, as before.
      Object.defineProperty(prototype, name, {
        ...descriptor,
        set: undefined,
        enumerable: false,
        configurable: false,
      });
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return prototype;
}

function mapperOf(em: SqlEntityManager, meta: EntityMetadata): Mapper {
  let mapper = mappers.get(meta);
  if (!mapper) {
    const platform = em.getPlatform();
    const columns: Column[] = [];
    for (const prop of meta.props) {
      // Typed string[], but unset at run time for one-to-many and inverse many-to-many
      // properties (MetadataDiscovery.initFieldName assigns them no column).
      const fieldNames = prop.fieldNames as readonly string[] | undefined;
      if (prop.formula || prop.persist === false || fieldNames?.length !== 1) continue;
      columns.push({ field: fieldNames[0]!, property: prop.name, convert: converterOf(prop, platform) });
    }
    mapper = { columns, prototype: leanPrototype(meta) };
    mappers.set(meta, mapper);
  }
  return mapper;
}

/**
 * Maps raw rows of an entity's table to plain read-only objects with the entity's
 * property names and values, without the ORM's entity creation, identity map or
 * change tracking: for read paths that only serve GraphQL. Writes keep using the
 * request's EntityManager and real entities.
 */
export function leanRowMapper<T extends object>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
): (row: Row) => T {
  const { columns, prototype } = mapperOf(em, em.getMetadata().get(entity) as EntityMetadata);
  return (row) => {
    const out = Object.create(prototype) as Row;
    for (const c of columns) {
      const value = row[c.field];
      out[c.property] = c.convert ? c.convert(value) : value;
    }
    return out as T;
  };
}

/** The columns an entity's lean rows are read from (formulas and lazy subqueries left out). */
export function leanColumns(em: SqlEntityManager, entity: EntityClass<object>): readonly string[] {
  return mapperOf(em, em.getMetadata().get(entity) as EntityMetadata).columns.map((c) => c.field);
}

/**
 * As leanRowMapper, for the results of the driver's own find (`em.getDriver().find`:
 * property names, custom types not yet converted), so a list can keep MikroORM's
 * filter and keyset-cursor SQL without entity creation or the identity map.
 * Properties the results hold beyond the table's columns (a formula the query
 * selected, such as a keyset's sort value) are copied as they are.
 */
export function leanDataMapper<T extends object>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
): (data: Row) => T {
  const { columns, prototype } = mapperOf(em, em.getMetadata().get(entity) as EntityMetadata);
  const mapped = new Set(columns.map((c) => c.property));
  return (data) => {
    const out = Object.create(prototype) as Row;
    for (const c of columns) {
      const value = data[c.property];
      out[c.property] = c.convert ? c.convert(value) : value;
    }
    for (const key of Object.keys(data)) if (!mapped.has(key)) out[key] = data[key];
    return out as T;
  };
}

/** The properties an entity's lean objects are read from (formulas and lazy subqueries left out). */
export function leanProperties(em: SqlEntityManager, entity: EntityClass<object>): readonly string[] {
  return mapperOf(em, em.getMetadata().get(entity) as EntityMetadata).columns.map((c) => c.property);
}
