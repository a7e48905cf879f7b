import { Department } from '../../common/department.js';
import { defineContract, f, ordered } from '../../db/index.js';
import {
  MedicalCreditGrade,
  MedicalDesignationStatus,
  MedicalFundDetectionMethod,
  MedicalFundViolationType,
  MedicalInstitutionType,
} from './medical-insurance.enums.js';

const institutionCode = () => f.text('institutionCode', 20);
const addMonths = (date: string, months: number): string => {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

export const socialInsuranceAccountContract = defineContract({
  recordType: 'SocialInsuranceAccount',
  description: 'Employer social-insurance contributions and arrears for a month.',
  owners: [Department.MEDICAL_INSURANCE],
  resource: 'medicalInsurance.socialInsuranceAccounts',
  table: 'mi_social_insurance_account',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.month('period'),
    f.int('insuredHeadcount', 0, 10_000_000),
    f.amount('contributionsDue'),
    f.amount('contributionsPaid'),
    f.amount('arrears'),
  ],
  rules: [
    {
      description: 'arrears = max(contributionsDue − contributionsPaid, 0)',
      check: (r) => {
        const cents = (v: unknown) => Math.round(Number(v) * 100);
        const expected = Math.max(cents(r.contributionsDue) - cents(r.contributionsPaid), 0);
        return cents(r.arrears) !== expected
          ? {
              field: 'arrears',
              message: `arrears must be max(contributionsDue − contributionsPaid, 0) = ${(expected / 100).toFixed(2)}`,
            }
          : null;
      },
    },
  ],
});

export const designatedInstitutionContract = defineContract({
  recordType: 'DesignatedMedicalInstitution',
  description: 'Designated medical institution (定点医药机构) and its designation status.',
  owners: [Department.MEDICAL_INSURANCE],
  resource: 'medicalInsurance.designatedInstitutions',
  table: 'mi_designated_institution',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    institutionCode(),
    f.enum('institutionType', MedicalInstitutionType),
    f.text('institutionName', 200),
    f.enum('designationStatus', MedicalDesignationStatus),
    f.date('designatedFrom'),
    f.date('statusChangedDate', { optional: true }),
  ],
  rules: [ordered('designatedFrom', 'statusChangedDate')],
});

export const institutionCreditGradeContract = defineContract({
  recordType: 'MedicalInstitutionCreditGrade',
  description: 'Credit evaluation grade of a designated institution for a year.',
  owners: [Department.MEDICAL_INSURANCE],
  resource: 'medicalInsurance.institutionCreditGrades',
  table: 'mi_institution_credit_grade',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    institutionCode(),
    f.int('year', 1990, 9999),
    f.enum('grade', MedicalCreditGrade),
    f.int('score', 0, 1000),
  ],
});

export const fundViolationContract = defineContract({
  recordType: 'MedicalFundViolation',
  description: 'Medical insurance fund violation (医保基金违法违规) found by audit or screening.',
  owners: [Department.MEDICAL_INSURANCE],
  resource: 'medicalInsurance.fundViolations',
  table: 'mi_fund_violation',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    institutionCode(),
    f.date('foundDate'),
    f.enum('violationType', MedicalFundViolationType),
    f.enum('detectedBy', MedicalFundDetectionMethod),
    f.amount('amountInvolved'),
    f.amount('amountRecovered'),
    f.amount('penaltyAmount'),
    f.text('decisionNumber', 64),
  ],
  // The record carries no publicity end: the shortest period for a general violation (3 months) applies.
  repair: { dateColumn: 'repaired_date', earliest: (row) => addMonths(String(row.found_date), 3) },
});

export const medicalInsuranceIngest = [
  socialInsuranceAccountContract,
  designatedInstitutionContract,
  institutionCreditGradeContract,
  fundViolationContract,
];
