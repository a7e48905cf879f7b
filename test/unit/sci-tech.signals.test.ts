import { describe, expect, it } from '@jest/globals';
import { Department } from '../../src/common/department.js';
import { SignalCategory, SignalSeverity, type RiskSignal } from '../../src/common/risk-signal.js';
import { TechCertificationStatus, TechCertificationType } from '../../src/modules/sci-tech/sci-tech.enums.js';
import {
  sciTechSignals,
  type CertificationSignalRow,
  type SciTechSignalInput,
} from '../../src/modules/sci-tech/sci-tech.signals.js';

const EMPTY: SciTechSignalInput = { certifications: [], rdSpending: [], patentCounts: [] };
const signals = (input: Partial<SciTechSignalInput>, today = '2026-11-01'): RiskSignal[] =>
  sciTechSignals({ ...EMPTY, ...input }, today);
const only = (input: Partial<SciTechSignalInput>, today?: string): RiskSignal => {
  const result = signals(input, today);
  expect(result).toHaveLength(1);
  return result[0]!;
};

const cert = (over: Partial<CertificationSignalRow> = {}): CertificationSignalRow => ({
  id: '101',
  certificationType: TechCertificationType.HIGH_TECH_ENTERPRISE,
  validFrom: '2024-12-04',
  validTo: '2027-12-03',
  status: TechCertificationStatus.VALID,
  ...over,
});

describe('sciTechSignals: certifications', () => {
  it.each([
    [TechCertificationType.HIGH_TECH_ENTERPRISE, 'HIGH_TECH_CERTIFIED', SignalSeverity.HIGH],
    [TechCertificationType.TECH_SME, 'TECH_SME_CERTIFIED', SignalSeverity.MEDIUM],
    [TechCertificationType.SPECIALISED_NEW, 'SPECIALISED_NEW_CERTIFIED', SignalSeverity.MEDIUM],
  ])('a valid %s certificate gives an active positive %s', (certificationType, code, severity) => {
    expect(only({ certifications: [cert({ certificationType })] })).toEqual({
      code,
      category: SignalCategory.POSITIVE,
      severity,
      department: Department.SCIENCE_TECHNOLOGY,
      recordType: 'TechCertification',
      recordId: '101',
      occurredOn: '2024-12-04',
      active: true,
      detail: `${certificationType} valid 2024-12-04 to 2027-12-03, reported VALID`,
    });
  });

  it('is active on its first and last day, not the day before or after', () => {
    const c = { certifications: [cert()] };
    expect(only(c, '2024-12-03').active).toBe(false);
    expect(only(c, '2024-12-04').active).toBe(true);
    expect(only(c, '2027-12-03').active).toBe(true);
    expect(only(c, '2027-12-04').active).toBe(false);
  });

  it.each([TechCertificationStatus.EXPIRED, TechCertificationStatus.REVOKED])(
    'a %s certificate is inactive even inside its dates',
    (status) => {
      expect(only({ certifications: [cert({ status })] }).active).toBe(false);
    },
  );

  it('OTHER recognitions give no signal', () => {
    expect(signals({ certifications: [cert({ certificationType: TechCertificationType.OTHER })] })).toEqual(
      [],
    );
  });
});

describe('sciTechSignals: R&D intensity', () => {
  const rd = (id: string, year: number, rdExpenditure: number, operatingRevenue: number) => ({
    id,
    year,
    rdExpenditure,
    operatingRevenue,
  });

  it('exactly 5 % in the latest year is RD_INTENSITY_HIGH; just under is not', () => {
    expect(only({ rdSpending: [rd('7', 2025, 1_150_000.15, 23_000_003)] })).toEqual({
      code: 'RD_INTENSITY_HIGH',
      category: SignalCategory.POSITIVE,
      severity: SignalSeverity.MEDIUM,
      department: Department.SCIENCE_TECHNOLOGY,
      recordType: 'RdSpending',
      recordId: '7',
      occurredOn: '2025-12-31',
      active: true,
      detail: 'R&D expenditure 5.0 % of operating revenue in 2025',
    });
    expect(signals({ rdSpending: [rd('7', 2025, 1_150_000.14, 23_000_003)] })).toEqual([]);
  });

  it('only the latest year counts', () => {
    expect(signals({ rdSpending: [rd('2', 2025, 10, 1000), rd('1', 2024, 900, 1000)] })).toEqual([]);
  });

  it('no revenue gives no intensity', () => {
    expect(signals({ rdSpending: [rd('1', 2025, 500, 0)] })).toEqual([]);
  });
});

describe('sciTechSignals: invention patents', () => {
  const patents = (id: string, year: number, inventionPatentsGranted: number) => ({
    id,
    year,
    inventionPatentsGranted,
  });

  it('the latest year with 1 to 4 patents is LOW, from 5 MEDIUM', () => {
    expect(only({ patentCounts: [patents('1', 2024, 20), patents('2', 2025, 4)] })).toEqual({
      code: 'INVENTION_PATENTS',
      category: SignalCategory.POSITIVE,
      severity: SignalSeverity.LOW,
      department: Department.SCIENCE_TECHNOLOGY,
      recordType: 'PatentCount',
      recordId: '2',
      occurredOn: '2025-12-31',
      active: true,
      detail: '4 invention patents held at the end of 2025',
    });
    expect(only({ patentCounts: [patents('2', 2025, 5)] }).severity).toBe(SignalSeverity.MEDIUM);
  });

  it('no invention patents in the latest year gives no signal', () => {
    expect(signals({ patentCounts: [patents('1', 2024, 3), patents('2', 2025, 0)] })).toEqual([]);
  });
});

describe('sciTechSignals: an enterprise with nothing to show', () => {
  it('has no signals', () => {
    expect(signals({})).toEqual([]);
  });
});
