import { sql } from '../../db/index.js';
import { PrincipalKind } from '../../auth/index.js';
import type { HubContext } from '../../server/index.js';
import type { SqlCondition } from '../../db/index.js';
import { PageArgs } from '../../server/index.js';
import { ArgsType, Field, Int } from 'type-graphql';
import { BadInputError } from '../../common/errors.js';
import { AdministrativeLicenceStatus, CreditList, CreditListRemovalReason } from './credit.enums.js';

@ArgsType()
export class LicenceArgs extends PageArgs {
  @Field(() => AdministrativeLicenceStatus, { nullable: true, description: 'Only licences in this status.' })
  status?: AdministrativeLicenceStatus;
}

@ArgsType()
export class CreditListEntryArgs extends PageArgs {
  @Field(() => CreditList, { nullable: true, description: 'Only entries on this list.' })
  list?: CreditList;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'Only entries not yet removed (default true); false adds removed entries.',
  })
  activeOnly?: boolean | null;
}

@ArgsType()
export class TaxCreditEvaluationArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only tax years from this one on, e.g. 2024.' })
  sinceYear?: number | null;
}

@ArgsType()
export class TaxArrearsArgs extends PageArgs {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Only arrears not yet paid off (default false: paid-off arrears are included).',
  })
  outstandingOnly?: boolean | null;
}

@ArgsType()
export class RiskClassificationArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only months from this one on, as YYYY-MM.' })
  since?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function checkMonth(argument: string, value: string | undefined | null): void {
  if (value === undefined || value === null) return;
  if (!MONTH.test(value)) {
    throw new BadInputError(`${argument} must be a month as YYYY-MM (e.g. "2026-05"), got "${value}"`, {
      argument,
    });
  }
}

export function checkYear(argument: string, value: number | undefined | null): void {
  if (value === undefined || value === null) return;
  if (!Number.isInteger(value) || value < 1000 || value > 9999) {
    throw new BadInputError(`${argument} must be a four-digit year (e.g. 2024), got ${value}`, { argument });
  }
}

/**
 * Which list entries a caller may be served (信用修复 rules). A listing removed
 * because it expired stays shareable history. One removed after credit repair,
 * removed early because the debtor performed, or removed as a correction stops
 * being shared: only the department that owns the row and auditors still see it.
 */
export function servableListEntries(ctx: HubContext): SqlCondition {
  const shareable = sql`t.removal_reason is null or t.removal_reason = ${CreditListRemovalReason.EXPIRED}`;
  if (ctx.principal.kind === PrincipalKind.AUDITOR) return sql`true`;
  if (ctx.principal.department) return sql`(${shareable}) or t.department = ${ctx.principal.department}`;
  return shareable;
}
