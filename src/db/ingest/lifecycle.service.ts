import type { SqlEntityManager } from '@mikro-orm/sql';
import { appendAccessLog } from '../../audit/access-log.append.js';
import type { WriteSummary } from '../../audit/access-recorder.js';
import { ErrorCode, HubError, BadInputError, NotFoundError } from '../../common/errors.js';
import { checkList, checkText } from '../../common/input.js';
import { checkField } from './validate.js';
import { SOURCE_RECORD_ID_MAX, type IngestContract } from './contract.js';
import { authorizeWrite, contractFor, type IngestDeps, type WriteContext } from './ingest.service.js';
import { chunks, insertVersions, storedVersions } from './store.js';
import { takeWriteTurn } from './write-turn.js';

export interface WithdrawalReport {
  readonly recordType: string;
  readonly withdrawn: number;
  /** Ids not stored for the caller's department (never written, or already withdrawn). */
  readonly notFound: string[];
}

/** The same rules as every other argument (src/common/input.ts): no NUL or controls, NFC, length in characters. */
const checkReason = (reason: unknown): string => checkText('reason', reason, { max: 500, multiline: true });
const checkSourceRecordId = (argument: string, value: unknown): string =>
  checkText(argument, value, { max: SOURCE_RECORD_ID_MAX });

async function log(
  em: SqlEntityManager,
  ctx: WriteContext,
  write: WriteSummary,
  usccs: string[],
): Promise<void> {
  await appendAccessLog(em, {
    principal: ctx.principal,
    purpose: null,
    operationName: ctx.operationName,
    document: JSON.stringify(write),
    requestId: ctx.job,
    summary: { usccs: [...new Set(usccs)], resources: [], denials: [], writes: [write] },
  });
}

const summary = (
  c: IngestContract,
  owner: string,
  job: string,
  action: WriteSummary['action'],
  n: number,
): WriteSummary => ({
  recordType: c.recordType,
  resource: c.resource,
  owner,
  action,
  job,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  withdrawn: action === 'WITHDRAW' ? n : 0,
  repaired: action === 'REPAIR' ? n : 0,
});

/**
 * Withdraws records (published in error, annulled by a court): the stored row
 * moves to the history with the reason and leaves the served table, so no read
 * path and no risk signal can serve it; owner and auditors still find it in the history.
 */
export async function withdrawRecords(
  em: SqlEntityManager,
  deps: IngestDeps,
  ctx: WriteContext,
  recordType: string,
  sourceRecordIds: readonly string[],
  reason: string,
): Promise<WithdrawalReport> {
  const contract = contractFor(deps, recordType);
  const department = authorizeWrite(ctx.principal, contract);
  if (!contract.withdrawable)
    throw new BadInputError(`${recordType} records cannot be withdrawn; change their status instead`, {
      argument: 'recordType',
    });
  reason = checkReason(reason);
  sourceRecordIds = checkList('sourceRecordIds', sourceRecordIds, deps.maxBatchSize, checkSourceRecordId);
  if (sourceRecordIds.length > deps.maxBatchSize)
    throw new BadInputError(`sourceRecordIds: at most ${deps.maxBatchSize} per call`, {
      argument: 'sourceRecordIds',
    });
  const ids = [...new Set(sourceRecordIds)];
  return em.transactional(async (tx) => {
    await takeWriteTurn(tx, contract.recordType);
    const stored = await storedVersions(tx, contract, department, ids);
    const found = [...stored.values()];
    await insertVersions(
      tx,
      contract,
      department,
      ctx.principal.id,
      ctx.job,
      found.map((s) => ({ sourceRecordId: s.key, asOf: s.asOf, change: 'WITHDRAWN', data: s.data, reason })),
    );
    for (const part of chunks(found, 5000)) {
      await tx.execute(
        `delete from "${contract.table}" where department = ? and source_record_id in (${part.map(() => '?').join(', ')})`,
        [department, ...part.map((s) => s.key)],
      );
    }
    const usccs = found.map((s) => s.uscc);
    await log(tx, ctx, summary(contract, department, ctx.job, 'WITHDRAW', found.length), usccs);
    if (usccs.length > 0) await deps.afterWrite(tx, [...new Set(usccs)]);
    return { recordType, withdrawn: found.length, notFound: ids.filter((id) => !stored.has(id)) };
  });
}

export type RepairKind = 'REPAIRED' | 'PERFORMED';

export interface RepairDecision {
  readonly kind: RepairKind;
  readonly decisionNumber: string;
  /** YYYY-MM-DD, not in the future. */
  readonly decisionDate: string;
  readonly legalBasis: string;
}

export class RepairRefusedError extends HubError {
  constructor(message: string, details: Record<string, string>) {
    super(ErrorCode.REPAIR_NOT_ALLOWED, message, details);
  }
}

/**
 * Records a credit repair decision (信用修复) or an early removal because the
 * debtor performed: the record stops being shared with anyone but its owner and
 * auditors, the previous version is kept, and the profile is recomputed in the
 * same transaction.
 */
export async function repairRecord(
  em: SqlEntityManager,
  deps: IngestDeps,
  ctx: WriteContext,
  recordType: string,
  sourceRecordId: string,
  decision: RepairDecision,
): Promise<{ recordType: string; sourceRecordId: string; repairedDate: string }> {
  const contract = contractFor(deps, recordType);
  const department = authorizeWrite(ctx.principal, contract);
  const spec = contract.repair;
  if (!spec)
    throw new BadInputError(`${recordType} records have no credit repair`, { argument: 'recordType' });
  sourceRecordId = checkSourceRecordId('sourceRecordId', sourceRecordId);
  decision = {
    ...decision,
    decisionNumber: checkText('decisionNumber', decision.decisionNumber, { max: 64 }),
    legalBasis: checkText('legalBasis', decision.legalBasis, { max: 500 }),
  };
  const today = new Date().toISOString().slice(0, 10);
  for (const [name, value, rule] of [
    ['decisionNumber', decision.decisionNumber, { kind: 'text', maxLength: 64 }],
    ['decisionDate', decision.decisionDate, { kind: 'date', notFuture: true }],
    ['legalBasis', decision.legalBasis, { kind: 'text', maxLength: 500 }],
  ] as const) {
    const r = checkField(name, rule, value, today, new Date());
    if (!r.ok) throw new BadInputError(r.message, { argument: name });
  }
  return em.transactional(async (tx) => {
    await takeWriteTurn(tx, contract.recordType);
    const stored = (await storedVersions(tx, contract, department, [sourceRecordId])).get(sourceRecordId);
    if (!stored)
      throw new NotFoundError(`${recordType} ${sourceRecordId.slice(0, 64)} is not stored for ${department}`);
    if (stored.data[spec.dateColumn] !== null && stored.data[spec.dateColumn] !== undefined)
      throw new RepairRefusedError(`${recordType} ${sourceRecordId} is already repaired or removed`, {
        reason: 'ALREADY_REPAIRED',
      });
    if (decision.kind === 'PERFORMED') {
      if (!spec.allowsPerformed?.(stored.data))
        throw new RepairRefusedError(
          `early removal for performance applies only to dishonest judgment debtors`,
          {
            reason: 'NOT_PERFORMABLE',
          },
        );
    } else {
      const earliest = spec.earliest(stored.data);
      if (earliest !== null && decision.decisionDate < earliest)
        throw new RepairRefusedError(
          `the publicity period of ${recordType} ${sourceRecordId} ends ${earliest}; credit repair may be decided from then on`,
          { reason: 'PUBLICITY_PERIOD_NOT_ENDED', earliest },
        );
    }
    const set = { [spec.dateColumn]: decision.decisionDate, ...(spec.set?.(decision.kind) ?? {}) };
    const columns = Object.keys(set);
    await tx.execute(
      `update "${contract.table}" set ${columns.map((c) => `"${c}" = ?`).join(', ')}, received_at = now()
        where department = ? and source_record_id = ?`,
      [...columns.map((c) => set[c]), department, sourceRecordId],
    );
    await insertVersions(tx, contract, department, ctx.principal.id, ctx.job, [
      {
        sourceRecordId,
        asOf: stored.asOf,
        change: 'REPAIRED',
        data: stored.data,
        reason: decision.kind,
        details: { ...decision },
      },
    ]);
    await log(tx, ctx, summary(contract, department, ctx.job, 'REPAIR', 1), [stored.uscc]);
    await deps.afterWrite(tx, [stored.uscc]);
    return { recordType, sourceRecordId, repairedDate: decision.decisionDate };
  });
}
