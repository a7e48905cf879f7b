import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { markRecordType } from '../../common/record-types.js';

export interface RecordKey {
  readonly recordType: string;
  readonly recordId: string;
}

/** Record entities by GraphQL type, from the modules' `records`; set once by the module list. */
let entities = new Map<string, EntityClass<object>>();
export function registerRecordEntities(map: ReadonlyMap<string, EntityClass<object>>): void {
  entities = new Map(map);
}

/** Source records by type and id: one statement per record type in the batch. */
export function recordLoader(em: SqlEntityManager): DataLoader<RecordKey, object | null, string> {
  return new DataLoader<RecordKey, object | null, string>(
    async (keys) => {
      const found = new Map<string, object>();
      const byType = new Map<string, string[]>();
      for (const k of keys) byType.set(k.recordType, [...(byType.get(k.recordType) ?? []), k.recordId]);
      await Promise.all(
        [...byType].map(async ([recordType, ids]) => {
          const entity = entities.get(recordType);
          if (!entity) return;
          const meta = em.getMetadata().get(entity);
          const pk = meta.primaryKeys[0]!;
          const rows = await em.find(entity, { [pk]: { $in: ids } });
          for (const row of rows)
            found.set(
              `${recordType}:${String((row as Record<string, unknown>)[pk])}`,
              markRecordType(row, recordType),
            );
        }),
      );
      return keys.map((k) => found.get(`${k.recordType}:${k.recordId}`) ?? null);
    },
    { cacheKeyFn: (k) => `${k.recordType}:${k.recordId}` },
  );
}
