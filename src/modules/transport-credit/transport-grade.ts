import { TransportCreditGrade } from './transport-credit.enums.js';

/** Penalty points in one evaluation year at which the grade is capped at C. */
export const GRADE_CAP_POINTS = 20;

/**
 * The yearly grade from the evaluation score (0–100) and the year's penalty points.
 * Each band includes its lower edge: 90 is AA, 80 is A, 60 is B, 40 is C, 39.9 is D.
 * 20 or more penalty points cap the grade at C; they never lift a D, since a score
 * under 40 is D with or without points.
 */
export function transportGrade(score: number, penaltyPoints: number): TransportCreditGrade {
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    throw new RangeError(`transport credit score must be within 0..100, got ${score}`);
  }
  if (!Number.isFinite(penaltyPoints) || penaltyPoints < 0) {
    throw new RangeError(`penalty points must be 0 or more, got ${penaltyPoints}`);
  }
  if (score < 40) return TransportCreditGrade.D;
  if (penaltyPoints >= GRADE_CAP_POINTS || score < 60) return TransportCreditGrade.C;
  if (score < 80) return TransportCreditGrade.B;
  if (score < 90) return TransportCreditGrade.A;
  return TransportCreditGrade.AA;
}
