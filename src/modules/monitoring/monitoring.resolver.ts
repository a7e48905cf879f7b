import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type HubContext, pageSize } from '../../server/index.js';
import { decodeCursor, encodeCursor } from './event-feed.service.js';
import { nextDeliveries, recordDeliveries } from './event-delivery.js';
import {
  addToPortfolio,
  createPortfolio,
  deletePortfolio,
  listPortfolios,
  memberCounts,
  ownedPortfolio,
  removeFromPortfolio,
  renamePortfolio,
  type PortfolioChange,
} from './portfolio.service.js';
import type { PortfolioEntity } from './portfolio.entity.js';
import {
  CreatePortfolioInput,
  PortfolioChangeType,
  PortfolioType,
  RiskEventConnection,
} from './monitoring.type.js';

const toPortfolio = (p: PortfolioEntity, memberCount: number): PortfolioType => ({
  id: p.id,
  name: p.name,
  purpose: p.purpose,
  scoreThreshold: p.scoreThreshold,
  memberCount,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

const toChange = (c: PortfolioChange): PortfolioChangeType => ({
  portfolio: toPortfolio(c.portfolio, c.memberCount),
  accepted: c.accepted,
  unchanged: c.unchanged,
  items: [...c.items],
});

const actor = (ctx: HubContext) => ({ ...actorOf(ctx), principal: ctx.principal });

/**
 * Watch lists belong to the caller's organisation: every operation reads and
 * writes only its own (another organisation's portfolio is NOT_FOUND). Mutation
 * results are nullable, as everywhere in the hub.
 */
@Resolver()
export class MonitoringResolver {
  @Query(() => [PortfolioType], { description: 'The caller’s organisation’s portfolios, by name.' })
  async portfolios(@Ctx() ctx: HubContext): Promise<PortfolioType[]> {
    const list = await listPortfolios(ctx.em, ctx.principal);
    const counts = await memberCounts(
      ctx.em,
      list.map((p) => p.id),
    );
    return list.map((p) => toPortfolio(p, counts.get(p.id) ?? 0));
  }

  @Mutation(() => PortfolioType, { nullable: true, description: 'Creates an empty portfolio.' })
  async createPortfolio(
    @Arg('input', () => CreatePortfolioInput) input: CreatePortfolioInput,
    @Ctx() ctx: HubContext,
  ): Promise<PortfolioType> {
    return toPortfolio(await createPortfolio(ctx.em, actor(ctx), input), 0);
  }

  @Mutation(() => PortfolioType, { nullable: true })
  async renamePortfolio(
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String) name: string,
    @Ctx() ctx: HubContext,
  ): Promise<PortfolioType> {
    const p = await renamePortfolio(ctx.em, actor(ctx), id, name);
    return toPortfolio(p, (await memberCounts(ctx.em, [p.id])).get(p.id) ?? 0);
  }

  @Mutation(() => PortfolioType, {
    nullable: true,
    description: 'Deletes a portfolio and its members; its feed, subscriptions and webhooks stop.',
  })
  async deletePortfolio(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<PortfolioType> {
    return toPortfolio(await deletePortfolio(ctx.em, actor(ctx), id), 0);
  }

  @Mutation(() => PortfolioChangeType, {
    nullable: true,
    description:
      'Adds up to 10,000 codes (a portfolio holds at most 100,000). Invalid, repeated and excess codes are ' +
      'reported per item; the valid ones are added.',
  })
  async addToPortfolio(
    @Arg('id', () => ID) id: string,
    @Arg('usccs', () => [String]) usccs: string[],
    @Ctx() ctx: HubContext,
  ): Promise<PortfolioChangeType> {
    return toChange(await addToPortfolio(ctx.em, actor(ctx), id, usccs));
  }

  @Mutation(() => PortfolioChangeType, { nullable: true, description: 'Removes up to 10,000 codes.' })
  async removeFromPortfolio(
    @Arg('id', () => ID) id: string,
    @Arg('usccs', () => [String]) usccs: string[],
    @Ctx() ctx: HubContext,
  ): Promise<PortfolioChangeType> {
    return toChange(await removeFromPortfolio(ctx.em, actor(ctx), id, usccs));
  }

  @Query(() => RiskEventConnection, {
    nullable: true,
    description:
      'The replayable feed of a portfolio: its members’ risk events in commit order, after `after`. Each ' +
      'event is authorised now for the portfolio’s purpose; events the caller may not read are skipped. ' +
      'Keep `pageInfo.endCursor` and continue from it: no event is skipped or repeated.',
  })
  async riskEvents(
    @Arg('portfolio', () => ID) portfolioId: string,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<RiskEventConnection> {
    const limit = pageSize(first, ctx.limits);
    const position = decodeCursor(after);
    const portfolio = await ownedPortfolio(ctx.em, ctx.principal, portfolioId, 'portfolio');
    const access = ctx.access.withPurpose(portfolio.purpose);
    const page = await nextDeliveries(ctx.em, ctx.modules, access, portfolio, position, limit);
    // On file before anything leaves; if the record cannot be written, nothing is served.
    await recordDeliveries(
      ctx.em,
      {
        principal: ctx.principal,
        purpose: portfolio.purpose,
        channel: 'riskEvents',
        requestId: ctx.requestId,
        portfolioId: portfolio.id,
      },
      page.events,
    );
    return {
      edges: page.events.map((e) => ({ node: e, cursor: e.cursor })),
      pageInfo: {
        hasNextPage: page.more,
        hasPreviousPage: position.id !== '0',
        startCursor: page.events[0]?.cursor ?? null,
        endCursor: encodeCursor(page.end),
      },
    };
  }
}
