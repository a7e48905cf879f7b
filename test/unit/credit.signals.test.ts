import { describe, expect, it } from '@jest/globals';
import { Department } from '../../src/common/department.js';
import { SignalCategory, SignalSeverity, type RiskSignal } from '../../src/common/risk-signal.js';
import {
  CreditList,
  CreditListRemovalReason,
  EnterpriseCreditRiskClass,
  PenaltySeverity,
  PenaltyType,
  TaxCreditGrade,
} from '../../src/modules/credit/credit.enums.js';
import {
  creditSignals,
  type CreditListEntrySignalRow,
  type CreditSignalInput,
  type PenaltySignalRow,
  type TaxArrearsSignalRow,
} from '../../src/modules/credit/credit.signals.js';

const TODAY = '2026-11-01';
const EMPTY: CreditSignalInput = {
  penalties: [],
  listEntries: [],
  taxEvaluations: [],
  taxArrears: [],
  riskClassifications: [],
};
const signals = (input: Partial<CreditSignalInput>): RiskSignal[] =>
  creditSignals({ ...EMPTY, ...input }, TODAY);
const only = (input: Partial<CreditSignalInput>): RiskSignal => {
  const result = signals(input);
  expect(result).toHaveLength(1);
  return result[0]!;
};

const penalty = (over: Partial<PenaltySignalRow> = {}): PenaltySignalRow => ({
  id: '11',
  decisionDate: '2026-03-02',
  authority: '市场监督管理局',
  penaltyType: PenaltyType.FINE,
  severity: PenaltySeverity.GENERAL,
  publicityEndDate: '2027-03-02',
  repairedDate: null,
  ...over,
});
const entry = (over: Partial<CreditListEntrySignalRow> = {}): CreditListEntrySignalRow => ({
  id: '21',
  list: CreditList.BUSINESS_ANOMALY,
  listedDate: '2025-03-02',
  removedDate: null,
  removalReason: null,
  authority: '福州市鼓楼区市场监督管理局',
  ...over,
});
const arrears = (over: Partial<TaxArrearsSignalRow> = {}): TaxArrearsSignalRow => ({
  id: '41',
  amountOwed: 5_000,
  arrearsSince: '2026-01-15',
  paidOffDate: null,
  ...over,
});

describe('creditSignals: credit lists', () => {
  it.each([
    [
      CreditList.DISHONEST_JUDGMENT_DEBTOR,
      'DISHONEST_JUDGMENT_DEBTOR',
      SignalCategory.JUDICIAL,
      SignalSeverity.CRITICAL,
      Department.COURT,
    ],
    [
      CreditList.SERIOUS_DISHONESTY,
      'SERIOUS_DISHONESTY_LIST',
      SignalCategory.OPERATING,
      SignalSeverity.CRITICAL,
      Department.MARKET_REGULATION,
    ],
    [
      CreditList.BUSINESS_ANOMALY,
      'BUSINESS_ANOMALY',
      SignalCategory.OPERATING,
      SignalSeverity.MEDIUM,
      Department.MARKET_REGULATION,
    ],
  ])('an active %s entry gives %s', (list, code, category, severity, department) => {
    expect(only({ listEntries: [entry({ list })] })).toEqual({
      code,
      category,
      severity,
      department,
      recordType: 'CreditListEntry',
      recordId: '21',
      occurredOn: '2025-03-02',
      active: true,
      detail: 'listed 2025-03-02 by 福州市鼓楼区市场监督管理局',
    });
  });

  it.each(Object.values(CreditListRemovalReason))('an entry removed as %s is inactive', (reason) => {
    const s = only({
      listEntries: [
        entry({
          list: CreditList.DISHONEST_JUDGMENT_DEBTOR,
          removedDate: '2026-05-01',
          removalReason: reason,
        }),
      ],
    });
    expect(s.code).toBe('DISHONEST_JUDGMENT_DEBTOR');
    expect(s.active).toBe(false);
    expect(s.detail).toBe(`listed 2025-03-02 by 福州市鼓楼区市场监督管理局; removed 2026-05-01 (${reason})`);
  });
});

describe('creditSignals: administrative penalties', () => {
  it.each([
    [PenaltySeverity.MINOR, SignalSeverity.LOW],
    [PenaltySeverity.GENERAL, SignalSeverity.MEDIUM],
    [PenaltySeverity.SERIOUS, SignalSeverity.HIGH],
  ])('a %s penalty inside publicity is an active %s ADMIN_PENALTY', (severity, expected) => {
    expect(only({ penalties: [penalty({ severity })] })).toEqual({
      code: 'ADMIN_PENALTY',
      category: SignalCategory.OPERATING,
      severity: expected,
      department: Department.MARKET_REGULATION,
      recordType: 'AdministrativePenalty',
      recordId: '11',
      occurredOn: '2026-03-02',
      active: true,
      detail: `${severity} FINE decided 2026-03-02 by 市场监督管理局; published until 2027-03-02`,
    });
  });

  it('a repaired penalty is inactive even inside its publicity period', () => {
    const s = only({ penalties: [penalty({ repairedDate: '2026-10-01' })] });
    expect(s.active).toBe(false);
    expect(s.detail).toContain('repaired 2026-10-01');
  });

  it('a penalty counts on the last day of publicity and not the day after', () => {
    expect(only({ penalties: [penalty({ publicityEndDate: TODAY })] }).active).toBe(true);
    expect(only({ penalties: [penalty({ publicityEndDate: '2026-10-31' })] }).active).toBe(false);
  });
});

describe('creditSignals: tax', () => {
  it.each([
    [TaxCreditGrade.D, 'TAX_GRADE_D', SignalCategory.OPERATING, SignalSeverity.HIGH],
    [TaxCreditGrade.C, 'TAX_GRADE_C', SignalCategory.OPERATING, SignalSeverity.MEDIUM],
    [TaxCreditGrade.A, 'TAX_GRADE_A', SignalCategory.POSITIVE, SignalSeverity.MEDIUM],
  ])('latest grade %s gives %s', (grade, code, category, severity) => {
    expect(only({ taxEvaluations: [{ id: '31', year: 2025, grade, evaluatedDate: '2026-04-18' }] })).toEqual({
      code,
      category,
      severity,
      department: Department.TAX,
      recordType: 'TaxCreditEvaluation',
      recordId: '31',
      occurredOn: '2026-04-18',
      active: true,
      detail: `tax credit grade ${grade} for 2025, evaluated 2026-04-18`,
    });
  });

  it('only the latest year counts, whatever the row order', () => {
    const s = only({
      taxEvaluations: [
        { id: '30', year: 2025, grade: TaxCreditGrade.A, evaluatedDate: '2026-04-18' },
        { id: '29', year: 2023, grade: TaxCreditGrade.D, evaluatedDate: '2024-04-18' },
        { id: '28', year: 2024, grade: TaxCreditGrade.C, evaluatedDate: '2025-04-18' },
      ],
    });
    expect([s.code, s.recordId]).toEqual(['TAX_GRADE_A', '30']);
  });

  it.each([TaxCreditGrade.B, TaxCreditGrade.M])(
    'a latest grade %s gives no signal even after a D',
    (grade) => {
      expect(
        signals({
          taxEvaluations: [
            { id: '1', year: 2024, grade: TaxCreditGrade.D, evaluatedDate: '2025-04-18' },
            { id: '2', year: 2025, grade, evaluatedDate: '2026-04-18' },
          ],
        }),
      ).toEqual([]);
    },
  );

  it('tax arrears of 100,000 yuan or more are HIGH, 99,999.99 MEDIUM', () => {
    const high = only({ taxArrears: [arrears({ amountOwed: 100_000 })] });
    expect(high).toEqual({
      code: 'TAX_ARREARS',
      category: SignalCategory.OPERATING,
      severity: SignalSeverity.HIGH,
      department: Department.TAX,
      recordType: 'TaxArrears',
      recordId: '41',
      occurredOn: '2026-01-15',
      active: true,
      detail: '100000.00 yuan owed since 2026-01-15',
    });
    expect(only({ taxArrears: [arrears({ amountOwed: 99_999.99 })] }).severity).toBe(SignalSeverity.MEDIUM);
  });

  it('paid-off arrears are inactive', () => {
    const s = only({ taxArrears: [arrears({ paidOffDate: '2026-06-30' })] });
    expect(s.active).toBe(false);
    expect(s.detail).toBe('5000.00 yuan owed since 2026-01-15; paid off 2026-06-30');
  });
});

describe('creditSignals: market regulation risk class', () => {
  it.each([
    [EnterpriseCreditRiskClass.D, 'MARKET_RISK_CLASS_D', SignalSeverity.HIGH],
    [EnterpriseCreditRiskClass.C, 'MARKET_RISK_CLASS_C', SignalSeverity.MEDIUM],
  ])('latest class %s gives %s', (riskClass, code, severity) => {
    expect(
      only({
        riskClassifications: [
          { id: '50', month: '2026-09', riskClass: EnterpriseCreditRiskClass.A },
          { id: '51', month: '2026-10', riskClass },
        ],
      }),
    ).toEqual({
      code,
      category: SignalCategory.OPERATING,
      severity,
      department: Department.MARKET_REGULATION,
      recordType: 'CreditRiskClassification',
      recordId: '51',
      occurredOn: '2026-10-01',
      active: true,
      detail: `credit risk class ${riskClass} for 2026-10`,
    });
  });

  it('an earlier D is forgotten once the latest month is B', () => {
    expect(
      signals({
        riskClassifications: [
          { id: '51', month: '2026-10', riskClass: EnterpriseCreditRiskClass.B },
          { id: '50', month: '2026-09', riskClass: EnterpriseCreditRiskClass.D },
        ],
      }),
    ).toEqual([]);
  });
});

describe('creditSignals: a clean enterprise', () => {
  it('has no signals at all with no records, or with only neutral ones', () => {
    expect(signals({})).toEqual([]);
    expect(
      signals({
        taxEvaluations: [{ id: '1', year: 2025, grade: TaxCreditGrade.B, evaluatedDate: '2026-04-18' }],
        riskClassifications: [{ id: '2', month: '2026-10', riskClass: EnterpriseCreditRiskClass.A }],
      }),
    ).toEqual([]);
  });
});
