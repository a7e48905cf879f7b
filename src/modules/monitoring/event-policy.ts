import type { AccessControl, CatalogFieldEntry, Decision } from '../../auth/index.js';
import { RiskEventKind } from './monitoring.enums.js';

/** An outbox row as the feed reads it. */
export interface StoredEvent {
  readonly id: string;
  readonly tx: string;
  readonly uscc: string;
  readonly kind: RiskEventKind;
  readonly signalCode: string | null;
  readonly recordType: string | null;
  readonly recordId: string | null;
  readonly department: string | null;
  readonly detail: string | null;
  readonly fromValue: string | null;
  readonly toValue: string | null;
  readonly occurredAt: Date;
}

/** A governed value an event reveals, to be logged as a derived use when delivered. */
export interface RevealedUse {
  readonly field: string;
  readonly entry: CatalogFieldEntry;
  readonly agreementId: string | null;
}

export type EventVerdict =
  | { readonly deliver: false }
  | { readonly deliver: true; readonly detail: string | null; readonly uses: readonly RevealedUse[] };

/** Key of a signal as the profile holds it: the same code from the same record. */
export const signalKey = (code: string, recordType: string, recordId: string): string =>
  `${code}\u0000${recordType}\u0000${recordId}`;

/**
 * What the watcher may be told about an event, now, under the portfolio's
 * purpose. An event reveals what it is about, so it is decided as a read of
 * that (the catalog decides, as for every other path):
 *
 * - a signal event reveals the profile's signals (RiskProfile.signals) and the
 *   record behind the signal (its type's `provenance`, as derived texts are
 *   decided in src/auth/derived-policy.ts): both must be readable;
 * - a raised signal whose record no longer counts (repaired, withdrawn,
 *   expired) is no longer delivered: a repaired record stops being shared;
 * - a cleared signal carries no text of its record, only that it cleared;
 * - grade and score events reveal RiskProfile.grade / RiskProfile.score;
 * - a status event reveals Enterprise.status.
 *
 * Nothing is delivered on a denial, and a denied event leaves no trace in the
 * response (the cursor moves past it like past any other event).
 */
export function decideEvent(
  access: AccessControl,
  event: StoredEvent,
  activeSignals: ReadonlySet<string> | undefined,
  scoreThreshold: number,
): EventVerdict {
  const uses: RevealedUse[] = [];
  const need = (typeName: string, fieldName: string, label: string): boolean => {
    const decision: Decision | undefined = access.decideNow(typeName, fieldName);
    if (!decision?.allow) return false;
    uses.push({ field: label, entry: decision.entry, agreementId: decision.agreementId ?? null });
    return true;
  };
  switch (event.kind) {
    case RiskEventKind.SIGNAL_RAISED:
    case RiskEventKind.SIGNAL_CLEARED: {
      const { signalCode: code, recordType, recordId } = event;
      if (!code || !recordType || !recordId) return { deliver: false };
      const label = `RiskEvent.${event.kind}:${code}`;
      if (!need('RiskProfile', 'signals', label) || !need(recordType, 'provenance', label))
        return { deliver: false };
      if (event.kind === RiskEventKind.SIGNAL_CLEARED)
        return { deliver: true, detail: clearedDetail(code), uses };
      if (!activeSignals?.has(signalKey(code, recordType, recordId))) return { deliver: false };
      return { deliver: true, detail: event.detail, uses };
    }
    case RiskEventKind.GRADE_CHANGED:
      return need('RiskProfile', 'grade', 'RiskEvent.GRADE_CHANGED')
        ? { deliver: true, detail: null, uses }
        : { deliver: false };
    case RiskEventKind.SCORE_MOVED: {
      const moved = Math.abs(Number(event.toValue) - Number(event.fromValue));
      if (!(moved >= scoreThreshold)) return { deliver: false };
      return need('RiskProfile', 'score', 'RiskEvent.SCORE_MOVED')
        ? { deliver: true, detail: null, uses }
        : { deliver: false };
    }
    case RiskEventKind.STATUS_CHANGED:
      return need('Enterprise', 'status', 'RiskEvent.STATUS_CHANGED')
        ? { deliver: true, detail: null, uses }
        : { deliver: false };
  }
}

/** The text of a cleared signal: the code only, never a value of the record that no longer counts. */
export const clearedDetail = (code: string): string =>
  `${code.toLowerCase().replace(/_/g, ' ')} no longer counts in the risk profile`;
