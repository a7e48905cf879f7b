import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';

/** A SQL condition on the record table (aliased `t`) with `?` placeholders. */
export interface SqlCondition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

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
  /** ORDER BY over alias `t`; must end with a unique column so pages are stable. */
  readonly orderBy: string;
}

const groupKey = (key: ChildPageKey): string =>
  JSON.stringify([key.first, key.offset, key.condition?.sql ?? '', key.condition?.params ?? []]);

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
  return new DataLoader<ChildPageKey, ChildPage<T>, string>(
    async (keys) => {
      const groups = new Map<string, ChildPageKey[]>();
      for (const key of keys) {
        const g = groupKey(key);
        const list = groups.get(g);
        if (list) list.push(key);
        else groups.set(g, [key]);
      }
      const pages = new Map<string, ChildPage<T>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { first, offset, condition } = group[0]!;
          const usccs = [...new Set(group.map((k) => k.uscc))];
          const placeholders = usccs.map(() => '?').join(', ');
          const where = condition ? ` and (${condition.sql})` : '';
          // Row 1 is always fetched so totalCount is known even past the last page.
          const sql =
            `select * from (select t.*, row_number() over (partition by t.uscc order by ${spec.orderBy}) as hub_rn, ` +
            `count(*) over (partition by t.uscc) as hub_total from "${table}" t ` +
            `where t.uscc in (${placeholders})${where}) s ` +
            `where s.hub_rn = 1 or (s.hub_rn > ? and s.hub_rn <= ?) order by s.uscc, s.hub_rn`;
          const rows = await em.execute<Record<string, unknown>[]>(sql, [
            ...usccs,
            ...(condition?.params ?? []),
            offset,
            offset + first,
          ]);
          const byUscc = new Map<string, { items: T[]; total: number }>();
          for (const row of rows) {
            const { hub_rn: rn, hub_total: total, ...columns } = row;
            const uscc = columns.uscc as string;
            let entry = byUscc.get(uscc);
            if (!entry) {
              entry = { items: [], total: Number(total) };
              byUscc.set(uscc, entry);
            }
            const n = Number(rn);
            if (n > offset && n <= offset + first) entry.items.push(em.map(spec.entity, columns as never));
          }
          for (const key of group) {
            const entry = byUscc.get(key.uscc);
            pages.set(cacheKey(key), { items: entry?.items ?? [], offset, totalCount: entry?.total ?? 0 });
          }
        }),
      );
      return keys.map((key) => pages.get(cacheKey(key))!);
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 1000 },
  );
}

function cacheKey(key: ChildPageKey): string {
  return `${key.uscc}|${groupKey(key)}`;
}

/** Joins conditions with AND; undefined when there are none. */
export function andConditions(conditions: readonly SqlCondition[]): SqlCondition | undefined {
  if (conditions.length === 0) return undefined;
  return {
    sql: conditions.map((c) => `(${c.sql})`).join(' and '),
    params: conditions.flatMap((c) => c.params),
  };
}
