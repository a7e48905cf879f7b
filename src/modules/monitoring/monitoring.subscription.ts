import { GraphQLError } from 'graphql';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { ErrorCode, HubError } from '../../common/errors.js';
import type { HubContext } from '../../server/index.js';
import { isSubscriptionContext, type SubscriptionContext } from '../../server/index.js';
import { nextDeliveries, recordDeliveries, type DeliveredEvent } from './event-delivery.js';
import { decodeCursor, type FeedPosition } from './event-feed.service.js';
import { PortfolioEntity } from './portfolio.entity.js';
import { ownedPortfolio } from './portfolio.service.js';
import { RiskEventType } from './monitoring.type.js';

/** Events read per round; a backlog is delivered in rounds of this many. */
const ROUND = 1000;
const MAX_POSITION_ID = '9223372036854775807';

/** Just past everything committed before now: a new subscription starts with the next change. */
async function headPosition(em: SqlEntityManager): Promise<FeedPosition> {
  const [row] = await em.execute<{ xmin: string }[]>(
    'select pg_snapshot_xmin(pg_current_snapshot())::text as xmin',
  );
  return { tx: String(BigInt(row!.xmin) - 1n), id: MAX_POSITION_ID };
}

/** A HubError as the coded GraphQL error graphql-ws sends (it has no error formatter of its own). */
function coded(err: unknown): unknown {
  return err instanceof HubError
    ? new GraphQLError(err.message, { extensions: { code: err.code, ...err.details } })
    : err;
}

/**
 * The live feed of one portfolio: the same reader as `riskEvents` (same order, same
 * per-event authorisation, same access log), woken by the outbox's NOTIFY. Each
 * round reloads the portfolio (a deleted one ends the stream) and the caller's
 * grants (a revoked agreement stops events from the next round).
 *
 * A plain iterator rather than an async generator: a generator asked to return
 * while it awaits the next notification would only stop at its next event, so an
 * idle subscription could never be closed.
 */
function stream(
  ctx: SubscriptionContext,
  first: PortfolioEntity,
  start: FeedPosition,
): AsyncIterableIterator<DeliveredEvent> {
  let position = start;
  let closed = false;
  let wakeOnClose = () => {};
  const closing = new Promise<void>((resolve) => (wakeOnClose = resolve));
  const buffer: DeliveredEvent[] = [];
  const done = (): IteratorResult<DeliveredEvent> => ({ done: true, value: undefined });
  // Read through functions: `return()` and the awaits in `fill()` change these, which
  // TypeScript's narrowing of a variable (or of `buffer.length`) does not see.
  const isClosed = (): boolean => closed;
  const isEmpty = (): boolean => buffer.length === 0;

  /** Reads rounds until there is something to push (true) or the stream ended (false). */
  async function fill(): Promise<boolean> {
    while (!isClosed() && isEmpty()) {
      const seen = ctx.changes.generation;
      const em = ctx.em.fork();
      const portfolio = await em.findOne(PortfolioEntity, { id: first.id, organisation: first.organisation });
      if (!portfolio) return false;
      const page = await nextDeliveries(
        em,
        ctx.modules,
        ctx.accessFor(portfolio.purpose),
        portfolio,
        position,
        ROUND,
      );
      if (page.events.length > 0) {
        // On file before anything is pushed; if it cannot be written, the subscription ends in an error.
        await recordDeliveries(
          em,
          {
            principal: ctx.principal,
            purpose: portfolio.purpose,
            channel: 'riskEventAdded',
            requestId: ctx.requestId,
            portfolioId: portfolio.id,
          },
          page.events,
        );
        buffer.push(...page.events);
      }
      position = page.end;
      if (!page.more && isEmpty()) await Promise.race([ctx.changes.wait(seen), closing]);
    }
    return !closed;
  }

  return {
    async next() {
      if (closed) return done();
      if (buffer.length === 0 && !(await fill())) {
        closed = true;
        return done();
      }
      return isClosed() ? done() : { done: false, value: buffer.shift()! };
    },
    async return() {
      closed = true;
      wakeOnClose();
      return done();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

async function subscribe(ctx: HubContext, portfolioId: unknown, after: unknown) {
  try {
    if (!isSubscriptionContext(ctx))
      throw new HubError(ErrorCode.BAD_REQUEST, 'riskEventAdded is served over graphql-ws at /graphql');
    const portfolio = await ownedPortfolio(ctx.em, ctx.principal, portfolioId, 'portfolio');
    const start =
      after === undefined || after === null ? await headPosition(ctx.em) : decodeCursor(after as string);
    return stream(ctx, portfolio, start);
  } catch (err) {
    throw coded(err);
  }
}

@Resolver()
export class RiskEventSubscriptionResolver {
  @Subscription(() => RiskEventType, {
    description:
      'Risk events of a portfolio as they are committed (graphql-ws on /graphql; authenticate in connectionParams). ' +
      'From now on, or from `after` (a cursor of the feed or of an event) to resume. Each event is authorised ' +
      'at delivery for the portfolio’s purpose, as in `riskEvents`.',
    subscribe: ({ args, context }) =>
      subscribe(
        context as HubContext,
        (args as { portfolio: unknown }).portfolio,
        (args as { after?: unknown }).after,
      ),
  })
  riskEventAdded(
    @Root() event: DeliveredEvent,
    @Arg('portfolio', () => ID) _portfolio: string,
    @Arg('after', () => String, { nullable: true }) _after: string | undefined,
  ): RiskEventType {
    return event;
  }
}
