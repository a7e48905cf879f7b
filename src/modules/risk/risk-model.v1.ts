import { RISK_DIMENSIONS, type RiskDimensionName, type SignalSeverity } from '../../common/risk-signal.js';

/**
 * Risk model, version 2026.1. The README's model table is generated from this
 * file; a change here is a new version (and `npm run risk:recompute`).
 *
 * Each dimension starts from a base score; every ACTIVE signal adds or removes
 * the points its module declares (SignalSource.codes) in the dimensions they
 * name, scaled by its severity; dimensions
 * are clamped to 0–100; the overall score is the weighted mean of the
 * dimensions, then capped by the most serious signals; grades are score bands.
 */
export const MODEL_VERSION = 'risk-model-2026.1';

export const DIMENSIONS = RISK_DIMENSIONS;
export type Dimension = RiskDimensionName;

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

/** Grade bands on the overall score, best first: a score at a band's floor gets that grade. */
export const GRADE_BANDS = [
  { grade: 'A', min: 85 },
  { grade: 'B', min: 70 },
  { grade: 'C', min: 55 },
  { grade: 'D', min: 40 },
  { grade: 'E', min: 0 },
] as const;
export type RiskGradeLetter = (typeof GRADE_BANDS)[number]['grade'];
