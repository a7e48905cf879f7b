import { andConditions, sql, type SqlCondition } from '../../db/index.js';
import { PageArgs } from '../../server/index.js';
import { ArgsType, Field, Int } from 'type-graphql';
import { BadInputError } from '../../common/errors.js';
import { DateScalar } from '../../common/scalars.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

@ArgsType()
export class SocialInsuranceAccountArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only months on or after this one, YYYY-MM.' })
  since?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only months with unpaid contributions.' })
  inArrearsOnly?: boolean;
}

@ArgsType()
export class InstitutionCreditGradeArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only evaluations of this year or later.' })
  sinceYear?: number | null;
}

@ArgsType()
export class MedicalFundViolationArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Only violations found on or after this date.' })
  since?: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Include records whose credit was repaired.',
  })
  includeRepaired?: boolean;
}

// Each builder validates its arguments before any SQL is built, naming the argument and its rule.

export function socialInsuranceAccountCondition(args: SocialInsuranceAccountArgs): SqlCondition | undefined {
  const conditions: SqlCondition[] = [];
  if (args.since !== undefined && args.since !== null) {
    if (!MONTH.test(args.since)) {
      throw new BadInputError(`since must be a month as YYYY-MM (e.g. "2026-05"), got "${args.since}"`, {
        argument: 'since',
      });
    }
    conditions.push(sql`t.period >= ${args.since}`);
  }
  if (args.inArrearsOnly) conditions.push(sql`t.arrears > 0`);
  return andConditions(conditions);
}

export function institutionCreditGradeCondition(args: InstitutionCreditGradeArgs): SqlCondition | undefined {
  if (args.sinceYear === undefined || args.sinceYear === null) return undefined;
  if (args.sinceYear < MIN_YEAR || args.sinceYear > MAX_YEAR) {
    throw new BadInputError(
      `sinceYear must be a year between ${MIN_YEAR} and ${MAX_YEAR}, got ${args.sinceYear}`,
      {
        argument: 'sinceYear',
      },
    );
  }
  return sql`t.year >= ${args.sinceYear}`;
}

export function medicalFundViolationCondition(args: MedicalFundViolationArgs): SqlCondition | undefined {
  const conditions: SqlCondition[] = [];
  if (args.since) conditions.push(sql`t.found_date >= ${args.since}`);
  // Repaired records stop being shared, so they are left out unless asked for.
  if (!args.includeRepaired) conditions.push(sql`t.repaired_date is null`);
  return andConditions(conditions);
}
