import { describe, expect, it } from '@jest/globals';
import { Department } from '../../src/common/department.js';
import { SignalCategory, SignalSeverity, type RiskSignal } from '../../src/common/risk-signal.js';
import {
  TransportCreditGrade,
  TransportLicenceStatus,
} from '../../src/modules/transport-credit/transport-credit.enums.js';
import {
  transportCreditSignals,
  type TransportEnforcementSignalRow,
  type TransportRatingSignalRow,
  type TransportSignalInput,
} from '../../src/modules/transport-credit/transport-credit.signals.js';

const TODAY = '2026-11-01';
const EMPTY: TransportSignalInput = { licences: [], ratings: [], enforcements: [] };
const signals = (input: Partial<TransportSignalInput>): RiskSignal[] =>
  transportCreditSignals({ ...EMPTY, ...input }, TODAY);
const only = (input: Partial<TransportSignalInput>): RiskSignal => {
  const result = signals(input);
  expect(result).toHaveLength(1);
  return result[0]!;
};

const rating = (
  id: string,
  year: number,
  grade: TransportCreditGrade,
  score = 50,
): TransportRatingSignalRow => ({
  id,
  year,
  grade,
  score,
  asOf: new Date(`${year + 1}-03-31T00:00:00Z`),
});
const enforcement = (over: Partial<TransportEnforcementSignalRow> = {}): TransportEnforcementSignalRow => ({
  id: '61',
  decisionDate: '2026-04-10',
  penaltyPoints: 3,
  authority: '交通运输综合行政执法支队',
  repairedDate: null,
  ...over,
});

describe('transportCreditSignals: ratings', () => {
  it.each([
    [TransportCreditGrade.D, SignalSeverity.HIGH],
    [TransportCreditGrade.C, SignalSeverity.MEDIUM],
  ])('a latest grade %s gives TRANSPORT_GRADE_C_OR_D %s', (grade, severity) => {
    expect(
      only({ ratings: [rating('1', 2024, TransportCreditGrade.AA, 95), rating('2', 2025, grade, 45.5)] }),
    ).toEqual({
      code: 'TRANSPORT_GRADE_C_OR_D',
      category: SignalCategory.SECTOR_COMPLIANCE,
      severity,
      department: Department.TRANSPORT,
      recordType: 'TransportCreditRating',
      recordId: '2',
      occurredOn: '2026-03-31',
      active: true,
      detail: `transport credit grade ${grade} for 2025 (score 45.5)`,
    });
  });

  it('a latest grade AA is a positive MEDIUM signal', () => {
    const s = only({ ratings: [rating('2', 2025, TransportCreditGrade.AA, 93)] });
    expect([s.code, s.category, s.severity, s.active]).toEqual([
      'TRANSPORT_GRADE_AA',
      SignalCategory.POSITIVE,
      SignalSeverity.MEDIUM,
      true,
    ]);
  });

  it('only the latest year counts, whatever the row order', () => {
    expect(
      signals({
        ratings: [rating('3', 2025, TransportCreditGrade.B), rating('1', 2023, TransportCreditGrade.D)],
      }),
    ).toEqual([]);
    const s = only({
      ratings: [rating('3', 2025, TransportCreditGrade.D), rating('4', 2024, TransportCreditGrade.AA)],
    });
    expect([s.code, s.recordId]).toEqual(['TRANSPORT_GRADE_C_OR_D', '3']);
  });
});

describe('transportCreditSignals: enforcements', () => {
  it('an unrepaired decision is an active signal, LOW under 6 points and MEDIUM from 6', () => {
    expect(only({ enforcements: [enforcement({ penaltyPoints: 5 })] })).toEqual({
      code: 'TRANSPORT_ENFORCEMENT',
      category: SignalCategory.SECTOR_COMPLIANCE,
      severity: SignalSeverity.LOW,
      department: Department.TRANSPORT,
      recordType: 'TransportEnforcement',
      recordId: '61',
      occurredOn: '2026-04-10',
      active: true,
      detail: 'decided 2026-04-10 by 交通运输综合行政执法支队, 5 penalty points',
    });
    expect(only({ enforcements: [enforcement({ penaltyPoints: 6 })] }).severity).toBe(SignalSeverity.MEDIUM);
  });

  it('a repaired decision is inactive', () => {
    const s = only({ enforcements: [enforcement({ repairedDate: '2026-06-01' })] });
    expect(s.active).toBe(false);
    expect(s.detail).toContain('repaired 2026-06-01');
  });
});

describe('transportCreditSignals: licences', () => {
  it('a revoked licence gives TRANSPORT_LICENCE_REVOKED; other statuses give none', () => {
    const licence = (id: string, status: TransportLicenceStatus) => ({
      id,
      status,
      validFrom: '2022-01-01',
      asOf: new Date('2026-02-01T00:00:00Z'),
    });
    expect(
      signals({
        licences: [
          licence('1', TransportLicenceStatus.VALID),
          licence('2', TransportLicenceStatus.EXPIRED),
          licence('3', TransportLicenceStatus.REVOKED),
        ],
      }),
    ).toEqual([
      {
        code: 'TRANSPORT_LICENCE_REVOKED',
        category: SignalCategory.SECTOR_COMPLIANCE,
        severity: SignalSeverity.HIGH,
        department: Department.TRANSPORT,
        recordType: 'TransportLicence',
        recordId: '3',
        occurredOn: '2026-02-01',
        active: true,
        detail: 'operating licence valid from 2022-01-01 reported revoked as of 2026-02-01',
      },
    ]);
  });
});

describe('transportCreditSignals: a clean enterprise', () => {
  it('has no signals', () => {
    expect(signals({})).toEqual([]);
    expect(signals({ ratings: [rating('1', 2025, TransportCreditGrade.A, 85)] })).toEqual([]);
  });
});
