import DataLoader from 'dataloader';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { EnterpriseEntity } from './enterprise.entity.js';

/** Enterprise master records by USCC; other modules use it to reach back to the enterprise. */
export function enterpriseByUsccLoader(em: SqlEntityManager): DataLoader<string, EnterpriseEntity | null> {
  return new DataLoader<string, EnterpriseEntity | null>(
    async (usccs) => {
      const rows = await em.find(EnterpriseEntity, { uscc: { $in: [...usccs] } });
      const byUscc = new Map(rows.map((e) => [e.uscc, e]));
      return usccs.map((u) => byUscc.get(u) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}
