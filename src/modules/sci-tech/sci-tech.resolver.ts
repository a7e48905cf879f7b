import { chinaToday } from '../../common/china-date.js';
import { sql, type SqlCondition } from '../../db/index.js';
import type { HubContext } from '../../server/index.js';
import { childConnection, type Connection, connectionType, PageArgs } from '../../server/index.js';
import { Args, ArgsType, Ctx, Field, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { BadInputError } from '../../common/errors.js';
import { DateScalar } from '../../common/scalars.js';
import { Enterprise, enterpriseBackPath } from '../registry/index.js';
import type { TechCertificationEntity } from './certification.entity.js';
import { TechCertification } from './certification.type.js';
import type { PatentCountEntity } from './patent-count.entity.js';
import { PatentCount } from './patent-count.type.js';
import type { RdSpendingEntity } from './rd-spending.entity.js';
import { RdSpending } from './rd-spending.type.js';
import { TechCertificationStatus, TechCertificationType } from './sci-tech.enums.js';
import { patentCountsLoader, rdSpendingLoader, techCertificationsLoader } from './sci-tech.loaders.js';

export const TechCertificationConnection = connectionType(TechCertification, 'TechCertification');
export const RdSpendingConnection = connectionType(RdSpending, 'RdSpending');
export const PatentCountConnection = connectionType(PatentCount, 'PatentCount');

const MIN_YEAR = 1980;
const MAX_YEAR = 2100;

@ArgsType()
class TechCertificationArgs extends PageArgs {
  @Field(() => TechCertificationType, { nullable: true, description: 'Only certifications of this type.' })
  type?: TechCertificationType;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only certifications with status VALID whose validity period contains validOn (default false).',
  })
  validOnly?: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date validOnly judges validity on (default today, China Standard Time).',
  })
  validOn?: string | null;
}

@ArgsType()
class YearlyArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: `Only years from this one on (${MIN_YEAR}–${MAX_YEAR}).` })
  sinceYear?: number | null;
}

function checkYear(argument: string, year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new BadInputError(`${argument} must be a year between ${MIN_YEAR} and ${MAX_YEAR}, got ${year}`, {
      argument,
      min: MIN_YEAR,
      max: MAX_YEAR,
    });
  }
  return year;
}

function validityConditions(args: TechCertificationArgs): SqlCondition[] {
  if (args.validOn !== undefined && args.validOn !== null && args.validOnly !== true) {
    // Without validOnly the date would silently do nothing; say so instead.
    throw new BadInputError('validOn only applies together with validOnly: true', { argument: 'validOn' });
  }
  if (args.validOnly !== true) return [];
  // Certificates are issued and expire on Chinese calendar days, so "today" is the date in Beijing, not in UTC.
  const on = args.validOn ?? chinaToday();
  checkYear('validOn', Number(on.slice(0, 4)));
  return [
    sql`t.status = ${TechCertificationStatus.VALID}`,
    sql`t.valid_from <= ${on} and t.valid_to >= ${on}`,
  ];
}

function yearlyConditions(args: YearlyArgs): SqlCondition[] {
  if (args.sinceYear === undefined || args.sinceYear === null) return [];
  return [sql`t.year >= ${checkYear('sinceYear', args.sinceYear)}`];
}

/** The science and technology bureau's fields on Enterprise. */
@Resolver(() => Enterprise)
export class SciTechEnterpriseResolver {
  @FieldResolver(() => TechCertificationConnection, {
    nullable: true,
    description: 'Science and technology certifications (高新技术企业, 科技型中小企业, ...), newest first.',
  })
  async techCertifications(
    @Root() enterprise: { uscc: string },
    @Args(() => TechCertificationArgs) args: TechCertificationArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<TechCertificationEntity>> {
    const conditions = validityConditions(args);
    if (args.type) conditions.push(sql`t.certification_type = ${args.type}`);
    return childConnection(ctx, techCertificationsLoader, enterprise.uscc, args, conditions);
  }

  @FieldResolver(() => RdSpendingConnection, {
    nullable: true,
    description: 'R&D spending per fiscal year, newest first.',
  })
  async rdSpending(
    @Root() enterprise: { uscc: string },
    @Args(() => YearlyArgs) args: YearlyArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<RdSpendingEntity>> {
    return childConnection(ctx, rdSpendingLoader, enterprise.uscc, args, yearlyConditions(args));
  }

  @FieldResolver(() => PatentCountConnection, {
    nullable: true,
    description: 'Patents held at each year end, newest first.',
  })
  async patentCounts(
    @Root() enterprise: { uscc: string },
    @Args(() => YearlyArgs) args: YearlyArgs,
    @Ctx() ctx: HubContext,
  ): Promise<Connection<PatentCountEntity>> {
    return childConnection(ctx, patentCountsLoader, enterprise.uscc, args, yearlyConditions(args));
  }
}

export const TechCertificationResolver = enterpriseBackPath(
  TechCertification,
  'The enterprise holding the certification.',
);

export const RdSpendingEnterpriseResolver = enterpriseBackPath(
  RdSpending,
  'The enterprise that reported the spending.',
);

@Resolver(() => RdSpending)
export class RdSpendingResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'R&D intensity (研发投入强度): rdExpenditure / operatingRevenue as a ratio (0.05 = 5 %); null without revenue.',
  })
  rdIntensity(
    // A structural type, not the entity class: type-graphql would copy each parent into a new entity instance.
    @Root() record: Pick<RdSpendingEntity, 'operatingRevenue' | 'rdExpenditure'>,
  ): number | null {
    const revenue = record.operatingRevenue;
    if (!Number.isFinite(revenue) || revenue <= 0) return null;
    return record.rdExpenditure / revenue;
  }
}

export const PatentCountResolver = enterpriseBackPath(PatentCount, 'The enterprise holding the patents.');
