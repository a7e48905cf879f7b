import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  Info,
  InputType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  DECLARES_PURPOSE,
  denialMessage,
  derivedView,
  type DerivedView,
  ForbiddenError,
  Purpose,
  recordDerivedUse,
  redactedDetail,
} from '../../auth/index.js';
import { selectedFieldNames, type HubContext } from '../../server/index.js';
import { BadInputError } from '../../common/errors.js';
import { IndustrySection } from '../../common/industry.js';
import type { RiskSignal } from '../../common/risk-signal.js';
import { SourceRecordType } from '../../common/provenance.type.js';
import { checkUscc } from '../../common/uscc.js';
import { Enterprise } from '../registry/index.js';
import { PortfolioItemStatus, RiskGrade, RiskGroupBy } from './risk.enums.js';
import { riskProfileLoaderOf, type ProfileParts, type ProfileValue } from './risk.loaders.js';
import { recordLoader } from './risk.records.js';
import { riskDeclarations } from './risk.declarations.js';
import { riskStatistics, type StatisticsFilter } from './risk.statistics.js';
import {
  PortfolioRiskItemType,
  RiskProfileType,
  RiskSignalType,
  RiskStatisticsType,
  type RiskContributionType,
  type RiskDimensionScoreType,
  type RiskSourceFreshnessType,
} from './risk.type.js';

export const MAX_PORTFOLIO = 1000;

/**
 * Shapes a stored or computed profile for GraphQL; only active signals are shown.
 * The nested lists are getters, built only if the query selects them: a
 * portfolio of 1,000 that asks for scores does not shape 1,000 dimension sets.
 */
function toGraphQL(p: ProfileValue, view: DerivedView): RiskProfileType {
  // Usable but invisible: a signal's text and date repeat its record's values,
  // so they are served only to callers who may read that record.
  const readable = (s: RiskSignal) => view.mayRead(s.recordType);
  return {
    score: p.score,
    grade: p.grade as RiskGrade,
    cappedBy: p.cappedBy,
    modelVersion: p.modelVersion,
    computedAt: p.computedAt,
    get dimensions() {
      return p.dimensions.map(
        (d): RiskDimensionScoreType => ({
          dimension: d.dimension as RiskDimensionScoreType['dimension'],
          score: d.score,
          base: d.base,
          weight: d.weight,
          contributions: d.contributions.map((c): RiskContributionType => {
            const signal = p.signals[c.signalIndex]!;
            return {
              signalCode: c.code,
              points: c.points,
              department: signal.department,
              occurredOn: readable(signal) ? signal.occurredOn : null,
            };
          }),
        }),
      );
    },
    // Repaired, removed and expired records no longer count and are not shown:
    // a repaired record must stop being shared, and its signal would reveal it.
    get signals() {
      return p.signals
        .filter((s) => s.active)
        .map((s) =>
          readable(s)
            ? { ...s, record: null }
            : { ...s, detail: redactedDetail(s.code, s.department), occurredOn: null, record: null },
        );
    },
    get sources() {
      return p.sources.map(
        (s): RiskSourceFreshnessType => ({
          department: s.department,
          asOf: s.asOf && view.mayReadDepartment(s.department) ? new Date(s.asOf) : null,
          staleAfterDays: s.staleAfterDays,
          stale: s.stale,
        }),
      );
    },
  };
}

/** The JSON parts of the profile a selection of RiskProfile fields needs read. */
function partsSelected(info: GraphQLResolveInfo, path: readonly string[] = []): ProfileParts {
  const fields = selectedFieldNames(info, path);
  return { dimensions: fields.has('dimensions'), sources: fields.has('sources') };
}

/** A profile as served to this caller, its derived use logged under each signal's record resource. */
function served(p: ProfileValue, ctx: HubContext, view: DerivedView): RiskProfileType {
  for (const s of p.signals) if (s.active) recordDerivedUse(ctx, s.recordType, s.code, p.uscc);
  return toGraphQL(p, view);
}

@Resolver(() => Enterprise)
export class RiskEnterpriseResolver {
  @FieldResolver(() => RiskProfileType, {
    nullable: true,
    description: 'Explainable risk profile from all departments’ data (see the README’s risk model).',
  })
  async riskProfile(
    @Root() enterprise: { uscc: string },
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RiskProfileType | null> {
    const profile = await ctx.loaders.get(riskProfileLoaderOf(partsSelected(info))).load(enterprise.uscc);
    return profile ? served(profile, ctx, await derivedView(ctx)) : null;
  }
}

@Resolver(() => RiskSignalType)
export class RiskSignalResolver {
  /**
   * Usable but invisible: reading the profile does not grant the records behind
   * it. The link is followed only if the caller may read the record's resource.
   */
  @FieldResolver(() => SourceRecordType, { nullable: true })
  async record(@Root() signal: RiskSignal, @Ctx() ctx: HubContext): Promise<unknown> {
    const decision = await ctx.access.decideField(signal.recordType, 'id');
    if (!decision.allow) {
      ctx.audit.record(`${signal.recordType}.id`, decision, { uscc: undefined });
      throw new ForbiddenError(denialMessage(signal.recordType, 'id', decision), {
        reason: decision.reason,
        resource: decision.entry?.resource ?? null,
      });
    }
    return ctx.loaders.get(recordLoader).load({ recordType: signal.recordType, recordId: signal.recordId });
  }
}

@InputType('RiskStatisticsFilter')
class RiskStatisticsFilterInput implements StatisticsFilter {
  @Field(() => String, { nullable: true, description: 'GB/T 2260 prefix of 2, 4 or 6 digits.' })
  regionPrefix?: string | null;

  @Field(() => IndustrySection, { nullable: true })
  industrySection?: IndustrySection;

  @Field(() => [RiskGrade], { nullable: true })
  riskGrades?: RiskGrade[];
}

@Resolver()
export class RiskQueryResolver {
  @Query(() => [PortfolioRiskItemType], {
    nullable: true,
    description:
      `Risk profiles of up to ${MAX_PORTFOLIO} enterprises, in request order. An invalid or unknown code is reported ` +
      'in its own item; it does not fail the call. The purpose of use is the `purpose` argument or the X-Purpose ' +
      'header (one purpose per operation: if both are given they must agree).',
    // Operation cost (src/server/limits): each code is one item object plus what is selected under it.
    complexity: ({ args, childComplexity }) =>
      1 + (Array.isArray(args.usccs) ? args.usccs.length : 0) * (1 + childComplexity),
  })
  @Extensions({ [DECLARES_PURPOSE]: true })
  async portfolioRisk(
    @Arg('usccs', () => [String]) usccs: string[],
    // Applied before execution by purposeArgumentPlugin, so every field rule sees it.
    @Arg('purpose', () => Purpose, {
      nullable: true,
      description: 'Purpose of use for this operation, in place of the X-Purpose header.',
    })
    _purpose: Purpose | undefined,
    @Ctx() ctx: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PortfolioRiskItemType[]> {
    if (usccs.length > MAX_PORTFOLIO) {
      throw new BadInputError(`usccs may hold at most ${MAX_PORTFOLIO} codes, got ${usccs.length}`, {
        argument: 'usccs',
        max: MAX_PORTFOLIO,
      });
    }
    const checked = usccs.map((input) => ({ input, check: checkUscc(input) }));
    const valid = [...new Set(checked.flatMap((c) => (c.check.valid ? [c.check.code] : [])))];
    for (const uscc of valid) ctx.audit.touchUscc(uscc);
    const profiles = await ctx.loaders
      .get(riskProfileLoaderOf(partsSelected(info, ['profile'])))
      .loadMany(valid);
    const view = await derivedView(ctx);
    const byUscc = new Map(valid.map((u, i) => [u, profiles[i]]));
    return checked.map(({ input, check }): PortfolioRiskItemType => {
      if (!check.valid)
        return {
          input,
          uscc: null,
          status: PortfolioItemStatus.INVALID_USCC,
          error: check.message,
          profile: null,
        };
      const profile = byUscc.get(check.code);
      if (profile instanceof Error) throw profile;
      if (!profile) {
        return {
          input,
          uscc: check.code,
          status: PortfolioItemStatus.NOT_FOUND,
          error: 'no enterprise with this USCC is registered in the hub',
          profile: null,
        };
      }
      return {
        input,
        uscc: check.code,
        status: PortfolioItemStatus.OK,
        error: null,
        profile: served(profile, ctx, view),
      };
    });
  }

  @Query(() => RiskStatisticsType, {
    nullable: true,
    description:
      'Counts, average score and active signals by category, grouped in SQL over every stored profile. ' +
      'Buckets smaller than the minimum cell size are withheld so that no single enterprise can be read off.',
  })
  async riskStatistics(
    @Arg('groupBy', () => [RiskGroupBy]) groupBy: RiskGroupBy[],
    @Arg('filter', () => RiskStatisticsFilterInput, { nullable: true })
    filter: RiskStatisticsFilterInput | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<RiskStatisticsType> {
    return riskStatistics(ctx.em, riskDeclarations(ctx.modules), groupBy, filter ?? {});
  }
}
