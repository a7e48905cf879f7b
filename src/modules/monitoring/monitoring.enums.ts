import { registerEnumType } from 'type-graphql';

/** What changed about a watched enterprise; one event per enterprise and kind (and signal). */
export enum RiskEventKind {
  SIGNAL_RAISED = 'SIGNAL_RAISED',
  SIGNAL_CLEARED = 'SIGNAL_CLEARED',
  GRADE_CHANGED = 'GRADE_CHANGED',
  SCORE_MOVED = 'SCORE_MOVED',
  STATUS_CHANGED = 'STATUS_CHANGED',
}

/** What happened to one code of a batch added to or removed from a portfolio. */
export enum PortfolioItemOutcome {
  ADDED = 'ADDED',
  ALREADY_PRESENT = 'ALREADY_PRESENT',
  REMOVED = 'REMOVED',
  NOT_PRESENT = 'NOT_PRESENT',
  /** Repeated in the same batch: counted once. */
  DUPLICATE = 'DUPLICATE',
  /** Fails the GB 32100 checks; `reason` says which. */
  INVALID_USCC = 'INVALID_USCC',
  /** The portfolio would hold more than its maximum. */
  PORTFOLIO_FULL = 'PORTFOLIO_FULL',
}

registerEnumType(RiskEventKind, {
  name: 'RiskEventKind',
  valuesConfig: {
    SIGNAL_RAISED: { description: 'A risk or positive signal became active (its record was published).' },
    SIGNAL_CLEARED: {
      description: 'A signal stopped counting: its record was repaired, withdrawn, paid or expired.',
    },
    GRADE_CHANGED: { description: 'The risk grade moved from one letter to another.' },
    SCORE_MOVED: { description: 'The score moved by at least the portfolio’s threshold.' },
    STATUS_CHANGED: { description: 'The registered status of the enterprise changed.' },
  },
});
registerEnumType(PortfolioItemOutcome, { name: 'PortfolioItemOutcome' });
