import DataLoader from 'dataloader';
import type { SqlEntityManager } from '@mikro-orm/sql';
import {
  leanColumns,
  leanRowMapper,
  readRows,
  sql,
  sqlColumns,
  sqlIdentifier,
  sqlTextArray,
} from '../../db/index.js';
import { EnterpriseEntity } from './enterprise.entity.js';

/**
 * Enterprise master records by USCC; other modules use it to reach back to the
 * enterprise. Read-only: plain objects from the table's columns (no risk-score
 * subqueries, no identity map), since nothing here is written back.
 */
export function enterpriseByUsccLoader(em: SqlEntityManager): DataLoader<string, EnterpriseEntity | null> {
  const columns = sqlColumns(leanColumns(em, EnterpriseEntity));
  const toEnterprise = leanRowMapper(em, EnterpriseEntity);
  const table = sqlIdentifier(em.getMetadata().get(EnterpriseEntity).tableName);
  return new DataLoader<string, EnterpriseEntity | null>(
    async (usccs) => {
      const statement = sql`select ${columns} from unnest(${sqlTextArray(usccs)}) as k(hub_key) join ${table} on uscc = k.hub_key`;
      const rows = await readRows(em, statement);
      const byUscc = new Map(rows.map((row) => [row.uscc as string, toEnterprise(row)]));
      return usccs.map((u) => byUscc.get(u) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}
