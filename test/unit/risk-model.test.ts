import { describe, expect, it } from '@jest/globals';
import { Department } from '../../src/common/department.js';
import { SignalCategory, SignalSeverity, type RiskSignal } from '../../src/common/risk-signal.js';
import { computeProfile, gradeFor, sourceStatus } from '../../src/modules/risk/risk-model.js';
import { DIMENSION_MODEL, GRADE_BANDS, SIGNAL_POINTS } from '../../src/modules/risk/risk-model.v1.js';

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
  it('has dimension weights that sum to 1 and points for every known code', () => {
    expect(Object.values(DIMENSION_MODEL).reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 10);
    expect(Object.keys(SIGNAL_POINTS).length).toBeGreaterThan(20);
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
    const p = computeProfile([], [], '2026-11-01');
    const expected = Object.values(DIMENSION_MODEL).reduce((s, d) => s + d.base * d.weight, 0);
    expect(p.score).toBeCloseTo(expected, 1);
    expect(p.cappedBy).toBeNull();
  });

  it('does not count inactive (repaired, removed, expired) signals', () => {
    const clean = computeProfile([], [], '2026-11-01');
    const repaired = computeProfile(
      [
        signal('ADMIN_PENALTY', { active: false }),
        signal('DISHONEST_JUDGMENT_DEBTOR', { active: false, category: SignalCategory.JUDICIAL }),
      ],
      [],
      '2026-11-01',
    );
    expect(repaired.score).toBe(clean.score);
    expect(repaired.grade).toBe(clean.grade);
    expect(repaired.dimensions.flatMap((d) => d.contributions)).toEqual([]);
  });

  it('scales points by severity and caps the score for a dishonest debtor', () => {
    const medium = computeProfile([signal('ADMIN_PENALTY')], [], '2026-11-01');
    const high = computeProfile(
      [signal('ADMIN_PENALTY', { severity: SignalSeverity.HIGH })],
      [],
      '2026-11-01',
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
    );
    expect(s).toEqual([
      { department: 'COURT', asOf: '2015-01-01T00:00:00.000Z', staleAfterDays: null, stale: false },
      { department: 'MARKET_REGULATION', asOf: '2026-10-20T00:00:00.000Z', staleAfterDays: 45, stale: false },
      { department: 'TAX', asOf: '2025-01-01T00:00:00.000Z', staleAfterDays: 400, stale: true },
      { department: 'TRANSPORT', asOf: null, staleAfterDays: 400, stale: false },
    ]);
  });
});
