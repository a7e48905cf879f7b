import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type HubContext, pageSize } from '../../server/index.js';
import { WebhookDeliveryStatus, type WebhookDeliveryEntity } from './webhook.entity.js';
import { listDeliveries, redeliver, registerWebhook } from './webhook.service.js';
import { WebhookDeliveryType, WebhookRegistrationType } from './monitoring.type.js';
import { webhookUrlPolicy } from './webhook.policy.js';

const toDelivery = (d: WebhookDeliveryEntity): WebhookDeliveryType => ({
  id: d.id,
  eventId: d.eventId,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === WebhookDeliveryStatus.PENDING ? d.nextAttemptAt : null,
  lastError: d.lastError,
  deliveredAt: d.deliveredAt,
});

const actor = (ctx: HubContext) => ({ ...actorOf(ctx), principal: ctx.principal });

/** Webhook endpoints and deliveries belong to the portfolio's organisation, like the portfolio. */
@Resolver()
export class WebhookResolver {
  @Mutation(() => WebhookRegistrationType, {
    nullable: true,
    description:
      'Registers an HTTPS endpoint that receives the portfolio’s events from now on, signed with a new secret ' +
      '(returned once). See the README for the signature and retry rules.',
  })
  async registerWebhook(
    @Arg('portfolio', () => ID) portfolio: string,
    @Arg('url', () => String) url: string,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookRegistrationType> {
    const { endpoint, secret } = await registerWebhook(
      ctx.em,
      actor(ctx),
      portfolio,
      url,
      webhookUrlPolicy().allowLoopbackHttp,
    );
    return {
      endpoint: {
        id: endpoint.id,
        portfolio: endpoint.portfolio,
        url: endpoint.url,
        createdAt: endpoint.createdAt,
      },
      secret,
    };
  }

  @Query(() => [WebhookDeliveryType], {
    description: 'Deliveries of one of the caller’s endpoints, oldest first.',
  })
  async webhookDeliveries(
    @Arg('endpoint', () => ID) endpoint: string,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true }) status: WebhookDeliveryStatus | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookDeliveryType[]> {
    const rows = await listDeliveries(ctx.em, ctx.principal, endpoint, status, pageSize(first, ctx.limits));
    return rows.map(toDelivery);
  }

  @Mutation(() => WebhookDeliveryType, {
    nullable: true,
    description: 'Queues a delivery again (a DEAD one, typically), to be tried at once.',
  })
  async redeliverWebhook(
    @Arg('delivery', () => ID) delivery: string,
    @Ctx() ctx: HubContext,
  ): Promise<WebhookDeliveryType> {
    return toDelivery(await redeliver(ctx.em, actor(ctx), delivery));
  }
}
