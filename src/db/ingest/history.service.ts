import type { SqlEntityManager } from '@mikro-orm/sql';
import { maskPersonal } from '../../auth/masking.js';
import type { Department } from '../../common/department.js';
import type { IngestContract } from './contract.js';
import { storedVersions } from './store.js';
import type { RecordChange } from './record-version.entity.js';

export interface RecordHistory {
  readonly current: Record<string, unknown> | null;
  readonly withdrawn: boolean;
  readonly versions: {
    asOf: Date;
    change: RecordChange;
    reason: string | null;
    details: Record<string, unknown> | null;
    changedAt: Date;
    changedBy: string;
    job: string;
    data: Record<string, unknown>;
  }[];
}

const json = (v: unknown): Record<string, unknown> | null =>
  v === null || v === undefined
    ? null
    : ((typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>);

/**
 * A record's current row and superseded versions. The caller has checked that the
 * principal is the owner or an auditor; personal columns are masked unless `unmasked`.
 */
export async function recordHistory(
  em: SqlEntityManager,
  contract: IngestContract,
  department: Department,
  sourceRecordId: string,
  unmasked: boolean,
): Promise<RecordHistory> {
  const personal = contract.fields.filter((f) => f.personal).map((f) => f.column);
  const mask = (row: Record<string, unknown> | null) => {
    if (!row || unmasked) return row;
    const out = { ...row };
    for (const c of personal) if (typeof out[c] === 'string') out[c] = maskPersonal(out[c]);
    return out;
  };
  const current = (await storedVersions(em, contract, department, [sourceRecordId])).get(sourceRecordId);
  const rows = await em.execute<
    {
      as_of: Date | string;
      change: RecordChange;
      reason: string | null;
      details: unknown;
      changed_at: Date | string;
      changed_by: string;
      job: string;
      data: unknown;
    }[]
  >(
    `select as_of, change, reason, details, changed_at, changed_by, job, data from ingest_record_version
      where record_type = ? and department = ? and source_record_id = ? order by id desc`,
    [contract.recordType, department, sourceRecordId],
  );
  const versions = rows.map((r) => ({
    asOf: new Date(r.as_of),
    change: r.change,
    reason: r.reason,
    details: json(r.details),
    changedAt: new Date(r.changed_at),
    changedBy: r.changed_by,
    job: r.job,
    data: mask(json(r.data)) ?? {},
  }));
  return {
    current: mask(current?.data ?? null),
    withdrawn: !current && versions.some((v) => v.change === 'WITHDRAWN'),
    versions,
  };
}
