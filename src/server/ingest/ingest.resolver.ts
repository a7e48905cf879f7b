import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Int, Mutation, Query, Resolver, registerEnumType } from 'type-graphql';
import { ForbiddenError } from '../../auth/forbidden.js';
import { isOwner } from '../../auth/access-control.js';
import { PrincipalKind } from '../../auth/principal.js';
import { Department } from '../../common/department.js';
import { BadInputError, NotFoundError } from '../../common/errors.js';
import { findJob, jobRejects } from '../../db/ingest/bulk.service.js';
import { recordHistory } from '../../db/ingest/history.service.js';
import {
  contractFor,
  ingestRecords,
  type IngestDeps,
  type IngestReport,
} from '../../db/ingest/ingest.service.js';
import { repairRecord, withdrawRecords } from '../../db/ingest/lifecycle.service.js';
import type { HubContext } from '../context.js';
import { mayReadJob } from './ingest.http.js';
import {
  IngestionJobType,
  IngestReportType,
  RecordHistoryType,
  RepairDecisionInput,
  RepairResultType,
  WithdrawalReportType,
} from './ingest.type.js';

const enums = new Map<string, Record<string, string>>();

/** The GraphQL enum of record types, registered once per set of contracts. */
function recordTypeEnum(deps: IngestDeps): Record<string, string> {
  const names = [...deps.contracts.keys()];
  const key = names.join(',');
  let e = enums.get(key);
  if (!e) {
    e = Object.fromEntries(names.map((n) => [n, n]));
    registerEnumType(e, {
      name: 'IngestRecordType',
      description: 'A record type departments push (see the README’s ingestion contracts).',
      valuesConfig: Object.fromEntries(
        [...deps.contracts.values()].map((c) => [
          c.recordType,
          { description: `${c.description} Owner: ${c.owners.join(', ')}.` },
        ]),
      ),
    });
    enums.set(key, e);
  }
  return e;
}

const toGraphQL = (r: IngestReport, enterprises: IngestReport | null = null): IngestReportType => ({
  ...r,
  enterprises: enterprises ? toGraphQL(enterprises) : null,
});

/**
 * The write side: one generic `ingest` mutation per batch. Records are JSON
 * objects checked by the record type's contract, so one bad record is reported
 * with its index, code and field instead of failing the whole request at
 * GraphQL validation, and the same rules serve the bulk endpoint and the CLI.
 */
export function ingestResolver(deps: IngestDeps) {
  const RecordType = recordTypeEnum(deps);

  @Resolver()
  class IngestResolver {
    @Mutation(() => IngestReportType, {
      nullable: true,
      description:
        'Pushes up to INGEST_MAX_BATCH records of one type, as the owning department. Valid records are stored ' +
        'beside rejected ones unless atomic; resends are unchanged, newer asOf replaces (history kept).',
    })
    async ingest(
      @Arg('recordType', () => RecordType) recordType: string,
      @Arg('records', () => [GraphQLJSONObject]) records: Record<string, unknown>[],
      @Arg('atomic', () => Boolean, { nullable: true, defaultValue: false }) atomic: boolean,
      @Arg('enterprises', () => [GraphQLJSONObject], {
        nullable: true,
        description:
          'Enterprise master records registered first, so records may refer to them (MARKET_REGULATION).',
      })
      enterprises: Record<string, unknown>[] | null,
      @Ctx() ctx: HubContext,
    ): Promise<IngestReportType> {
      const { report, enterprises: registered } = await ingestRecords(
        ctx.em,
        deps,
        { principal: ctx.principal, job: ctx.requestId, operationName: `ingest ${recordType}` },
        { recordType, records, atomic, ...(enterprises ? { enterprises } : {}) },
      );
      return toGraphQL(report, registered);
    }

    @Mutation(() => WithdrawalReportType, {
      nullable: true,
      description:
        'Withdraws the caller department’s records (published in error, annulled): no longer served to anyone ' +
        'but the owner and auditors (in recordHistory), and dropped from risk profiles.',
    })
    async withdrawRecords(
      @Arg('recordType', () => RecordType) recordType: string,
      @Arg('sourceRecordIds', () => [String]) sourceRecordIds: string[],
      @Arg('reason', () => String) reason: string,
      @Ctx() ctx: HubContext,
    ): Promise<WithdrawalReportType> {
      return withdrawRecords(
        ctx.em,
        deps,
        { principal: ctx.principal, job: ctx.requestId, operationName: `withdrawRecords ${recordType}` },
        recordType,
        sourceRecordIds,
        reason,
      );
    }

    @Mutation(() => RepairResultType, {
      nullable: true,
      description:
        'Records a credit repair decision (信用修复) or an early removal on a penalty, list entry, fund violation ' +
        'or transport enforcement; refused with REPAIR_NOT_ALLOWED inside the publicity period.',
    })
    async repairRecord(
      @Arg('recordType', () => RecordType) recordType: string,
      @Arg('sourceRecordId', () => String) sourceRecordId: string,
      @Arg('decision', () => RepairDecisionInput) decision: RepairDecisionInput,
      @Ctx() ctx: HubContext,
    ): Promise<RepairResultType> {
      return repairRecord(
        ctx.em,
        deps,
        { principal: ctx.principal, job: ctx.requestId, operationName: `repairRecord ${recordType}` },
        recordType,
        sourceRecordId,
        decision, // repairRecord copies it into a plain object first
      );
    }

    @Query(() => IngestionJobType, {
      description:
        'A bulk load’s status, progress and rejects: for the department that runs it and auditors.',
    })
    async ingestionJob(
      @Arg('id', () => String) id: string,
      @Arg('afterLine', () => Int, { nullable: true, defaultValue: 0 }) afterLine: number,
      @Ctx() ctx: HubContext,
    ): Promise<IngestionJobType> {
      const job = await findJob(ctx.em, id);
      if (!job || !mayReadJob(ctx.principal, job)) throw new NotFoundError('no such ingestion job');
      return { ...job, rejects: await jobRejects(ctx.em, job.id, afterLine, 1000) } as IngestionJobType;
    }

    @Query(() => RecordHistoryType, {
      description:
        'A pushed record with its superseded, withdrawn and repaired versions: for its owner and auditors.',
    })
    async recordHistory(
      @Arg('recordType', () => RecordType) recordType: string,
      @Arg('sourceRecordId', () => String, { description: 'For Enterprise, the USCC.' })
      sourceRecordId: string,
      @Arg('department', () => Department, {
        nullable: true,
        description: 'Owner of the record; defaults to the caller’s department.',
      })
      department: Department | null,
      @Ctx() ctx: HubContext,
    ): Promise<RecordHistoryType> {
      const contract = contractFor(deps, recordType);
      const owner = department ?? ctx.principal.department;
      if (!owner)
        throw new BadInputError('department is required for callers outside a department', {
          argument: 'department',
        });
      const auditor = ctx.principal.kind === PrincipalKind.AUDITOR;
      if (!contract.owners.includes(owner) || (!auditor && !isOwner(ctx.principal, owner)))
        throw new ForbiddenError(
          `the history of ${recordType} records is shown only to their owner (${contract.owners.join(', ')}) and auditors`,
          { reason: 'NOT_OWNER', recordType },
        );
      const history = await recordHistory(ctx.em, contract, owner, sourceRecordId, !auditor);
      return { recordType, department: owner, sourceRecordId, ...history };
    }
  }
  return IngestResolver;
}
