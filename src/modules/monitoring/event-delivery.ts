import type { HubModule } from '../../server/hub-module.js';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { AccessRecorder, appendAccessLog } from '../../audit/index.js';
import type { AccessControl, Principal, Purpose } from '../../auth/index.js';
import { activeSignals, encodeCursor, readEvents, type FeedPosition } from './event-feed.service.js';
import { decideEvent, type RevealedUse, type StoredEvent } from './event-policy.js';
import type { PortfolioEntity } from './portfolio.entity.js';

/** An event as a watcher receives it: only what it may read now. */
export interface DeliveredEvent {
  readonly id: string;
  readonly cursor: string;
  readonly uscc: string;
  readonly kind: StoredEvent['kind'];
  readonly occurredAt: Date;
  readonly signalCode: string | null;
  readonly recordType: string | null;
  readonly department: string | null;
  readonly detail: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly uses: readonly RevealedUse[];
}

export interface DeliveryPage {
  readonly events: DeliveredEvent[];
  /** Where the next page starts: past every event looked at, delivered or not. */
  readonly end: FeedPosition;
  /** Whether more stored events may follow (the last scan was full). */
  readonly more: boolean;
}

/** Candidates read per scan; a page that filters many out scans at most this many times. */
const MAX_SCANS = 8;

/**
 * The next page of a portfolio's feed as this watcher may receive it, decided per
 * event under the portfolio's purpose (see decideEvent). Events the watcher may
 * not read are skipped, never announced.
 */
export async function nextDeliveries(
  em: SqlEntityManager,
  modules: readonly HubModule[],
  access: AccessControl,
  portfolio: PortfolioEntity,
  after: FeedPosition,
  limit: number,
): Promise<DeliveryPage> {
  await access.activeGrants();
  const events: DeliveredEvent[] = [];
  let end = after;
  let more = false;
  for (let scan = 0; scan < MAX_SCANS && events.length < limit; scan++) {
    const batch = await readEvents(em, portfolio.id, end, limit - events.length);
    more = batch.length === limit - events.length;
    if (batch.length === 0) break;
    const active = await activeSignals(
      em,
      modules,
      batch.filter((e) => e.kind === 'SIGNAL_RAISED').map((e) => e.uscc),
    );
    for (const event of batch) {
      end = { tx: event.tx, id: event.id };
      const verdict = decideEvent(access, event, active.get(event.uscc), portfolio.scoreThreshold);
      if (!verdict.deliver) continue;
      events.push(toDelivered(event, verdict.detail, verdict.uses));
    }
    if (!more) break;
  }
  return { events, end, more };
}

function toDelivered(
  event: StoredEvent,
  detail: string | null,
  uses: readonly RevealedUse[],
): DeliveredEvent {
  const signal = event.kind === 'SIGNAL_RAISED' || event.kind === 'SIGNAL_CLEARED';
  return {
    id: event.id,
    cursor: encodeCursor({ tx: event.tx, id: event.id }),
    uscc: event.uscc,
    kind: event.kind,
    occurredAt: event.occurredAt,
    signalCode: signal ? event.signalCode : null,
    recordType: signal ? event.recordType : null,
    department: signal ? event.department : null,
    detail,
    from: signal ? null : event.fromValue,
    to: signal ? null : event.toValue,
    uses,
  };
}

export interface DeliveryAudit {
  readonly principal: Pick<Principal, 'id' | 'organisation' | 'kind'>;
  readonly purpose: Purpose;
  /** `riskEvents`, `riskEventAdded` or `webhook`. */
  readonly channel: string;
  readonly requestId: string;
  readonly portfolioId: string;
}

/**
 * Puts the delivery of governed content on the access log before it leaves: one
 * record per page (or pushed event), under the portfolio's purpose, naming every
 * resource an event revealed. If the record cannot be written the caller must not
 * deliver (this throws). Unconditional content alone is not logged, as for reads.
 */
export async function recordDeliveries(
  em: SqlEntityManager,
  audit: DeliveryAudit,
  events: readonly DeliveredEvent[],
): Promise<void> {
  const recorder = new AccessRecorder();
  for (const event of events) {
    recorder.touchUscc(event.uscc);
    for (const use of event.uses) recorder.recordDerived(use.field, use.entry, use.agreementId, event.uscc);
  }
  if (!recorder.hasEntries) return;
  await appendAccessLog(em, {
    principal: audit.principal,
    purpose: audit.purpose,
    operationName: audit.channel,
    document: `${audit.channel}:${audit.portfolioId}:${events.map((e) => e.id).join(',')}`,
    requestId: audit.requestId,
    summary: recorder.summary(),
  });
}
