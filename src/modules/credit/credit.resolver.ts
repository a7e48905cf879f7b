import { andConditions, sql, type SqlCondition } from '../../db/index.js';
import { requireRepairedAccess } from '../../auth/index.js';
import type { HubContext } from '../../server/index.js';
import {
  childConnection,
  type Connection,
  connectionType,
  decodeOffsetCursor,
  offsetConnection,
  PageArgs,
  pageSize,
} from '../../server/index.js';
import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';
import { Department } from '../../common/department.js';
import { Enterprise, enterpriseBackPath } from '../registry/index.js';
import {
  CreditListEntryArgs,
  LicenceArgs,
  RiskClassificationArgs,
  servableListEntries,
  TaxArrearsArgs,
  TaxCreditEvaluationArgs,
  checkMonth,
  checkYear,
} from './credit.args.js';
import {
  creditListEntriesLoader,
  licencesLoader,
  penaltiesLoader,
  riskClassificationsLoader,
  taxArrearsLoader,
  taxCreditEvaluationsLoader,
} from './credit.loaders.js';
import { CreditListEntryEntity } from './credit-list-entry.entity.js';
import { CreditListEntry } from './credit-list-entry.type.js';
import { LicenceEntity } from './licence.entity.js';
import { AdministrativeLicence } from './licence.type.js';
import { PenaltyEntity } from './penalty.entity.js';
import { AdministrativePenalty } from './penalty.type.js';
import { RiskClassificationEntity } from './risk-classification.entity.js';
import { CreditRiskClassification } from './risk-classification.type.js';
import { TaxArrearsEntity } from './tax-arrears.entity.js';
import { TaxArrears } from './tax-arrears.type.js';
import { TaxCreditEvaluationEntity } from './tax-credit-evaluation.entity.js';
import { TaxCreditEvaluation } from './tax-credit-evaluation.type.js';

export const AdministrativePenaltyConnection = connectionType(AdministrativePenalty, 'AdministrativePenalty');
export const AdministrativeLicenceConnection = connectionType(AdministrativeLicence, 'AdministrativeLicence');
export const CreditListEntryConnection = connectionType(CreditListEntry, 'CreditListEntry');
export const TaxCreditEvaluationConnection = connectionType(TaxCreditEvaluation, 'TaxCreditEvaluation');
export const TaxArrearsConnection = connectionType(TaxArrears, 'TaxArrears');
export const CreditRiskClassificationConnection = connectionType(
  CreditRiskClassification,
  'CreditRiskClassification',
);

@ArgsType()
class PenaltyArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true, description: 'Only decisions on or after this date.' })
  since?: string;

  @Field(() => Boolean, { nullable: true, description: 'Include repaired records (default false).' })
  includeRepaired?: boolean;
}

/** The credit module's fields on Enterprise. */
@Resolver(() => Enterprise)
export class CreditEnterpriseResolver {
  @FieldResolver(() => AdministrativePenaltyConnection, {
    nullable: true,
    description: 'Administrative penalties, newest first.',
  })
  async penalties(
    @Root() enterprise: { uscc: string },
    @Args(() => PenaltyArgs) args: PenaltyArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<PenaltyEntity>> {
    const first = pageSize(args.first, ctx.limits);
    const offset = decodeOffsetCursor(args.after);
    const conditions: SqlCondition[] = [];
    if (args.since) conditions.push(sql`t.decision_date >= ${args.since}`);
    if (args.includeRepaired) requireRepairedAccess(ctx, Department.MARKET_REGULATION);
    else conditions.push(sql`t.repaired_date is null`);
    const page = await ctx.loaders.get(penaltiesLoader).load({
      uscc: enterprise.uscc,
      first,
      offset,
      condition: andConditions(conditions),
    });
    return offsetConnection(page.items, page.offset, page.totalCount);
  }

  @FieldResolver(() => AdministrativeLicenceConnection, {
    nullable: true,
    description: 'Administrative licences (行政许可), newest decision first.',
  })
  licences(
    @Root() enterprise: { uscc: string },
    @Args(() => LicenceArgs) args: LicenceArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<LicenceEntity>> {
    const conditions: SqlCondition[] = [];
    if (args.status) conditions.push(sql`t.status = ${args.status}`);
    return childConnection(ctx, licencesLoader, enterprise.uscc, args, conditions);
  }

  @FieldResolver(() => CreditListEntryConnection, {
    nullable: true,
    description:
      'Entries on the business-anomaly, serious-dishonesty and dishonest-judgment-debtor lists, newest listing first. ' +
      'Entries removed after credit repair, early (the debtor performed) or as corrections are served only to ' +
      'the owner department and auditors (with activeOnly: false); for anyone else they are left out.',
  })
  listEntries(
    @Root() enterprise: { uscc: string },
    @Args(() => CreditListEntryArgs) args: CreditListEntryArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<CreditListEntryEntity>> {
    const conditions: SqlCondition[] = [servableListEntries(ctx)];
    if (args.list) conditions.push(sql`t.list = ${args.list}`);
    // An explicit null means the default, as an omitted argument does.
    if (args.activeOnly !== false) conditions.push(sql`t.removed_date is null`);
    return childConnection(ctx, creditListEntriesLoader, enterprise.uscc, args, conditions);
  }

  @FieldResolver(() => TaxCreditEvaluationConnection, {
    nullable: true,
    description: 'Tax credit grades (纳税信用等级) by tax year, latest year first.',
  })
  taxGrades(
    @Root() enterprise: { uscc: string },
    @Args(() => TaxCreditEvaluationArgs) args: TaxCreditEvaluationArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<TaxCreditEvaluationEntity>> {
    checkYear('sinceYear', args.sinceYear);
    const conditions: SqlCondition[] = [];
    if (args.sinceYear !== undefined && args.sinceYear !== null) {
      conditions.push(sql`t.year >= ${args.sinceYear}`);
    }
    return childConnection(ctx, taxCreditEvaluationsLoader, enterprise.uscc, args, conditions);
  }

  @FieldResolver(() => TaxArrearsConnection, {
    nullable: true,
    description: 'Tax arrears (欠税), most recent first.',
  })
  taxArrears(
    @Root() enterprise: { uscc: string },
    @Args(() => TaxArrearsArgs) args: TaxArrearsArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<TaxArrearsEntity>> {
    const conditions: SqlCondition[] = [];
    if (args.outstandingOnly) conditions.push(sql`t.paid_off_date is null`);
    return childConnection(ctx, taxArrearsLoader, enterprise.uscc, args, conditions);
  }

  @FieldResolver(() => CreditRiskClassificationConnection, {
    nullable: true,
    description: 'Monthly enterprise credit risk classes (企业信用风险分类), latest month first.',
  })
  riskClasses(
    @Root() enterprise: { uscc: string },
    @Args(() => RiskClassificationArgs) args: RiskClassificationArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<RiskClassificationEntity>> {
    checkMonth('since', args.since);
    const conditions: SqlCondition[] = [];
    if (args.since) conditions.push(sql`t.month >= ${args.since}`);
    return childConnection(ctx, riskClassificationsLoader, enterprise.uscc, args, conditions);
  }
}

export const PenaltyResolver = enterpriseBackPath(
  AdministrativePenalty,
  'The enterprise the penalty was imposed on.',
);

export const LicenceResolver = enterpriseBackPath(
  AdministrativeLicence,
  'The enterprise the licence was granted to.',
);

export const CreditListEntryResolver = enterpriseBackPath(CreditListEntry, 'The enterprise on the list.');

export const TaxCreditEvaluationResolver = enterpriseBackPath(
  TaxCreditEvaluation,
  'The enterprise evaluated.',
);

export const TaxArrearsResolver = enterpriseBackPath(TaxArrears, 'The enterprise that owes the tax.');

export const RiskClassificationResolver = enterpriseBackPath(
  CreditRiskClassification,
  'The enterprise classified.',
);
