import { Department } from '../../common/department.js';
import { type CrossFieldRule, defineContract, f, ordered } from '../../db/index.js';
import {
  AdministrativeLicenceStatus,
  CreditList,
  CreditListRemovalReason,
  EnterpriseCreditRiskClass,
  PenaltySeverity,
  PenaltyType,
  TaxCreditGrade,
} from './credit.enums.js';

const day = (v: unknown): string => String(v).slice(0, 10);
const addYears = (date: string, years: number): string =>
  `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;

const yearNotFuture = (field: string): CrossFieldRule => ({
  description: `${field} is not after the current year`,
  check: (r) =>
    typeof r[field] === 'number' && r[field] > new Date().getUTCFullYear()
      ? { field, message: `${field} must not be in the future` }
      : null,
});

export const penaltyContract = defineContract({
  recordType: 'AdministrativePenalty',
  description: 'Administrative penalty decision (行政处罚) published under 双公示.',
  owners: [Department.MARKET_REGULATION],
  resource: 'credit.penalties',
  table: 'credit_penalty',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.text('decisionNumber', 64),
    f.date('decisionDate'),
    f.text('authority', 100),
    f.enum('penaltyType', PenaltyType),
    f.enum('severity', PenaltySeverity),
    f.text('reason', 2000),
    f.amount('amount'),
    f.date('publicityEndDate', {
      future: true,
      description: 'End of the publicity period; repair is possible from then on.',
    }),
  ],
  rules: [ordered('decisionDate', 'publicityEndDate')],
  // 信用修复 once the publicity period has ended (DOMAIN: minimum publicity before repair).
  repair: { dateColumn: 'repaired_date', earliest: (row) => day(row.publicity_end_date) },
});

export const licenceContract = defineContract({
  recordType: 'AdministrativeLicence',
  description: 'Administrative licence decision (行政许可) published under 双公示.',
  owners: [Department.MARKET_REGULATION],
  resource: 'credit.licences',
  table: 'credit_licence',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.text('decisionNumber', 64),
    f.text('licenceName', 200),
    f.text('content', 4000),
    f.date('decisionDate'),
    f.date('validFrom', { future: true }),
    f.date('validTo', { future: true, optional: true }),
    f.text('authority', 100),
    f.enum('status', AdministrativeLicenceStatus),
  ],
  rules: [ordered('validFrom', 'validTo')],
});

const MARKET_LISTS: readonly string[] = [CreditList.BUSINESS_ANOMALY, CreditList.SERIOUS_DISHONESTY];

export const creditListEntryContract = defineContract({
  recordType: 'CreditListEntry',
  description:
    'Entry on a credit list: market regulation writes the business-anomaly and serious-dishonesty lists, ' +
    'the courts the dishonest-judgment-debtor list.',
  owners: [Department.MARKET_REGULATION, Department.COURT],
  resource: 'credit.lists',
  table: 'credit_list_entry',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.enum('list', CreditList),
    f.text('reason', 2000),
    f.date('listedDate'),
    f.date('removedDate', { optional: true }),
    f.enum('removalReason', CreditListRemovalReason, { optional: true }),
    f.text('authority', 100),
    f.text('caseNumber', 64, {
      optional: true,
      description: 'Enforcement case number (执行案号); court rows only.',
    }),
  ],
  rules: [
    ordered('listedDate', 'removedDate'),
    {
      description: 'the writer owns the list: COURT the dishonest-debtor list, MARKET_REGULATION the others',
      check: (r, department) => {
        const court = r.list === CreditList.DISHONEST_JUDGMENT_DEBTOR;
        return (
          court
            ? department !== Department.COURT
            : !MARKET_LISTS.includes(String(r.list)) || department !== Department.MARKET_REGULATION
        )
          ? {
              field: 'list',
              message: `list ${String(r.list)} is kept by ${court ? 'COURT' : 'MARKET_REGULATION'}`,
            }
          : null;
      },
    },
    {
      description: 'removedDate and removalReason are given together',
      check: (r) =>
        (r.removedDate === null) !== (r.removalReason === null)
          ? { field: 'removalReason', message: 'removedDate and removalReason must be given together' }
          : null,
    },
  ],
  repair: {
    dateColumn: 'removed_date',
    set: (kind) => ({
      removal_reason:
        kind === 'PERFORMED' ? CreditListRemovalReason.PERFORMED : CreditListRemovalReason.REPAIRED,
    }),
    // Serious dishonesty: at least one year listed; dishonest debtors are listed two years
    // unless they perform (early removal); an anomaly listing may be repaired once corrected.
    earliest: (row) =>
      row.list === CreditList.SERIOUS_DISHONESTY
        ? addYears(day(row.listed_date), 1)
        : row.list === CreditList.DISHONEST_JUDGMENT_DEBTOR
          ? addYears(day(row.listed_date), 2)
          : null,
    allowsPerformed: (row) => row.list === CreditList.DISHONEST_JUDGMENT_DEBTOR,
  },
});

export const taxCreditEvaluationContract = defineContract({
  recordType: 'TaxCreditEvaluation',
  description: 'Tax credit grade (纳税信用等级) for a tax year.',
  owners: [Department.TAX],
  resource: 'credit.taxGrades',
  table: 'credit_tax_evaluation',
  key: 'sourceRecordId',
  fields: [f.uscc(), f.int('year', 1990, 9999), f.enum('grade', TaxCreditGrade), f.date('evaluatedDate')],
  rules: [yearNotFuture('year')],
});

export const taxArrearsContract = defineContract({
  recordType: 'TaxArrears',
  description: 'Tax arrears (欠税) of an enterprise.',
  owners: [Department.TAX],
  resource: 'credit.taxArrears',
  table: 'credit_tax_arrears',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.text('taxType', 50),
    f.amount('amountOwed'),
    f.date('arrearsSince'),
    f.date('paidOffDate', { optional: true }),
  ],
  rules: [ordered('arrearsSince', 'paidOffDate')],
});

export const riskClassificationContract = defineContract({
  recordType: 'CreditRiskClassification',
  description: 'Enterprise credit risk class (企业信用风险分类) for a month.',
  owners: [Department.MARKET_REGULATION],
  resource: 'credit.riskClasses',
  table: 'credit_risk_classification',
  key: 'sourceRecordId',
  fields: [f.uscc(), f.month('month'), f.enum('riskClass', EnterpriseCreditRiskClass)],
});

export const creditIngest = [
  penaltyContract,
  licenceContract,
  creditListEntryContract,
  taxCreditEvaluationContract,
  taxArrearsContract,
  riskClassificationContract,
];
