import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { leanRowMapper } from './lean-rows.js';
import { readRows } from './read-batch.js';
import { andSql, sql, sqlIdentifier, sqlTextArray, type SqlFragment } from './sql.js';

/** A SQL condition on the record table (aliased `t`), built with the `sql` tagged template. */
export type SqlCondition = SqlFragment;

export interface ChildPageKey {
  readonly uscc: string;
  readonly first: number;
  readonly offset: number;
  readonly condition?: SqlCondition;
}

export interface ChildPage<T> {
  readonly items: T[];
  readonly offset: number;
  readonly totalCount: number;
}

export interface ChildListSpec<T extends object> {
  readonly entity: EntityClass<T>;
  /** ORDER BY over alias `t` (sql`t.year desc, t.id desc`); must end with a unique column so pages are stable. */
  readonly orderBy: SqlFragment;
}

/**
 * Keys with the same page size, offset and filter share a statement. Called for
 * every key, so kept cheap: the parameters' JSON is self-delimiting, so the SQL
 * text can follow it as it is, unescaped.
 */
const groupKey = (key: ChildPageKey): string =>
  key.condition
    ? `${key.first}|${key.offset}|${JSON.stringify(key.condition.params)}${key.condition.sql}`
    : `${key.first}|${key.offset}`;

/**
 * One loader per record list and request. Keys that share page size, offset and
 * filter are answered by one windowed statement for all their enterprises, so a
 * page of N enterprises costs one statement per distinct argument set, not N.
 */
export function childPageLoader<T extends object>(
  em: SqlEntityManager,
  spec: ChildListSpec<T>,
): DataLoader<ChildPageKey, ChildPage<T>, string> {
  const meta = em.getMetadata().get(spec.entity);
  const table = meta.tableName;
  // Read-only: rows become plain objects, not managed entities (no identity map, no change tracking).
  const toRecord = leanRowMapper(em, spec.entity);
  return new DataLoader<ChildPageKey, ChildPage<T>, string>(
    async (keys) => {
      // Positions of the keys in each group, so every answer goes back to its place.
      const groups = new Map<string, number[]>();
      keys.forEach((key, i) => {
        const g = groupKey(key);
        const list = groups.get(g);
        if (list) list.push(i);
        else groups.set(g, [i]);
      });
      const pages: ChildPage<T>[] = new Array<ChildPage<T>>(keys.length);
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { first, offset, condition } = keys[group[0]!]!;
          const usccs = [...new Set(group.map((i) => keys[i]!.uscc))];
          // Each enterprise's rows are read by one probe of the table's (uscc, ...) index
          // (a lateral join over the key list), numbered and counted there; row 1 is
          // always fetched so totalCount is known even past the last page.
          const statement = sql`select s.* from unnest(${sqlTextArray(usccs)}) as k(hub_key) cross join lateral (select t.*, row_number() over (order by ${spec.orderBy}) as hub_rn, count(*) over () as hub_total from ${sqlIdentifier(table)} t where t.uscc = k.hub_key${condition ? sql` and (${condition})` : sql``}) s where s.hub_rn = 1 or (s.hub_rn > ${offset} and s.hub_rn <= ${offset + first}) order by s.uscc, s.hub_rn`;
          const rows = await readRows(em, statement);
          const byUscc = new Map<string, { items: T[]; total: number }>();
          for (const row of rows) {
            const { hub_rn: rn, hub_total: total } = row;
            const uscc = row.uscc as string;
            let entry = byUscc.get(uscc);
            if (!entry) {
              entry = { items: [], total: Number(total) };
              byUscc.set(uscc, entry);
            }
            const n = Number(rn);
            if (n > offset && n <= offset + first) entry.items.push(toRecord(row));
          }
          for (const i of group) {
            const entry = byUscc.get(keys[i]!.uscc);
            pages[i] = { items: entry?.items ?? [], offset, totalCount: entry?.total ?? 0 };
          }
        }),
      );
      return pages;
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 1000 },
  );
}

function cacheKey(key: ChildPageKey): string {
  return `${key.uscc}|${groupKey(key)}`;
}

/** Joins conditions with AND; undefined when there are none. */
export const andConditions: (conditions: readonly SqlCondition[]) => SqlCondition | undefined = andSql;
