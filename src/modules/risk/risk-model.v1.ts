import { Department } from '../../common/department.js';
import { SignalSeverity } from '../../common/risk-signal.js';

/**
 * Risk model, version 2026.1. The README's model table is generated from this
 * file; a change here is a new version (and `npm run risk:recompute`).
 *
 * Each dimension starts from a base score; every ACTIVE signal adds or removes
 * points in the dimensions it is mapped to, scaled by its severity; dimensions
 * are clamped to 0–100; the overall score is the weighted mean of the
 * dimensions, then capped by the most serious signals; grades are score bands.
 */
export const MODEL_VERSION = 'risk-model-2026.1';

export const DIMENSIONS = [
  'TECHNOLOGICAL_INNOVATION',
  'OPERATING_EFFICIENCY',
  'GROWTH_POTENTIAL',
  'OVERALL_RISK',
  'SOCIAL_VALUE',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Starting score and weight in the overall score (weights sum to 1). */
export const DIMENSION_MODEL: Readonly<
  Record<Dimension, { base: number; weight: number; description: string }>
> = {
  TECHNOLOGICAL_INNOVATION: {
    base: 40,
    weight: 0.15,
    description: 'certifications, R&D intensity, invention patents',
  },
  OPERATING_EFFICIENCY: {
    base: 60,
    weight: 0.2,
    description: 'tax grade, market-regulation risk class, penalties',
  },
  GROWTH_POTENTIAL: {
    base: 50,
    weight: 0.1,
    description: 'R&D and certifications up, liquidation and revocation down',
  },
  OVERALL_RISK: { base: 100, weight: 0.4, description: 'judicial, operating and sector-compliance signals' },
  SOCIAL_VALUE: {
    base: 60,
    weight: 0.15,
    description: 'social-insurance contributions, fund use, tax compliance',
  },
};

export const SEVERITY_FACTOR: Readonly<Record<SignalSeverity, number>> = {
  LOW: 0.5,
  MEDIUM: 1,
  HIGH: 1.5,
  CRITICAL: 2,
};

/** Points per signal code and dimension, at severity MEDIUM (negative = worse). */
export const SIGNAL_POINTS: Readonly<Record<string, Partial<Record<Dimension, number>>>> = {
  DISHONEST_JUDGMENT_DEBTOR: { OVERALL_RISK: -30, SOCIAL_VALUE: -10 },
  SERIOUS_DISHONESTY_LIST: { OVERALL_RISK: -30, OPERATING_EFFICIENCY: -10 },
  BUSINESS_ANOMALY: { OVERALL_RISK: -10, OPERATING_EFFICIENCY: -10 },
  ADMIN_PENALTY: { OVERALL_RISK: -5, OPERATING_EFFICIENCY: -5 },
  TAX_GRADE_D: { OVERALL_RISK: -12, OPERATING_EFFICIENCY: -20, SOCIAL_VALUE: -10 },
  TAX_GRADE_C: { OVERALL_RISK: -8, OPERATING_EFFICIENCY: -10 },
  TAX_ARREARS: { OVERALL_RISK: -10, SOCIAL_VALUE: -10 },
  MARKET_RISK_CLASS_D: { OVERALL_RISK: -10, OPERATING_EFFICIENCY: -10 },
  MARKET_RISK_CLASS_C: { OVERALL_RISK: -5, OPERATING_EFFICIENCY: -5 },
  ENTERPRISE_REVOKED: { OVERALL_RISK: -25, GROWTH_POTENTIAL: -25 },
  ENTERPRISE_LIQUIDATING: { OVERALL_RISK: -20, GROWTH_POTENTIAL: -25 },
  ENTERPRISE_CANCELLED: { OVERALL_RISK: -25, GROWTH_POTENTIAL: -25 },
  SOCIAL_INSURANCE_ARREARS: { OVERALL_RISK: -8, SOCIAL_VALUE: -20 },
  MEDICAL_FUND_VIOLATION: { OVERALL_RISK: -8, SOCIAL_VALUE: -15 },
  MEDICAL_INSTITUTION_GRADE_E: { OVERALL_RISK: -12, SOCIAL_VALUE: -15 },
  MEDICAL_INSTITUTION_GRADE_D: { OVERALL_RISK: -6, SOCIAL_VALUE: -8 },
  MEDICAL_DESIGNATION_SUSPENDED: { OVERALL_RISK: -8, OPERATING_EFFICIENCY: -8 },
  TRANSPORT_GRADE_C_OR_D: { OVERALL_RISK: -8, OPERATING_EFFICIENCY: -8 },
  TRANSPORT_ENFORCEMENT: { OVERALL_RISK: -3 },
  TRANSPORT_LICENCE_REVOKED: { OVERALL_RISK: -10, GROWTH_POTENTIAL: -10 },
  TAX_GRADE_A: { OPERATING_EFFICIENCY: 20, SOCIAL_VALUE: 10 },
  TRANSPORT_GRADE_AA: { OPERATING_EFFICIENCY: 10 },
  HIGH_TECH_CERTIFIED: { TECHNOLOGICAL_INNOVATION: 20, GROWTH_POTENTIAL: 10 },
  TECH_SME_CERTIFIED: { TECHNOLOGICAL_INNOVATION: 15, GROWTH_POTENTIAL: 5 },
  SPECIALISED_NEW_CERTIFIED: { TECHNOLOGICAL_INNOVATION: 15, GROWTH_POTENTIAL: 10 },
  RD_INTENSITY_HIGH: { TECHNOLOGICAL_INNOVATION: 15, GROWTH_POTENTIAL: 15 },
  INVENTION_PATENTS: { TECHNOLOGICAL_INNOVATION: 10, GROWTH_POTENTIAL: 5 },
};

/** Signals that cap the overall score whatever else the enterprise has going for it. */
export const SCORE_CAPS: Readonly<Record<string, number>> = {
  DISHONEST_JUDGMENT_DEBTOR: 39,
  SERIOUS_DISHONESTY_LIST: 39,
  ENTERPRISE_REVOKED: 39,
  ENTERPRISE_CANCELLED: 39,
  TAX_GRADE_D: 54,
};

/** Grade bands on the overall score, best first: a score at a band's floor gets that grade. */
export const GRADE_BANDS = [
  { grade: 'A', min: 85 },
  { grade: 'B', min: 70 },
  { grade: 'C', min: 55 },
  { grade: 'D', min: 40 },
  { grade: 'E', min: 0 },
] as const;
export type RiskGradeLetter = (typeof GRADE_BANDS)[number]['grade'];

/**
 * How old a department's newest record may be before its data counts as stale,
 * from its fastest regular update cycle (risk class and social insurance monthly,
 * tax grades and transport ratings yearly). Courts publish by event: never stale.
 */
export const STALE_AFTER_DAYS: Readonly<Record<Department, number | null>> = {
  MARKET_REGULATION: 45,
  TAX: 400,
  COURT: null,
  MEDICAL_INSURANCE: 45,
  TRANSPORT: 400,
  SCIENCE_TECHNOLOGY: 400,
};
