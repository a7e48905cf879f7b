import type { Principal, PrincipalKind } from '../../auth/principal.js';
import { isDepartment } from '../../auth/principal.js';
import type { BackgroundDeps } from '../../server/hub-module.js';
import { nextDeliveries, recordDeliveries, type DeliveredEvent } from './event-delivery.js';
import { PortfolioEntity } from './portfolio.entity.js';
import { signature } from './webhook.service.js';
import { WebhookDeliveryStatus, WebhookEndpointEntity } from './webhook.entity.js';

/** Events queued per endpoint per round. */
const ROUND = 500;

const storedPrincipal = (e: WebhookEndpointEntity): Principal => ({
  id: e.principalId,
  organisation: e.organisation,
  kind: e.principalKind as PrincipalKind,
  scopes: [],
  department: isDepartment(e.organisation) && e.principalKind === 'DEPARTMENT' ? e.organisation : undefined,
  via: 'jwt',
});

const payloadOf = (e: DeliveredEvent) => ({
  id: e.id,
  cursor: e.cursor,
  uscc: e.uscc,
  kind: e.kind,
  occurredAt: e.occurredAt.toISOString(),
  signalCode: e.signalCode,
  recordType: e.recordType,
  department: e.department,
  detail: e.detail,
  from: e.from,
  to: e.to,
});

/**
 * Queues the new events of each endpoint as delivery rows: the endpoint row is
 * claimed (SKIP LOCKED) so one instance queues it at a time, the events are
 * authorised for the endpoint's owner and the portfolio's purpose when queued
 * (and that delivery logged), and the endpoint's position moves in the same
 * transaction as the rows, so nothing is queued twice or skipped.
 */
async function enqueue(deps: BackgroundDeps): Promise<void> {
  const em = deps.em();
  const ids = await em.execute<{ id: string }[]>('select id from monitoring_webhook_endpoint');
  for (const { id } of ids) {
    await em.transactional(async (tx) => {
      const [claimed] = await tx.execute<{ id: string }[]>(
        'select id from monitoring_webhook_endpoint where id = ? for update skip locked',
        [id],
      );
      if (!claimed) return;
      const endpoint = await tx.findOne(WebhookEndpointEntity, { id }, { refresh: true });
      const portfolio = endpoint && (await tx.findOne(PortfolioEntity, { id: endpoint.portfolio }));
      if (!endpoint || !portfolio) return;
      const principal = storedPrincipal(endpoint);
      const page = await nextDeliveries(
        tx,
        deps.accessFor(principal, portfolio.purpose, tx),
        portfolio,
        { tx: endpoint.afterTx, id: endpoint.afterId },
        ROUND,
      );
      if (page.events.length > 0) {
        await recordDeliveries(
          tx,
          {
            principal,
            purpose: portfolio.purpose,
            channel: 'webhook',
            requestId: `webhook-${endpoint.id}`,
            portfolioId: portfolio.id,
          },
          page.events,
        );
        await tx.execute(
          `insert into monitoring_webhook_delivery (endpoint_id, event_id, payload, status, attempts, next_attempt_at)
           select ?, (value->>'id')::bigint, value, 'PENDING', 0, now() from jsonb_array_elements(?::jsonb)
           on conflict (endpoint_id, event_id) do nothing`,
          [endpoint.id, JSON.stringify(page.events.map(payloadOf))],
        );
      }
      await tx.execute('update monitoring_webhook_endpoint set after_tx = ?, after_id = ? where id = ?', [
        page.end.tx,
        page.end.id,
        endpoint.id,
      ]);
    });
  }
}

interface Claimed {
  id: string;
  endpoint_id: string;
  // bigint: a string from node-postgres; the driver's parser decides.
  event_id: string | bigint;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Makes the due deliveries, oldest first per endpoint (a later event waits while
 * an earlier one is retried, so a receiver sees them in order). A delivery row is
 * locked for its attempt (FOR UPDATE SKIP LOCKED): exactly one instance posts it;
 * if that instance dies, the lock goes with its transaction and another retries.
 */
async function deliverDue(deps: BackgroundDeps): Promise<number> {
  const em = deps.em();
  let made = 0;
  for (;;) {
    const done = await em.transactional(async (tx) => {
      const [row] = await tx.execute<Claimed[]>(
        `select d.id, d.endpoint_id, d.event_id, d.payload, d.attempts, e.url, e.secret
         from monitoring_webhook_delivery d join monitoring_webhook_endpoint e on e.id = d.endpoint_id
         where d.status = 'PENDING' and d.next_attempt_at <= now()
           and d.id = (select min(o.id) from monitoring_webhook_delivery o
                       where o.endpoint_id = d.endpoint_id and o.status = 'PENDING')
         order by d.id limit 1
         for update of d skip locked`,
      );
      if (!row) return false;
      const body = JSON.stringify(typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload);
      const timestamp = Math.floor(Date.now() / 1000);
      let error: string | null = null;
      try {
        const res = await fetch(row.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-hub-signature': signature(row.secret, timestamp, body),
            'x-hub-event-id': String(row.event_id),
            'idempotency-key': String(row.event_id),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(deps.config.webhookTimeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
      } catch (err) {
        error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      }
      const attempts = row.attempts + 1;
      if (error === null) {
        await tx.execute(
          "update monitoring_webhook_delivery set status = 'DELIVERED', attempts = ?, delivered_at = now(), last_error = null where id = ?",
          [attempts, row.id],
        );
      } else {
        const dead = attempts >= deps.config.webhookMaxAttempts;
        const wait = deps.config.webhookBackoffMs * 2 ** (attempts - 1);
        await tx.execute(
          `update monitoring_webhook_delivery set status = ?, attempts = ?, last_error = ?,
             next_attempt_at = now() + make_interval(secs => ?::double precision / 1000) where id = ?`,
          [dead ? WebhookDeliveryStatus.DEAD : WebhookDeliveryStatus.PENDING, attempts, error, wait, row.id],
        );
      }
      return true;
    });
    if (!done) return made;
    made++;
  }
}

/** Every hub process runs this loop; rows and claims keep the instances from doubling work. */
export function startWebhookWorker(deps: BackgroundDeps): { stop(): Promise<void> } {
  let stopped = false;
  // Read through a function: stop() sets it while the loop awaits, which narrowing does not see.
  const isStopped = (): boolean => stopped;
  const loop = (async () => {
    while (!isStopped()) {
      const seen = deps.changes.generation;
      try {
        await enqueue(deps);
        await deliverDue(deps);
      } catch (err) {
        if (!isStopped()) deps.log.warn({ err }, 'webhook round failed; retrying');
      }
      if (!isStopped()) await deps.changes.wait(seen);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
