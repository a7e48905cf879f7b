import { type CatalogResource, SharingClass, UpdateCycle } from '../../auth/index.js';
import { Department } from '../../common/department.js';

const RECORD_META = ['id', 'provenance', 'enterprise'];
const SHARING_REGULATION = '《政务数据共享条例》(2025)';
const FUND_REGULATION = '《医疗保障基金使用监督管理条例》(国务院令第735号)';

// All of it is about enterprises and institutions, so nothing here is marked personal.
export const medicalInsuranceCatalog: readonly CatalogResource[] = [
  {
    code: 'medicalInsurance.socialInsuranceAccounts',
    name: 'Employer social-insurance contributions (单位参保缴费信息)',
    description: 'Insured headcount, contributions due and paid, and arrears of each employer per month.',
    owner: Department.MEDICAL_INSURANCE,
    sharing: SharingClass.CONDITIONAL,
    legalBasis: `《中华人民共和国社会保险法》; ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.MONTHLY,
    fields: {
      Enterprise: ['socialInsuranceAccounts'],
      SocialInsuranceAccount: [
        ...RECORD_META,
        'period',
        'insuredHeadcount',
        'contributionsDue',
        'contributionsPaid',
        'arrears',
      ],
    },
  },
  {
    code: 'medicalInsurance.designatedInstitutions',
    name: 'Designated medical institutions and pharmacies (定点医药机构名单)',
    description:
      'Institutions under a medical insurance agreement, as published by the bureau, with their status.',
    owner: Department.MEDICAL_INSURANCE,
    sharing: SharingClass.UNCONDITIONAL,
    legalBasis: `《医疗机构医疗保障定点管理暂行办法》(国家医疗保障局令第2号); 《零售药店医疗保障定点管理暂行办法》(国家医疗保障局令第3号); ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.MONTHLY,
    fields: {
      Enterprise: ['designatedInstitutions'],
      DesignatedMedicalInstitution: [
        ...RECORD_META,
        'institutionCode',
        'institutionType',
        'institutionName',
        'designationStatus',
        'designatedFrom',
        'statusChangedDate',
      ],
    },
  },
  {
    code: 'medicalInsurance.institutionCreditGrades',
    name: 'Credit evaluation of designated institutions (定点医药机构信用评价)',
    description: 'Annual provincial credit grade A–E (1000-point scale) of each designated institution.',
    owner: Department.MEDICAL_INSURANCE,
    sharing: SharingClass.CONDITIONAL,
    legalBasis: `${FUND_REGULATION}; ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.YEARLY,
    fields: {
      Enterprise: ['medicalInstitutionCreditGrades'],
      MedicalInstitutionCreditGrade: [...RECORD_META, 'institutionCode', 'year', 'grade', 'score'],
    },
  },
  {
    code: 'medicalInsurance.fundViolations',
    name: 'Medical insurance fund violations (医保基金违法违规信息)',
    description:
      'Violations found by DRG audit, big-data screening, inspection or report, with amounts and penalties.',
    owner: Department.MEDICAL_INSURANCE,
    sharing: SharingClass.CONDITIONAL,
    legalBasis: `${FUND_REGULATION}; ${SHARING_REGULATION}`,
    updateCycle: UpdateCycle.DAILY,
    fields: {
      Enterprise: ['medicalFundViolations'],
      MedicalFundViolation: [
        ...RECORD_META,
        'institutionCode',
        'foundDate',
        'violationType',
        'detectedBy',
        'amountInvolved',
        'amountRecovered',
        'penaltyAmount',
        'decisionNumber',
        'repairedDate',
      ],
    },
  },
];
