import type { Principal, PrincipalKind } from '../../auth/index.js';
import { departmentsOf, isDepartment } from '../../auth/index.js';
import type { BackgroundDeps } from '../../server/index.js';
import { nextDeliveries, recordDeliveries, type DeliveredEvent } from './event-delivery.js';
import { PortfolioEntity } from './portfolio.entity.js';
import { signature } from './webhook.service.js';
import { WebhookDeliveryStatus, WebhookEndpointEntity } from './webhook.entity.js';

/** Events queued per endpoint per round. */
const ROUND = 500;

const storedPrincipal = (e: WebhookEndpointEntity, departments: ReadonlySet<string>): Principal => ({
  id: e.principalId,
  organisation: e.organisation,
  kind: e.principalKind as PrincipalKind,
  scopes: [],
  department:
    isDepartment(e.organisation, departments) && e.principalKind === 'DEPARTMENT'
      ? e.organisation
      : undefined,
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
      const principal = storedPrincipal(endpoint, departmentsOf(deps.modules));
      const page = await nextDeliveries(
        tx,
        deps.modules,
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
  // bigint column: node-postgres hands back a string, PGlite may hand back a number or bigint.
  event_id: string | number | bigint;
  payload: unknown;
  attempts: number;
  /** The claim: the row's next_attempt_at while this attempt runs, compared when it ends. */
  lease: string;
  url: string;
  secret: string;
}

/** How long past WEBHOOK_TIMEOUT_MS a claim lasts: time to record the attempt's outcome. */
const LEASE_MARGIN_MS = 2_000;

/**
 * Claims the oldest due delivery of some endpoint (a later event waits while an
 * earlier one is claimed or retried, so a receiver sees them in order). The claim
 * is a lease, committed before the HTTP call: the row's attempt is counted and its
 * next_attempt_at moved past the request's timeout, so no other instance takes it
 * while it runs and no database connection (PGlite has one) is held across the
 * call. If the claiming hub dies, the lease runs out and any instance retries it.
 */
async function claim(deps: BackgroundDeps): Promise<Claimed | undefined> {
  return deps.em().transactional(async (tx) => {
    // A hub that died during the last allowed attempt left its row PENDING: dead now.
    await tx.execute(
      `update monitoring_webhook_delivery set status = 'DEAD',
         last_error = coalesce(last_error, 'no answer recorded: the hub making the attempt stopped')
       where status = 'PENDING' and attempts >= ? and next_attempt_at <= now()`,
      [deps.config.webhookMaxAttempts],
    );
    const [row] = await tx.execute<{ id: string }[]>(
      `select d.id from monitoring_webhook_delivery d
       where d.status = 'PENDING' and d.next_attempt_at <= now()
         and d.id = (select min(o.id) from monitoring_webhook_delivery o
                     where o.endpoint_id = d.endpoint_id and o.status = 'PENDING')
       order by d.id limit 1
       for update of d skip locked`,
    );
    if (!row) return undefined;
    const [claimed] = await tx.execute<Claimed[]>(
      `update monitoring_webhook_delivery d set attempts = d.attempts + 1,
         next_attempt_at = now() + make_interval(secs => ?::double precision / 1000)
       from monitoring_webhook_endpoint e
       where d.id = ? and e.id = d.endpoint_id
       returning d.id, d.event_id, d.payload, d.attempts, d.next_attempt_at::text as lease, e.url, e.secret`,
      [deps.config.webhookTimeoutMs + LEASE_MARGIN_MS, row.id],
    );
    return claimed;
  });
}

/** One POST of a claimed delivery; the error text, or null when the receiver answered 2xx. */
async function post(deps: BackgroundDeps, row: Claimed): Promise<string | null> {
  const body = JSON.stringify(typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload);
  const timestamp = Math.floor(Date.now() / 1000);
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
    return res.status < 200 || res.status >= 300 ? `HTTP ${res.status}` : null;
  } catch (err) {
    return (err instanceof Error ? err.message : String(err)).slice(0, 500);
  }
}

/**
 * Makes the due deliveries: each claimed by one instance (FOR UPDATE SKIP LOCKED,
 * then a lease), posted outside any transaction, and its outcome recorded only if
 * the claim is still this attempt's (a lease that ran out may have been retried).
 */
async function deliverDue(deps: BackgroundDeps): Promise<number> {
  const em = deps.em();
  let made = 0;
  for (;;) {
    const row = await claim(deps);
    if (!row) return made;
    const error = await post(deps, row);
    if (error === null) {
      await em.execute(
        `update monitoring_webhook_delivery set status = 'DELIVERED', delivered_at = now(), last_error = null
         where id = ? and attempts = ? and next_attempt_at = ?::timestamptz`,
        [row.id, row.attempts, row.lease],
      );
    } else {
      const dead = row.attempts >= deps.config.webhookMaxAttempts;
      const wait = deps.config.webhookBackoffMs * 2 ** (row.attempts - 1);
      await em.execute(
        `update monitoring_webhook_delivery set status = ?, last_error = ?,
           next_attempt_at = now() + make_interval(secs => ?::double precision / 1000)
         where id = ? and attempts = ? and next_attempt_at = ?::timestamptz`,
        [
          dead ? WebhookDeliveryStatus.DEAD : WebhookDeliveryStatus.PENDING,
          error,
          wait,
          row.id,
          row.attempts,
          row.lease,
        ],
      );
    }
    made++;
  }
}

/** Every hub process runs this loop; rows and claims keep the instances from doubling work. */
export function startWebhookWorker(deps: BackgroundDeps): { stop(): Promise<void> } {
  let stopped = false;
  // Read through a function: `stop()` changes the flag while the loop awaits.
  const isStopped = () => stopped;
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
