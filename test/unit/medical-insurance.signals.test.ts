import { describe, expect, it } from '@jest/globals';
import { Department } from '../../src/common/department.js';
import { SignalCategory, SignalSeverity, type RiskSignal } from '../../src/common/risk-signal.js';
import {
  MedicalCreditGrade,
  MedicalDesignationStatus,
  MedicalFundDetectionMethod,
  MedicalFundViolationType,
} from '../../src/modules/medical-insurance/medical-insurance.enums.js';
import {
  medicalInsuranceSignals,
  type FundViolationSignalRow,
  type InstitutionGradeSignalRow,
  type MedicalInsuranceSignalInput,
} from '../../src/modules/medical-insurance/medical-insurance.signals.js';

const TODAY = '2026-11-01';
const EMPTY: MedicalInsuranceSignalInput = {
  socialInsuranceAccounts: [],
  designatedInstitutions: [],
  institutionGrades: [],
  fundViolations: [],
};
const signals = (input: Partial<MedicalInsuranceSignalInput>): RiskSignal[] =>
  medicalInsuranceSignals({ ...EMPTY, ...input }, TODAY);
const only = (input: Partial<MedicalInsuranceSignalInput>): RiskSignal => {
  const result = signals(input);
  expect(result).toHaveLength(1);
  return result[0]!;
};

const account = (id: string, period: string, arrears: number) => ({ id, period, arrears });
const violation = (over: Partial<FundViolationSignalRow> = {}): FundViolationSignalRow => ({
  id: '71',
  institutionCode: 'H35021300007',
  foundDate: '2026-05-12',
  violationType: MedicalFundViolationType.UPCODING,
  detectedBy: MedicalFundDetectionMethod.DRG_AUDIT,
  amountInvolved: 50_000,
  repairedDate: null,
  ...over,
});
const grade = (id: string, code: string, year: number, g: MedicalCreditGrade): InstitutionGradeSignalRow => ({
  id,
  institutionCode: code,
  year,
  grade: g,
  asOf: new Date(`${year + 1}-03-31T00:00:00Z`),
});

describe('medicalInsuranceSignals: social insurance arrears', () => {
  it('arrears in the two latest months are an active HIGH signal on the latest month', () => {
    expect(
      only({
        socialInsuranceAccounts: [
          account('1', '2026-08', 0),
          account('3', '2026-10', 1200.5),
          account('2', '2026-09', 800),
        ],
      }),
    ).toEqual({
      code: 'SOCIAL_INSURANCE_ARREARS',
      category: SignalCategory.SECTOR_COMPLIANCE,
      severity: SignalSeverity.HIGH,
      department: Department.MEDICAL_INSURANCE,
      recordType: 'SocialInsuranceAccount',
      recordId: '3',
      occurredOn: '2026-10-01',
      active: true,
      detail: '1200.50 yuan unpaid for 2026-10, also the month before',
    });
  });

  it('arrears in the latest month only are MEDIUM', () => {
    const s = only({ socialInsuranceAccounts: [account('2', '2026-09', 0), account('3', '2026-10', 10)] });
    expect([s.severity, s.active, s.recordId]).toEqual([SignalSeverity.MEDIUM, true, '3']);
  });

  it('arrears in a single reported month are MEDIUM', () => {
    expect(only({ socialInsuranceAccounts: [account('3', '2026-10', 10)] }).severity).toBe(
      SignalSeverity.MEDIUM,
    );
  });

  it('older arrears followed by a paid month are kept as an inactive MEDIUM signal', () => {
    const s = only({
      socialInsuranceAccounts: [
        account('1', '2026-08', 300),
        account('2', '2026-09', 200),
        account('3', '2026-10', 0),
      ],
    });
    expect([s.recordId, s.active, s.severity, s.occurredOn]).toEqual([
      '2',
      false,
      SignalSeverity.MEDIUM,
      '2026-09-01',
    ]);
  });

  it('no arrears in any month gives no signal', () => {
    expect(
      signals({ socialInsuranceAccounts: [account('1', '2026-09', 0), account('2', '2026-10', 0)] }),
    ).toEqual([]);
  });
});

describe('medicalInsuranceSignals: fund violations', () => {
  it('an unrepaired violation of 100,000 yuan is an active HIGH signal', () => {
    expect(only({ fundViolations: [violation({ amountInvolved: 100_000 })] })).toEqual({
      code: 'MEDICAL_FUND_VIOLATION',
      category: SignalCategory.SECTOR_COMPLIANCE,
      severity: SignalSeverity.HIGH,
      department: Department.MEDICAL_INSURANCE,
      recordType: 'MedicalFundViolation',
      recordId: '71',
      occurredOn: '2026-05-12',
      active: true,
      detail: 'UPCODING at H35021300007 found 2026-05-12 by DRG_AUDIT, 100000.00 yuan involved',
    });
  });

  it('99,999.99 yuan involved is MEDIUM', () => {
    expect(only({ fundViolations: [violation({ amountInvolved: 99_999.99 })] }).severity).toBe(
      SignalSeverity.MEDIUM,
    );
  });

  it('a repaired violation is inactive', () => {
    const s = only({ fundViolations: [violation({ repairedDate: '2026-09-01' })] });
    expect(s.active).toBe(false);
    expect(s.detail).toContain('repaired 2026-09-01');
  });
});

describe('medicalInsuranceSignals: institution grades and designation', () => {
  it.each([
    [MedicalCreditGrade.E, 'MEDICAL_INSTITUTION_GRADE_E', SignalSeverity.CRITICAL],
    [MedicalCreditGrade.D, 'MEDICAL_INSTITUTION_GRADE_D', SignalSeverity.HIGH],
  ])('a latest grade %s gives %s', (g, code, severity) => {
    expect(
      only({
        institutionGrades: [grade('80', 'H1', 2024, MedicalCreditGrade.A), grade('81', 'H1', 2025, g)],
      }),
    ).toEqual({
      code,
      category: SignalCategory.SECTOR_COMPLIANCE,
      severity,
      department: Department.MEDICAL_INSURANCE,
      recordType: 'MedicalInstitutionCreditGrade',
      recordId: '81',
      occurredOn: '2026-03-31',
      active: true,
      detail: `credit grade ${g} of H1 for 2025`,
    });
  });

  it('an earlier E is forgotten once the institution is graded B; each institution counts on its own', () => {
    const result = signals({
      institutionGrades: [
        grade('1', 'P1', 2024, MedicalCreditGrade.E),
        grade('2', 'P1', 2025, MedicalCreditGrade.B),
        grade('3', 'P2', 2024, MedicalCreditGrade.D),
      ],
    });
    expect(result.map((s) => [s.code, s.recordId])).toEqual([['MEDICAL_INSTITUTION_GRADE_D', '3']]);
  });

  it.each([MedicalDesignationStatus.SUSPENDED, MedicalDesignationStatus.TERMINATED])(
    'a %s designation gives MEDICAL_DESIGNATION_SUSPENDED',
    (status) => {
      expect(
        only({
          designatedInstitutions: [
            {
              id: '90',
              institutionCode: 'P1',
              designationStatus: status,
              designatedFrom: '2015-01-01',
              statusChangedDate: '2026-02-03',
            },
          ],
        }),
      ).toEqual({
        code: 'MEDICAL_DESIGNATION_SUSPENDED',
        category: SignalCategory.SECTOR_COMPLIANCE,
        severity: SignalSeverity.HIGH,
        department: Department.MEDICAL_INSURANCE,
        recordType: 'DesignatedMedicalInstitution',
        recordId: '90',
        occurredOn: '2026-02-03',
        active: true,
        detail: `designation of P1 ${status} since 2026-02-03`,
      });
    },
  );
});

describe('medicalInsuranceSignals: a clean enterprise', () => {
  it('has no signals', () => {
    expect(signals({})).toEqual([]);
    expect(
      signals({
        socialInsuranceAccounts: [account('1', '2026-10', 0)],
        designatedInstitutions: [
          {
            id: '2',
            institutionCode: 'H1',
            designationStatus: MedicalDesignationStatus.DESIGNATED,
            designatedFrom: '2015-01-01',
            statusChangedDate: null,
          },
        ],
        institutionGrades: [grade('3', 'H1', 2025, MedicalCreditGrade.A)],
      }),
    ).toEqual([]);
  });
});
