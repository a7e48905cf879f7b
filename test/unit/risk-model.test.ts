import { describe, expect, it } from '@jest/globals';
import { Department } from '../../src/common/department.js';
import { SignalCategory, SignalSeverity, type RiskSignal } from '../../src/common/risk-signal.js';
import { computeProfile, gradeFor, sourceStatus } from '../../src/modules/risk/risk-model.js';
import {
  DIMENSION_MODEL,
  DIMENSIONS,
  GRADE_BANDS,
  MODEL_VERSION,
} from '../../src/modules/risk/risk-model.v1.js';
import { riskDeclarations } from '../../src/modules/risk/risk.declarations.js';
import { MODULES } from '../../src/modules/index.js';

/** What the built-in modules declare: the points, caps and staleness the model runs on. */
const DECLARED = riskDeclarations(MODULES);
const SIGNAL_POINTS = Object.fromEntries([...DECLARED.codes].map(([code, d]) => [code, d.points]));
const SCORE_CAPS = Object.fromEntries(
  [...DECLARED.codes].flatMap(([code, d]) => (d.cap === undefined ? [] : [[code, d.cap]])),
);

/**
 * Model 2026.1 as published (the README's model table). Written out here, not read from the
 * model, so that changing a weight or a cap without a new MODEL_VERSION fails this file.
 */
const PUBLISHED = {
  version: 'risk-model-2026.1',
  points: {
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
  } as Record<string, Partial<Record<(typeof DIMENSIONS)[number], number>>>,
  caps: {
    DISHONEST_JUDGMENT_DEBTOR: 39,
    SERIOUS_DISHONESTY_LIST: 39,
    ENTERPRISE_REVOKED: 39,
    ENTERPRISE_CANCELLED: 39,
    TAX_GRADE_D: 54,
  } as Record<string, number>,
};

const signal = (code: string, over: Partial<RiskSignal> = {}): RiskSignal => ({
  code,
  category: SignalCategory.OPERATING,
  severity: SignalSeverity.MEDIUM,
  department: Department.MARKET_REGULATION,
  recordType: 'AdministrativePenalty',
  recordId: String(Math.random()),
  occurredOn: '2026-01-01',
  active: true,
  detail: '',
  ...over,
});

describe('risk model', () => {
  it('has dimension weights that sum to 1', () => {
    expect(Object.values(DIMENSION_MODEL).reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 10);
  });

  it('refuses to assemble a hub in which two modules declare one signal code or one department', () => {
    const credit = MODULES.find((m) => m.name === 'credit')!;
    expect(() => riskDeclarations([...MODULES, { ...credit, name: 'credit-copy', departments: [] }])).toThrow(
      'signal code DISHONEST_JUDGMENT_DEBTOR is declared by two modules',
    );
    expect(() =>
      riskDeclarations([...MODULES, { ...credit, name: 'credit-copy', signals: undefined }]),
    ).toThrow('department TAX is declared by two modules');
  });

  it('declares the published points and caps of its version', () => {
    expect({ version: MODEL_VERSION, points: SIGNAL_POINTS, caps: SCORE_CAPS }).toEqual(PUBLISHED);
  });

  it('moves each dimension by exactly the published points of a lone signal', () => {
    for (const [code, points] of Object.entries(PUBLISHED.points)) {
      const scores = Object.fromEntries(
        computeProfile([signal(code)], [], '2026-11-01', DECLARED).dimensions.map((d) => [
          d.dimension,
          d.score,
        ]),
      );
      const expected = Object.fromEntries(
        DIMENSIONS.map((d) => [d, Math.min(100, Math.max(0, DIMENSION_MODEL[d].base + (points[d] ?? 0)))]),
      );
      expect({ code, scores }).toEqual({ code, scores: expected });
    }
  });

  it('caps the overall score at exactly the published cap of a capping signal', () => {
    for (const [code, cap] of Object.entries(PUBLISHED.caps)) {
      const p = computeProfile([signal(code)], [], '2026-11-01', DECLARED);
      const weighted = p.dimensions.reduce((s, d) => s + d.score * d.weight, 0);
      expect(weighted).toBeGreaterThan(cap); // so the cap, not the points, decides the score
      expect({ code, score: p.score, cappedBy: p.cappedBy }).toEqual({ code, score: cap, cappedBy: code });
    }
  });

  it('puts a score at a band floor into that band, and just below it into the next', () => {
    for (const band of GRADE_BANDS.slice(0, -1)) {
      expect(gradeFor(band.min)).toBe(band.grade);
      expect(gradeFor(band.min - 0.1)).not.toBe(band.grade);
    }
    expect(gradeFor(85)).toBe('A');
    expect(gradeFor(84.9)).toBe('B');
    expect(gradeFor(40)).toBe('D');
    expect(gradeFor(39.9)).toBe('E');
    expect(gradeFor(0)).toBe('E');
  });

  it('gives an enterprise without signals the weighted base score', () => {
    const p = computeProfile([], [], '2026-11-01', DECLARED);
    const expected = Object.values(DIMENSION_MODEL).reduce((s, d) => s + d.base * d.weight, 0);
    expect(p.score).toBeCloseTo(expected, 1);
    expect(p.cappedBy).toBeNull();
  });

  it('does not count inactive (repaired, removed, expired) signals', () => {
    const clean = computeProfile([], [], '2026-11-01', DECLARED);
    const repaired = computeProfile(
      [
        signal('ADMIN_PENALTY', { active: false }),
        signal('DISHONEST_JUDGMENT_DEBTOR', { active: false, category: SignalCategory.JUDICIAL }),
      ],
      [],
      '2026-11-01',
      DECLARED,
    );
    expect(repaired.score).toBe(clean.score);
    expect(repaired.grade).toBe(clean.grade);
    expect(repaired.dimensions.flatMap((d) => d.contributions)).toEqual([]);
  });

  it('scales points by severity and caps the score for a dishonest debtor', () => {
    const medium = computeProfile([signal('ADMIN_PENALTY')], [], '2026-11-01', DECLARED);
    const high = computeProfile(
      [signal('ADMIN_PENALTY', { severity: SignalSeverity.HIGH })],
      [],
      '2026-11-01',
      DECLARED,
    );
    const overall = (p: typeof medium) => p.dimensions.find((d) => d.dimension === 'OVERALL_RISK')!;
    expect(overall(medium).contributions[0]!.points).toBe(-5);
    expect(overall(high).contributions[0]!.points).toBe(-7.5);
    const strong = [
      signal('HIGH_TECH_CERTIFIED'),
      signal('TAX_GRADE_A'),
      signal('RD_INTENSITY_HIGH'),
      signal('INVENTION_PATENTS'),
    ];
    const debtor = computeProfile(
      [...strong, signal('DISHONEST_JUDGMENT_DEBTOR', { severity: SignalSeverity.CRITICAL })],
      [],
      '2026-11-01',
      DECLARED,
    );
    expect(debtor.score).toBe(39);
    expect(debtor.grade).toBe('E');
    expect(debtor.cappedBy).toBe('DISHONEST_JUDGMENT_DEBTOR');
  });

  it('marks a source stale past its update cycle, never an event-driven one, and merges duplicates', () => {
    const s = sourceStatus(
      [
        { department: Department.MARKET_REGULATION, asOf: new Date('2026-05-01T00:00:00Z') },
        { department: Department.MARKET_REGULATION, asOf: new Date('2026-10-20T00:00:00Z') },
        { department: Department.TAX, asOf: new Date('2025-01-01T00:00:00Z') },
        { department: Department.COURT, asOf: new Date('2015-01-01T00:00:00Z') },
        { department: Department.TRANSPORT, asOf: null },
      ],
      '2026-11-01',
      DECLARED.staleAfterDays,
    );
    expect(s).toEqual([
      { department: 'COURT', asOf: '2015-01-01T00:00:00.000Z', staleAfterDays: null, stale: false },
      { department: 'MARKET_REGULATION', asOf: '2026-10-20T00:00:00.000Z', staleAfterDays: 45, stale: false },
      { department: 'TAX', asOf: '2025-01-01T00:00:00.000Z', staleAfterDays: 400, stale: true },
      { department: 'TRANSPORT', asOf: null, staleAfterDays: 400, stale: false },
    ]);
  });
});
