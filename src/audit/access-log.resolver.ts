import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { PrincipalKind, type Principal } from '../auth/principal.js';
import { ErrorCode, HubError } from '../common/errors.js';
import { checkDateTime, checkOrganisation, checkText } from '../common/input.js';
import type { HubContext } from '../server/context.js';
import { PageArgs, pageSize, type Connection } from '../server/pagination.js';
import { AccessLogEntity } from './access-log.entity.js';
import { AccessLogConnection, AccessLogFilter, AccessLogRecord } from './access-log.type.js';

export class AccessLogForbiddenError extends HubError {
  constructor(principal: Principal) {
    super(
      ErrorCode.FORBIDDEN,
      'The access log is read by auditors, and by departments for the records that concern their own data',
      { principalKind: principal.kind },
    );
  }
}

/**
 * The part of the log a principal may read: auditors all of it, a department the
 * records touching resources it owns ("who read my data"), nobody else anything.
 */
export function accessLogScope(principal: Principal): FilterQuery<AccessLogEntity> {
  if (principal.kind === PrincipalKind.AUDITOR) return {};
  if (principal.kind === PrincipalKind.DEPARTMENT && principal.department) {
    return { owners: { $contains: [principal.department] } };
  }
  throw new AccessLogForbiddenError(principal);
}

export function accessLogWhere(filter: AccessLogFilter | undefined): FilterQuery<AccessLogEntity>[] {
  const where: FilterQuery<AccessLogEntity>[] = [];
  if (filter?.uscc) where.push({ usccs: { $contains: [filter.uscc] } });
  // Checked like every input before it reaches SQL; a value outside a column's rules can match nothing anyway.
  if (filter?.resource)
    where.push({ resources: { $contains: [checkText('filter.resource', filter.resource, { max: 100 })] } });
  if (filter?.organisation)
    where.push({ organisation: checkOrganisation('filter.organisation', filter.organisation) });
  if (filter?.from) where.push({ occurredAt: { $gte: checkDateTime('filter.from', filter.from) } });
  if (filter?.to) where.push({ occurredAt: { $lt: checkDateTime('filter.to', filter.to) } });
  return where;
}

export function toAccessLogRecord(entity: AccessLogEntity): AccessLogRecord {
  return {
    id: entity.id,
    occurredAt: entity.occurredAt,
    principalId: entity.principalId,
    organisation: entity.organisation,
    principalKind: entity.principalKind,
    purpose: entity.purpose,
    operationName: entity.operationName,
    documentHash: entity.documentHash,
    requestId: entity.requestId,
    usccs: entity.usccs,
    resources: entity.resources,
    owners: entity.owners,
    resourcesRead: entity.decisions.resources.map((read) => ({
      resource: read.resource,
      sharing: read.sharing,
      owner: read.owner,
      masked: read.masked,
      agreementId: read.agreementId,
      fields: Object.entries(read.fields).map(([field, count]) => ({ field, count })),
    })),
    denials: entity.decisions.denials.map((denial) => ({ ...denial })),
    write: entity.decisions.write
      ? {
          action: entity.decisions.write.action,
          targetType: entity.decisions.write.targetType,
          targetId: entity.decisions.write.targetId,
          reason: entity.decisions.write.reason,
          details: Object.entries(entity.decisions.write.details)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([name, value]) => ({
              name,
              values: value === null ? [] : typeof value === 'string' ? [value] : [...value],
            })),
        }
      : null,
    previousHash: entity.previousHash,
    hash: entity.hash,
  };
}

@Resolver()
export class AccessLogResolver {
  @Query(() => AccessLogConnection, {
    description:
      'Who read what, newest first. Auditors see every record; a department sees the records that read or ' +
      'were refused resources it owns; anyone else is FORBIDDEN. Each read of the log is itself logged ' +
      '(resource audit.accessLog, visible to auditors).',
  })
  async accessLog(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AccessLogFilter, { nullable: true }) filter: AccessLogFilter | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<AccessLogRecord>> {
    let scope: FilterQuery<AccessLogEntity>;
    try {
      scope = accessLogScope(ctx.principal);
    } catch (err) {
      if (err instanceof AccessLogForbiddenError) ctx.audit.recordLogDenial();
      throw err;
    }
    const where: FilterQuery<AccessLogEntity> = { $and: [scope, ...accessLogWhere(filter)] };
    const first = pageSize(page.first, ctx.limits);
    const cursor = await ctx.em.findByCursor(AccessLogEntity, {
      where,
      first,
      after: page.after ?? undefined,
      orderBy: { id: 'desc' },
      includeCount: false,
    });
    // Reading the log is logged too, in the same fail-closed way as any governed read.
    ctx.audit.recordLogRead(cursor.items.length);
    if (filter?.uscc) ctx.audit.touchUscc(filter.uscc);
    return {
      edges: cursor.items.map((entity) => ({ node: toAccessLogRecord(entity), cursor: cursor.from(entity) })),
      pageInfo: {
        hasNextPage: cursor.hasNextPage,
        hasPreviousPage: cursor.hasPrevPage,
        startCursor: cursor.startCursor,
        endCursor: cursor.endCursor,
      },
      get totalCount() {
        return ctx.em.count(AccessLogEntity, where);
      },
    };
  }
}
