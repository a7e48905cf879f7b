import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { markRecordType } from '../../common/record-types.js';
import type { HubModule } from '../../server/hub-module.js';
import { riskDeclarations } from './risk.declarations.js';

export interface RecordKey {
  readonly recordType: string;
  readonly recordId: string;
}

/**
 * Source records by type and id: one statement per record type in the batch. The
 * entity behind each record type is what the modules declare (`records`).
 */
export function recordLoader(
  em: SqlEntityManager,
  modules: readonly HubModule[],
): DataLoader<RecordKey, object | null, string> {
  const entities: ReadonlyMap<string, EntityClass<object>> = riskDeclarations(modules).records;
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
