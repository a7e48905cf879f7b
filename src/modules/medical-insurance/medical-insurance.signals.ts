import { Department } from '../../common/department.js';
import {
  SignalCategory,
  SignalSeverity,
  type RiskSignal,
  type SignalSource,
} from '../../common/risk-signal.js';
import {
  MedicalCreditGrade,
  MedicalDesignationStatus,
  MedicalFundDetectionMethod,
  MedicalFundViolationType,
} from './medical-insurance.enums.js';
import { batchedSignalLoad, latestAsOf, selectRecordsFor, sqlDay } from '../../db/index.js';

export interface SocialInsuranceSignalRow {
  readonly id: string;
  /** YYYY-MM */
  readonly period: string;
  readonly arrears: number;
}

export interface DesignatedInstitutionSignalRow {
  readonly id: string;
  readonly institutionCode: string;
  readonly designationStatus: MedicalDesignationStatus;
  readonly designatedFrom: string;
  readonly statusChangedDate: string | null;
}

export interface InstitutionGradeSignalRow {
  readonly id: string;
  readonly institutionCode: string;
  readonly year: number;
  readonly grade: MedicalCreditGrade;
  /** The grade carries no issue date; when the bureau published it stands in for one. */
  readonly asOf: Date;
}

export interface FundViolationSignalRow {
  readonly id: string;
  readonly institutionCode: string;
  readonly foundDate: string;
  readonly violationType: MedicalFundViolationType;
  readonly detectedBy: MedicalFundDetectionMethod;
  readonly amountInvolved: number;
  readonly repairedDate: string | null;
}

export interface MedicalInsuranceSignalInput {
  readonly socialInsuranceAccounts: readonly SocialInsuranceSignalRow[];
  readonly designatedInstitutions: readonly DesignatedInstitutionSignalRow[];
  readonly institutionGrades: readonly InstitutionGradeSignalRow[];
  readonly fundViolations: readonly FundViolationSignalRow[];
}

/** Fund money involved (yuan) from which a violation is a HIGH signal. */
export const FUND_VIOLATION_HIGH_AMOUNT = 100_000;

const DEPARTMENT = Department.MEDICAL_INSURANCE;
const CATEGORY = SignalCategory.SECTOR_COMPLIANCE;

const GRADE_RULES: Partial<Record<MedicalCreditGrade, { code: string; severity: SignalSeverity }>> = {
  E: { code: 'MEDICAL_INSTITUTION_GRADE_E', severity: SignalSeverity.CRITICAL },
  D: { code: 'MEDICAL_INSTITUTION_GRADE_D', severity: SignalSeverity.HIGH },
};

const byNewestFirst = <T extends { readonly id: string }>(key: (row: T) => string | number) => {
  return (a: T, b: T): number => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka > kb ? -1 : 1;
    return BigInt(b.id) > BigInt(a.id) ? 1 : -1;
  };
};

/**
 * One signal from the newest month with arrears. It is active only while that month is
 * the newest reported: a later month without arrears means contributions are being paid again.
 */
function socialInsuranceSignal(accounts: readonly SocialInsuranceSignalRow[]): RiskSignal[] {
  const newestFirst = [...accounts].sort(byNewestFirst((a) => a.period));
  const withArrears = newestFirst.find((a) => a.arrears > 0);
  if (!withArrears) return [];
  const [latest, previous] = newestFirst;
  const persistent = latest!.arrears > 0 && previous !== undefined && previous.arrears > 0;
  return [
    {
      code: 'SOCIAL_INSURANCE_ARREARS',
      category: CATEGORY,
      severity: persistent ? SignalSeverity.HIGH : SignalSeverity.MEDIUM,
      department: DEPARTMENT,
      recordType: 'SocialInsuranceAccount',
      recordId: withArrears.id,
      occurredOn: `${withArrears.period}-01`,
      active: withArrears === latest,
      detail: `${withArrears.arrears.toFixed(2)} yuan unpaid for ${withArrears.period}${persistent ? ', also the month before' : ''}`,
    },
  ];
}

function designationSignal(i: DesignatedInstitutionSignalRow): RiskSignal[] {
  if (i.designationStatus === MedicalDesignationStatus.DESIGNATED) return [];
  const since = i.statusChangedDate ?? i.designatedFrom;
  return [
    {
      code: 'MEDICAL_DESIGNATION_SUSPENDED',
      category: CATEGORY,
      severity: SignalSeverity.HIGH,
      department: DEPARTMENT,
      recordType: 'DesignatedMedicalInstitution',
      recordId: i.id,
      occurredOn: since,
      active: true,
      detail: `designation of ${i.institutionCode} ${i.designationStatus} since ${since}`,
    },
  ];
}

/** Each institution's latest grade: a chain's stores are graded one by one. */
function gradeSignals(grades: readonly InstitutionGradeSignalRow[]): RiskSignal[] {
  const latest = new Map<string, InstitutionGradeSignalRow>();
  for (const g of [...grades].sort(byNewestFirst((r) => r.year))) {
    if (!latest.has(g.institutionCode)) latest.set(g.institutionCode, g);
  }
  return [...latest.values()].flatMap((g): RiskSignal[] => {
    const rule = GRADE_RULES[g.grade];
    if (!rule) return [];
    return [
      {
        ...rule,
        category: CATEGORY,
        department: DEPARTMENT,
        recordType: 'MedicalInstitutionCreditGrade',
        recordId: g.id,
        occurredOn: g.asOf.toISOString().slice(0, 10),
        active: true,
        detail: `credit grade ${g.grade} of ${g.institutionCode} for ${g.year}`,
      },
    ];
  });
}

function violationSignal(v: FundViolationSignalRow): RiskSignal {
  const active = v.repairedDate === null;
  return {
    code: 'MEDICAL_FUND_VIOLATION',
    category: CATEGORY,
    severity: v.amountInvolved >= FUND_VIOLATION_HIGH_AMOUNT ? SignalSeverity.HIGH : SignalSeverity.MEDIUM,
    department: DEPARTMENT,
    recordType: 'MedicalFundViolation',
    recordId: v.id,
    occurredOn: v.foundDate,
    active,
    detail:
      `${v.violationType} at ${v.institutionCode} found ${v.foundDate} by ${v.detectedBy}, ` +
      `${v.amountInvolved.toFixed(2)} yuan involved${active ? '' : `; repaired ${v.repairedDate}`}`,
  };
}

/** Signals of one enterprise from its medical insurance records; `today` is YYYY-MM-DD. */
export function medicalInsuranceSignals(records: MedicalInsuranceSignalInput, _today: string): RiskSignal[] {
  return [
    ...socialInsuranceSignal(records.socialInsuranceAccounts),
    ...records.designatedInstitutions.flatMap(designationSignal),
    ...gradeSignals(records.institutionGrades),
    ...records.fundViolations.map(violationSignal),
  ];
}

const TABLES = {
  socialInsuranceAccounts: 'mi_social_insurance_account',
  designatedInstitutions: 'mi_designated_institution',
  institutionGrades: 'mi_institution_credit_grade',
  fundViolations: 'mi_fund_violation',
} as const;

/** A date column as YYYY-MM-DD text whatever the server's DateStyle, so pg and PGlite agree. */
const day = sqlDay;

// Amounts as float8: pg returns numeric as a string, float8 as a number.
const COLUMNS: Record<keyof MedicalInsuranceSignalInput, string> = {
  socialInsuranceAccounts: ['period', 'arrears::float8 as arrears'].join(', '),
  designatedInstitutions: [
    'institution_code as "institutionCode"',
    'designation_status as "designationStatus"',
    day('designated_from', 'designatedFrom'),
    day('status_changed_date', 'statusChangedDate'),
  ].join(', '),
  institutionGrades: ['institution_code as "institutionCode"', 'year', 'grade'].join(', '),
  fundViolations: [
    'institution_code as "institutionCode"',
    day('found_date', 'foundDate'),
    'violation_type as "violationType"',
    'detected_by as "detectedBy"',
    'amount_involved::float8 as "amountInvolved"',
    day('repaired_date', 'repairedDate'),
  ].join(', '),
};

const load = batchedSignalLoad(
  (em, keys) => {
    const select = <T>(table: keyof typeof TABLES) =>
      selectRecordsFor<T>(em, TABLES[table], COLUMNS[table], keys);
    return Promise.all([
      select<SocialInsuranceSignalRow>('socialInsuranceAccounts'),
      select<DesignatedInstitutionSignalRow>('designatedInstitutions'),
      select<InstitutionGradeSignalRow>('institutionGrades'),
      select<FundViolationSignalRow>('fundViolations'),
    ]);
  },
  ([accounts, institutions, grades, violations], uscc, today) => {
    const input: MedicalInsuranceSignalInput = {
      socialInsuranceAccounts: accounts.get(uscc) ?? [],
      designatedInstitutions: institutions.get(uscc) ?? [],
      institutionGrades: grades.get(uscc) ?? [],
      fundViolations: violations.get(uscc) ?? [],
    };
    return {
      signals: medicalInsuranceSignals(input, today),
      freshness: [{ department: DEPARTMENT, asOf: latestAsOf(Object.values(input).flat()) }],
    };
  },
);

export const medicalInsuranceSignalSource: SignalSource = {
  codes: {
    SOCIAL_INSURANCE_ARREARS: {
      record: 'SocialInsuranceAccount',
      points: { OVERALL_RISK: -8, SOCIAL_VALUE: -20 },
    },
    MEDICAL_DESIGNATION_SUSPENDED: {
      record: 'DesignatedMedicalInstitution',
      points: { OVERALL_RISK: -8, OPERATING_EFFICIENCY: -8 },
    },
    MEDICAL_INSTITUTION_GRADE_E: {
      record: 'MedicalInstitutionCreditGrade',
      points: { OVERALL_RISK: -12, SOCIAL_VALUE: -15 },
    },
    MEDICAL_INSTITUTION_GRADE_D: {
      record: 'MedicalInstitutionCreditGrade',
      points: { OVERALL_RISK: -6, SOCIAL_VALUE: -8 },
    },
    MEDICAL_FUND_VIOLATION: {
      record: 'MedicalFundViolation',
      points: { OVERALL_RISK: -8, SOCIAL_VALUE: -15 },
    },
  },
  module: 'medical-insurance',
  tables: Object.values(TABLES),
  load,
};
