import { Department } from '../../common/department.js';
import {
  SignalCategory,
  SignalSeverity,
  type RiskSignal,
  type SignalSource,
  type SourceFreshness,
} from '../../common/risk-signal.js';
import {
  CreditList,
  CreditListRemovalReason,
  EnterpriseCreditRiskClass,
  PenaltySeverity,
  PenaltyType,
  TaxCreditGrade,
} from './credit.enums.js';
import { batchedSignalLoad, groupByUscc, latestBy, sqlDay, usccIn } from '../../db/index.js';

// Rows carry only what a signal needs: free-text reasons and case numbers stay out,
// so no detail can leak personal data written into them.

export interface PenaltySignalRow {
  readonly id: string;
  readonly decisionDate: string;
  readonly authority: string;
  readonly penaltyType: PenaltyType;
  readonly severity: PenaltySeverity;
  readonly publicityEndDate: string;
  readonly repairedDate: string | null;
}

export interface CreditListEntrySignalRow {
  readonly id: string;
  readonly list: CreditList;
  readonly listedDate: string;
  readonly removedDate: string | null;
  readonly removalReason: CreditListRemovalReason | null;
  readonly authority: string;
}

export interface TaxEvaluationSignalRow {
  readonly id: string;
  readonly year: number;
  readonly grade: TaxCreditGrade;
  readonly evaluatedDate: string;
}

export interface TaxArrearsSignalRow {
  readonly id: string;
  readonly amountOwed: number;
  readonly arrearsSince: string;
  readonly paidOffDate: string | null;
}

export interface RiskClassificationSignalRow {
  readonly id: string;
  /** YYYY-MM */
  readonly month: string;
  readonly riskClass: EnterpriseCreditRiskClass;
}

export interface CreditSignalInput {
  readonly penalties: readonly PenaltySignalRow[];
  readonly listEntries: readonly CreditListEntrySignalRow[];
  readonly taxEvaluations: readonly TaxEvaluationSignalRow[];
  readonly taxArrears: readonly TaxArrearsSignalRow[];
  readonly riskClassifications: readonly RiskClassificationSignalRow[];
}

/** Arrears from this amount (yuan) on are a HIGH signal. */
export const TAX_ARREARS_HIGH_AMOUNT = 100_000;

const PENALTY_SEVERITY: Record<PenaltySeverity, SignalSeverity> = {
  MINOR: SignalSeverity.LOW,
  GENERAL: SignalSeverity.MEDIUM,
  SERIOUS: SignalSeverity.HIGH,
};

const LIST_RULES: Record<
  CreditList,
  { code: string; category: SignalCategory; severity: SignalSeverity; department: Department }
> = {
  DISHONEST_JUDGMENT_DEBTOR: {
    code: 'DISHONEST_JUDGMENT_DEBTOR',
    category: SignalCategory.JUDICIAL,
    severity: SignalSeverity.CRITICAL,
    department: Department.COURT,
  },
  SERIOUS_DISHONESTY: {
    code: 'SERIOUS_DISHONESTY_LIST',
    category: SignalCategory.OPERATING,
    severity: SignalSeverity.CRITICAL,
    department: Department.MARKET_REGULATION,
  },
  BUSINESS_ANOMALY: {
    code: 'BUSINESS_ANOMALY',
    category: SignalCategory.OPERATING,
    severity: SignalSeverity.MEDIUM,
    department: Department.MARKET_REGULATION,
  },
};

const TAX_GRADE_RULES: Partial<
  Record<TaxCreditGrade, { code: string; category: SignalCategory; severity: SignalSeverity }>
> = {
  D: { code: 'TAX_GRADE_D', category: SignalCategory.OPERATING, severity: SignalSeverity.HIGH },
  C: { code: 'TAX_GRADE_C', category: SignalCategory.OPERATING, severity: SignalSeverity.MEDIUM },
  A: { code: 'TAX_GRADE_A', category: SignalCategory.POSITIVE, severity: SignalSeverity.MEDIUM },
};

const RISK_CLASS_RULES: Partial<
  Record<EnterpriseCreditRiskClass, { code: string; severity: SignalSeverity }>
> = {
  D: { code: 'MARKET_RISK_CLASS_D', severity: SignalSeverity.HIGH },
  C: { code: 'MARKET_RISK_CLASS_C', severity: SignalSeverity.MEDIUM },
};

const yuan = (amount: number): string => `${amount.toFixed(2)} yuan`;

function penaltySignal(p: PenaltySignalRow, today: string): RiskSignal {
  const repaired = p.repairedDate !== null;
  // After publicity ends the decision is no longer published, so it stops counting even unrepaired.
  const active = !repaired && today <= p.publicityEndDate;
  const state = repaired
    ? `repaired ${p.repairedDate}`
    : active
      ? `published until ${p.publicityEndDate}`
      : `publicity ended ${p.publicityEndDate}`;
  return {
    code: 'ADMIN_PENALTY',
    category: SignalCategory.OPERATING,
    severity: PENALTY_SEVERITY[p.severity],
    department: Department.MARKET_REGULATION,
    recordType: 'AdministrativePenalty',
    recordId: p.id,
    occurredOn: p.decisionDate,
    active,
    detail: `${p.severity} ${p.penaltyType} decided ${p.decisionDate} by ${p.authority}; ${state}`,
  };
}

function listSignal(e: CreditListEntrySignalRow): RiskSignal {
  const rule = LIST_RULES[e.list];
  // Any removal ends the listing; a removal by repair, performance or correction also
  // means the record must not be shown, which is the consumer's call on an inactive signal.
  const active = e.removedDate === null;
  const removal = active ? '' : `; removed ${e.removedDate} (${e.removalReason ?? 'no reason given'})`;
  return {
    code: rule.code,
    category: rule.category,
    severity: rule.severity,
    department: rule.department,
    recordType: 'CreditListEntry',
    recordId: e.id,
    occurredOn: e.listedDate,
    active,
    detail: `listed ${e.listedDate} by ${e.authority}${removal}`,
  };
}

function latestTaxGradeSignal(evaluations: readonly TaxEvaluationSignalRow[]): RiskSignal[] {
  const latest = latestBy(evaluations, (e) => e.year);
  const rule = latest && TAX_GRADE_RULES[latest.grade];
  if (!latest || !rule) return [];
  return [
    {
      ...rule,
      department: Department.TAX,
      recordType: 'TaxCreditEvaluation',
      recordId: latest.id,
      occurredOn: latest.evaluatedDate,
      active: true,
      detail: `tax credit grade ${latest.grade} for ${latest.year}, evaluated ${latest.evaluatedDate}`,
    },
  ];
}

function arrearsSignal(a: TaxArrearsSignalRow): RiskSignal {
  const active = a.paidOffDate === null;
  return {
    code: 'TAX_ARREARS',
    category: SignalCategory.OPERATING,
    severity: a.amountOwed >= TAX_ARREARS_HIGH_AMOUNT ? SignalSeverity.HIGH : SignalSeverity.MEDIUM,
    department: Department.TAX,
    recordType: 'TaxArrears',
    recordId: a.id,
    occurredOn: a.arrearsSince,
    active,
    detail: `${yuan(a.amountOwed)} owed since ${a.arrearsSince}${active ? '' : `; paid off ${a.paidOffDate}`}`,
  };
}

function latestRiskClassSignal(classes: readonly RiskClassificationSignalRow[]): RiskSignal[] {
  const latest = latestBy(classes, (c) => c.month);
  const rule = latest && RISK_CLASS_RULES[latest.riskClass];
  if (!latest || !rule) return [];
  return [
    {
      ...rule,
      category: SignalCategory.OPERATING,
      department: Department.MARKET_REGULATION,
      recordType: 'CreditRiskClassification',
      recordId: latest.id,
      occurredOn: `${latest.month}-01`,
      active: true,
      detail: `credit risk class ${latest.riskClass} for ${latest.month}`,
    },
  ];
}

/** The row with the greatest key; ties go to the greatest id, the one received last. */
/** Signals of one enterprise from its market regulation, court and tax records; `today` is YYYY-MM-DD. */
export function creditSignals(records: CreditSignalInput, today: string): RiskSignal[] {
  return [
    ...records.listEntries.map(listSignal),
    ...records.penalties.map((p) => penaltySignal(p, today)),
    ...latestTaxGradeSignal(records.taxEvaluations),
    ...records.taxArrears.map(arrearsSignal),
    ...latestRiskClassSignal(records.riskClassifications),
  ];
}

const TABLES = {
  penalties: 'credit_penalty',
  listEntries: 'credit_list_entry',
  taxEvaluations: 'credit_tax_evaluation',
  taxArrears: 'credit_tax_arrears',
  riskClassifications: 'credit_risk_classification',
  licences: 'credit_licence',
} as const;

const DEPARTMENTS = [Department.MARKET_REGULATION, Department.COURT, Department.TAX] as const;

interface Provenance {
  readonly uscc: string;
  readonly department: Department;
  readonly asOf: Date | string;
}

/** A date column as YYYY-MM-DD text whatever the server's DateStyle, so pg and PGlite agree. */
const day = sqlDay;

// Amounts as float8: pg returns numeric as a string, float8 as a number.
const COLUMNS: Record<keyof CreditSignalInput, string> = {
  penalties: [
    day('decision_date', 'decisionDate'),
    'authority',
    'penalty_type as "penaltyType"',
    'severity',
    day('publicity_end_date', 'publicityEndDate'),
    day('repaired_date', 'repairedDate'),
  ].join(', '),
  listEntries: [
    'list',
    day('listed_date', 'listedDate'),
    day('removed_date', 'removedDate'),
    'removal_reason as "removalReason"',
    'authority',
  ].join(', '),
  taxEvaluations: ['year', 'grade', day('evaluated_date', 'evaluatedDate')].join(', '),
  taxArrears: [
    'amount_owed::float8 as "amountOwed"',
    day('arrears_since', 'arrearsSince'),
    day('paid_off_date', 'paidOffDate'),
  ].join(', '),
  riskClassifications: ['month', 'risk_class as "riskClass"'].join(', '),
};

const load = batchedSignalLoad(
  async (em, keys) => {
    const select = <T>(table: string, columns: string) =>
      em.execute<(T & Provenance)[]>(
        `select id::text as id, uscc, department, as_of as "asOf", ${columns} from "${table}" where ${usccIn(keys)}`,
        [...keys],
      );
    const [penalties, listEntries, taxEvaluations, taxArrears, riskClassifications, licences] =
      await Promise.all([
        select<PenaltySignalRow>(TABLES.penalties, COLUMNS.penalties),
        select<CreditListEntrySignalRow>(TABLES.listEntries, COLUMNS.listEntries),
        select<TaxEvaluationSignalRow>(TABLES.taxEvaluations, COLUMNS.taxEvaluations),
        select<TaxArrearsSignalRow>(TABLES.taxArrears, COLUMNS.taxArrears),
        select<RiskClassificationSignalRow>(TABLES.riskClassifications, COLUMNS.riskClassifications),
        // Licences raise no signal but are market regulation data, so they count towards its freshness.
        em.execute<Provenance[]>(
          `select uscc, department, max(as_of) as "asOf" from "${TABLES.licences}" where ${usccIn(keys)} group by uscc, department`,
          [...keys],
        ),
      ]);
    return {
      penalties: groupByUscc(penalties),
      listEntries: groupByUscc(listEntries),
      taxEvaluations: groupByUscc(taxEvaluations),
      taxArrears: groupByUscc(taxArrears),
      riskClassifications: groupByUscc(riskClassifications),
      freshness: latestAsOf([
        penalties,
        listEntries,
        taxEvaluations,
        taxArrears,
        riskClassifications,
        licences,
      ]),
    };
  },
  (batch, uscc, today) => {
    const input: CreditSignalInput = {
      penalties: batch.penalties.get(uscc) ?? [],
      listEntries: batch.listEntries.get(uscc) ?? [],
      taxEvaluations: batch.taxEvaluations.get(uscc) ?? [],
      taxArrears: batch.taxArrears.get(uscc) ?? [],
      riskClassifications: batch.riskClassifications.get(uscc) ?? [],
    };
    const latest = batch.freshness.get(uscc);
    return {
      signals: creditSignals(input, today),
      freshness: DEPARTMENTS.map(
        (department): SourceFreshness => ({ department, asOf: latest?.get(department) ?? null }),
      ),
      facets: { taxGrade: latestBy(input.taxEvaluations, (e) => e.year)?.grade ?? null },
    };
  },
);

/** Latest asOf per enterprise and department over all rows read. */
function latestAsOf(tables: readonly (readonly Provenance[])[]): Map<string, Map<Department, Date>> {
  const latest = new Map<string, Map<Department, Date>>();
  for (const row of tables.flat()) {
    const asOf = new Date(row.asOf);
    let byDepartment = latest.get(row.uscc);
    if (!byDepartment) latest.set(row.uscc, (byDepartment = new Map<Department, Date>()));
    const seen = byDepartment.get(row.department);
    if (!seen || asOf > seen) byDepartment.set(row.department, asOf);
  }
  return latest;
}

export const creditSignalSource: SignalSource = {
  codes: {
    DISHONEST_JUDGMENT_DEBTOR: {
      record: 'CreditListEntry',
      points: { OVERALL_RISK: -30, SOCIAL_VALUE: -10 },
      cap: 39,
    },
    SERIOUS_DISHONESTY_LIST: {
      record: 'CreditListEntry',
      points: { OVERALL_RISK: -30, OPERATING_EFFICIENCY: -10 },
      cap: 39,
    },
    BUSINESS_ANOMALY: { record: 'CreditListEntry', points: { OVERALL_RISK: -10, OPERATING_EFFICIENCY: -10 } },
    ADMIN_PENALTY: {
      record: 'AdministrativePenalty',
      points: { OVERALL_RISK: -5, OPERATING_EFFICIENCY: -5 },
    },
    TAX_GRADE_D: {
      record: 'TaxCreditEvaluation',
      points: { OVERALL_RISK: -12, OPERATING_EFFICIENCY: -20, SOCIAL_VALUE: -10 },
      cap: 54,
    },
    TAX_GRADE_C: { record: 'TaxCreditEvaluation', points: { OVERALL_RISK: -8, OPERATING_EFFICIENCY: -10 } },
    TAX_GRADE_A: { record: 'TaxCreditEvaluation', points: { OPERATING_EFFICIENCY: 20, SOCIAL_VALUE: 10 } },
    TAX_ARREARS: { record: 'TaxArrears', points: { OVERALL_RISK: -10, SOCIAL_VALUE: -10 } },
    MARKET_RISK_CLASS_D: {
      record: 'CreditRiskClassification',
      points: { OVERALL_RISK: -10, OPERATING_EFFICIENCY: -10 },
    },
    MARKET_RISK_CLASS_C: {
      record: 'CreditRiskClassification',
      points: { OVERALL_RISK: -5, OPERATING_EFFICIENCY: -5 },
    },
  },
  module: 'credit',
  facets: [
    {
      key: 'taxGrade',
      groupBy: 'TAX_GRADE',
      description: 'Latest tax credit grade (税务局), when grouped by it.',
    },
  ],
  tables: Object.values(TABLES),
  load,
};
