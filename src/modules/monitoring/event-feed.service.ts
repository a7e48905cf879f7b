import type { SqlEntityManager } from '@mikro-orm/sql';
import { inputError } from '../../common/input.js';
import type { RiskEventKind } from './monitoring.enums.js';
import type { HubModule } from '../../server/hub-module.js';
import { riskProfileLoader } from '../risk/index.js';
import { signalKey, type StoredEvent } from './event-policy.js';

/** A position in the outbox: the writing transaction's id, then the event's id. */
export interface FeedPosition {
  readonly tx: string;
  readonly id: string;
}

export const START: FeedPosition = { tx: '0', id: '0' };

export const encodeCursor = (p: FeedPosition): string =>
  Buffer.from(`ev:${p.tx}:${p.id}`, 'utf8').toString('base64url');

export function decodeCursor(after: string | null | undefined, argument = 'after'): FeedPosition {
  if (after === null || after === undefined) return START;
  const match = /^ev:(\d{1,19}):(\d{1,19})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw inputError(argument, 'format', `${argument} is not a cursor issued by this feed`);
  return { tx: match[1]!, id: match[2]! };
}

interface EventRow {
  id: string | number;
  tx: string | number;
  uscc: string;
  kind: RiskEventKind;
  signal_code: string | null;
  record_type: string | null;
  record_id: string | null;
  department: string | null;
  detail: string | null;
  from_value: string | null;
  to_value: string | null;
  occurred_at: Date | string;
}

/**
 * The next events of a portfolio's current members after `after`, in (tx, id)
 * order, one statement. Only transactions older than every one still running
 * are served (pg_snapshot_xmin), so a later commit can never land behind a
 * cursor already handed out: replaying from a cursor gives the same events in
 * the same order, none skipped.
 */
export async function readEvents(
  em: SqlEntityManager,
  portfolioId: string,
  after: FeedPosition,
  limit: number,
): Promise<StoredEvent[]> {
  const rows = await em.execute<EventRow[]>(
    `select e.id, e.tx, e.uscc, e.kind, e.signal_code, e.record_type, e.record_id, e.department, e.detail,
       e.from_value, e.to_value, e.occurred_at
     from monitoring_event e
     join monitoring_portfolio_member m on m.portfolio_id = ? and m.uscc = e.uscc
     where (e.tx, e.id) > (?::bigint, ?::bigint)
       and e.tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
     order by e.tx, e.id
     limit ?`,
    [portfolioId, after.tx, after.id, limit],
  );
  return rows.map(toStored);
}

export function toStored(r: EventRow): StoredEvent {
  return {
    id: String(r.id),
    tx: String(r.tx),
    uscc: r.uscc,
    kind: r.kind,
    signalCode: r.signal_code,
    recordType: r.record_type,
    recordId: r.record_id,
    department: r.department,
    detail: r.detail,
    fromValue: r.from_value,
    toValue: r.to_value,
    occurredAt: r.occurred_at instanceof Date ? r.occurred_at : new Date(r.occurred_at),
  };
}

/**
 * Active signals of the current profiles of these enterprises, through the risk
 * module's loader (one statement; a dirty profile is recomputed first, so a
 * repair not yet folded into the stored profile already counts).
 */
export async function activeSignals(
  em: SqlEntityManager,
  modules: readonly HubModule[],
  usccs: readonly string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const unique = [...new Set(usccs)];
  if (unique.length === 0) return out;
  const profiles = await riskProfileLoader(em, modules, { dimensions: false, sources: false }).loadMany(
    unique,
  );
  profiles.forEach((p, i) => {
    if (p instanceof Error) throw p;
    if (!p) return;
    out.set(
      unique[i]!,
      new Set(p.signals.filter((s) => s.active).map((s) => signalKey(s.code, s.recordType, s.recordId))),
    );
  });
  return out;
}
