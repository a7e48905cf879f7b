import { createHmac, randomBytes } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { appendGovernanceWrite, type GovernanceActor } from '../../audit/index.js';
import type { Principal } from '../../auth/index.js';
import { ErrorCode } from '../../common/errors.js';
import { checkText, checkUuid, inputError } from '../../common/input.js';
import { MonitoringError } from './monitoring.errors.js';
import { ownedPortfolio } from './portfolio.service.js';
import { WebhookDeliveryEntity, WebhookDeliveryStatus, WebhookEndpointEntity } from './webhook.entity.js';

export const URL_MAX = 2000;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as in the README's verification snippet. */
export function signature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** HTTPS only; plain http://127.0.0.1 only when WEBHOOK_ALLOW_LOOPBACK_HTTP is on (tests). */
export function checkEndpointUrl(value: unknown, allowLoopbackHttp: boolean): string {
  const text = checkText('url', value, { max: URL_MAX });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw inputError('url', 'format', 'url must be an absolute URL such as https://bank.example/hooks/risk');
  }
  const loopback = url.protocol === 'http:' && url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(loopback && allowLoopbackHttp))
    throw inputError('url', 'format', 'url must use https://');
  if (url.username || url.password) throw inputError('url', 'format', 'url must not carry credentials');
  return url.toString();
}

export async function registerWebhook(
  em: SqlEntityManager,
  actor: GovernanceActor & { principal: Principal },
  portfolioId: unknown,
  url: unknown,
  allowLoopbackHttp: boolean,
): Promise<{ endpoint: WebhookEndpointEntity; secret: string }> {
  const checkedUrl = checkEndpointUrl(url, allowLoopbackHttp);
  const portfolio = await ownedPortfolio(em, actor.principal, portfolioId, 'portfolio');
  const secret = randomBytes(32).toString('hex');
  return em.transactional(async (tx) => {
    // Events from now on: the endpoint starts at the feed's current end.
    const [head] = await tx.execute<{ xmin: string }[]>(
      'select pg_snapshot_xmin(pg_current_snapshot())::text as xmin',
    );
    const endpoint = Object.assign(new WebhookEndpointEntity(), {
      portfolio: portfolio.id,
      url: checkedUrl,
      secret,
      organisation: actor.principal.organisation,
      principalId: actor.principal.id,
      principalKind: actor.principal.kind,
      afterTx: String(BigInt(head!.xmin) - 1n),
      afterId: '9223372036854775807',
    });
    await tx.insert(WebhookEndpointEntity, endpoint);
    await appendGovernanceWrite(tx, actor, {
      action: 'WEBHOOK_REGISTERED',
      targetType: 'WebhookEndpoint',
      targetId: endpoint.id,
      reason: null,
      details: { portfolio: portfolio.id, url: checkedUrl },
    });
    return { endpoint, secret };
  });
}

async function ownedEndpoint(
  em: SqlEntityManager,
  principal: Principal,
  id: unknown,
): Promise<WebhookEndpointEntity> {
  const checked = checkUuid('endpoint', id);
  const found = await em.findOne(WebhookEndpointEntity, {
    id: checked,
    organisation: principal.organisation,
  });
  if (!found)
    throw new MonitoringError(
      ErrorCode.NOT_FOUND,
      `your organisation has no webhook endpoint with id ${checked}`,
      {
        argument: 'endpoint',
      },
    );
  return found;
}

export async function listDeliveries(
  em: SqlEntityManager,
  principal: Principal,
  endpointId: unknown,
  status: WebhookDeliveryStatus | undefined,
  limit: number,
): Promise<WebhookDeliveryEntity[]> {
  const endpoint = await ownedEndpoint(em, principal, endpointId);
  return em.find(
    WebhookDeliveryEntity,
    { endpoint: endpoint.id, ...(status ? { status } : {}) },
    { orderBy: { id: 'asc' }, limit },
  );
}

/** Puts a delivery (typically DEAD) back in the queue, to be tried at once. */
export async function redeliver(
  em: SqlEntityManager,
  actor: GovernanceActor & { principal: Principal },
  deliveryId: unknown,
): Promise<WebhookDeliveryEntity> {
  const text = checkText('delivery', deliveryId, { max: 20 });
  if (!/^\d{1,19}$/.test(text))
    throw inputError('delivery', 'format', 'delivery must be the id of a webhook delivery');
  return em.transactional(async (tx) => {
    const delivery = await tx.findOne(WebhookDeliveryEntity, { id: text });
    const endpoint = delivery
      ? await tx.findOne(WebhookEndpointEntity, {
          id: delivery.endpoint,
          organisation: actor.principal.organisation,
        })
      : null;
    if (!delivery || !endpoint)
      throw new MonitoringError(
        ErrorCode.NOT_FOUND,
        `your organisation has no webhook delivery with id ${text}`,
        {
          argument: 'delivery',
        },
      );
    await tx.nativeUpdate(
      WebhookDeliveryEntity,
      { id: delivery.id },
      { status: WebhookDeliveryStatus.PENDING, attempts: 0, nextAttemptAt: new Date(), lastError: null },
    );
    await appendGovernanceWrite(tx, actor, {
      action: 'WEBHOOK_REDELIVERY_REQUESTED',
      targetType: 'WebhookEndpoint',
      targetId: endpoint.id,
      reason: null,
      details: { delivery: delivery.id, event: delivery.eventId, previousStatus: delivery.status },
    });
    return Object.assign(delivery, { status: WebhookDeliveryStatus.PENDING, attempts: 0, lastError: null });
  });
}
