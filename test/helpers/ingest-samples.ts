import type { TokenClaims } from '../../src/auth/authenticate.js';
import { PRINCIPALS } from './principals.js';

/** Codes that pass both check characters (DOMAIN.md). */
export const USCC = {
  a: '91350100M000100Y43',
  b: '91310230MA1K314J7C',
  c: '91350200776049653A',
  d: '91440101MA5CJQ4N59',
  e: '9135021359498494XQ',
} as const;

export const enterpriseRecord = (uscc: string, overrides: Record<string, unknown> = {}) => ({
  sourceRecordId: `ENT-${uscc}`,
  asOf: '2026-01-05T08:00:00Z',
  uscc,
  name: `Xiamen Test Co ${uscc.slice(-4)}`,
  enterpriseType: 'LIMITED_LIABILITY',
  status: 'OPERATING',
  establishedDate: '2015-03-01',
  registeredCapital: 5000000,
  regionCode: '350200',
  industrySection: 'C',
  industryCode: '3511',
  address: '1 Test Road, Siming, Xiamen',
  businessScope: 'Manufacture of test equipment',
  legalRepresentativeName: '张三',
  legalRepresentativeIdNumber: '35020019800101123X',
  ...overrides,
});

export interface Sample {
  readonly recordType: string;
  readonly writer: TokenClaims;
  readonly record: Record<string, unknown>;
  /** Enterprise field listing the type's records, and a field of the record to read back. */
  readonly field: string;
  readonly readBack: string;
}

/** One valid record of every department record type. */
export const SAMPLES = (uscc: string): Sample[] => {
  const base = (id: string) => ({ sourceRecordId: id, asOf: '2026-01-10', uscc });
  return [
    {
      recordType: 'AdministrativePenalty',
      writer: PRINCIPALS.marketRegulation,
      field: 'penalties',
      readBack: 'decisionNumber',
      record: {
        ...base('PEN-1'),
        decisionNumber: '厦市监罚〔2025〕1号',
        decisionDate: '2025-11-01',
        authority: 'Xiamen AMR',
        penaltyType: 'FINE',
        severity: 'GENERAL',
        reason: 'False advertising',
        amount: 15000.5,
        publicityEndDate: '2026-11-01',
      },
    },
    {
      recordType: 'AdministrativeLicence',
      writer: PRINCIPALS.marketRegulation,
      field: 'licences',
      readBack: 'licenceName',
      record: {
        ...base('LIC-1'),
        decisionNumber: 'LIC-2025-1',
        licenceName: 'Food business licence',
        content: 'Retail of prepackaged food',
        decisionDate: '2025-06-01',
        validFrom: '2025-06-01',
        validTo: '2030-05-31',
        authority: 'Xiamen AMR',
        status: 'VALID',
      },
    },
    {
      recordType: 'CreditListEntry',
      writer: PRINCIPALS.court,
      field: 'listEntries',
      readBack: 'reason',
      record: {
        ...base('CL-1'),
        list: 'DISHONEST_JUDGMENT_DEBTOR',
        reason: 'Failed to perform judgment',
        listedDate: '2025-12-01',
        authority: 'Xiamen Intermediate Court',
        caseNumber: '(2025)闽02执1号',
      },
    },
    {
      recordType: 'TaxCreditEvaluation',
      writer: PRINCIPALS.tax,
      field: 'taxGrades',
      readBack: 'grade',
      record: { ...base('TAX-1'), year: 2025, grade: 'A', evaluatedDate: '2026-01-05' },
    },
    {
      recordType: 'TaxArrears',
      writer: PRINCIPALS.tax,
      field: 'taxArrears',
      readBack: 'taxType',
      record: { ...base('ARR-1'), taxType: 'VAT', amountOwed: '12000.00', arrearsSince: '2025-09-01' },
    },
    {
      recordType: 'CreditRiskClassification',
      writer: PRINCIPALS.marketRegulation,
      field: 'riskClasses',
      readBack: 'riskClass',
      record: { ...base('RC-1'), month: '2025-12', riskClass: 'B' },
    },
    {
      recordType: 'SocialInsuranceAccount',
      writer: PRINCIPALS.medicalInsurance,
      field: 'socialInsuranceAccounts',
      readBack: 'period',
      record: {
        ...base('SI-1'),
        period: '2025-12',
        insuredHeadcount: 40,
        contributionsDue: 80000,
        contributionsPaid: 70000,
        arrears: 10000,
      },
    },
    {
      recordType: 'DesignatedMedicalInstitution',
      writer: PRINCIPALS.medicalInsurance,
      field: 'designatedInstitutions',
      readBack: 'institutionName',
      record: {
        ...base('DI-1'),
        institutionCode: 'H35020000001',
        institutionType: 'HOSPITAL',
        institutionName: 'Test Hospital',
        designationStatus: 'DESIGNATED',
        designatedFrom: '2020-01-01',
      },
    },
    {
      recordType: 'MedicalInstitutionCreditGrade',
      writer: PRINCIPALS.medicalInsurance,
      field: 'medicalInstitutionCreditGrades',
      readBack: 'grade',
      record: { ...base('MG-1'), institutionCode: 'H35020000001', year: 2025, grade: 'B', score: 850 },
    },
    {
      recordType: 'MedicalFundViolation',
      writer: PRINCIPALS.medicalInsurance,
      field: 'medicalFundViolations',
      readBack: 'decisionNumber',
      record: {
        ...base('FV-1'),
        institutionCode: 'H35020000001',
        foundDate: '2025-10-01',
        violationType: 'UPCODING',
        detectedBy: 'DRG_AUDIT',
        amountInvolved: 5000,
        amountRecovered: 5000,
        penaltyAmount: 10000,
        decisionNumber: 'YB-2025-7',
      },
    },
    {
      recordType: 'TransportLicence',
      writer: PRINCIPALS.transport,
      field: 'transportLicences',
      readBack: 'licenceNumber',
      record: {
        ...base('TL-1'),
        licenceNumber: '闽交运管许可厦字350200001',
        businessScopes: ['GENERAL_FREIGHT'],
        validFrom: '2024-01-01',
        validTo: '2028-01-01',
        status: 'VALID',
      },
    },
    {
      recordType: 'TransportVehicle',
      writer: PRINCIPALS.transport,
      field: 'vehicles',
      readBack: 'plateNumber',
      record: {
        ...base('TV-1'),
        plateNumber: '闽D12345',
        category: 'TRUCK',
        keyVehicle: false,
        registrationDate: '2023-05-01',
        transportCertificateNumber: '350200123456',
      },
    },
    {
      recordType: 'TransportCreditRating',
      writer: PRINCIPALS.transport,
      field: 'transportCreditRatings',
      readBack: 'grade',
      record: { ...base('TR-1'), year: 2025, score: 92.5, penaltyPoints: 0, grade: 'AA' },
    },
    {
      recordType: 'TransportEnforcement',
      writer: PRINCIPALS.transport,
      field: 'transportEnforcements',
      readBack: 'decisionNumber',
      record: {
        ...base('TE-1'),
        decisionNumber: '厦交执罚〔2025〕9号',
        decisionDate: '2025-08-01',
        violation: 'Overloading',
        penaltyPoints: 6,
        fine: 2000,
        authority: 'Xiamen Transport',
      },
    },
    {
      recordType: 'TechCertification',
      writer: PRINCIPALS.sciTech,
      field: 'techCertifications',
      readBack: 'certificateNumber',
      record: {
        ...base('TC-1'),
        certificationType: 'HIGH_TECH_ENTERPRISE',
        certificateNumber: 'GR202535000001',
        issuingAuthority: 'Fujian S&T',
        validFrom: '2025-01-01',
        validTo: '2027-12-31',
        status: 'VALID',
      },
    },
    {
      recordType: 'RdSpending',
      writer: PRINCIPALS.sciTech,
      field: 'rdSpending',
      readBack: 'year',
      record: {
        ...base('RD-1'),
        year: 2025,
        rdExpenditure: 1200000,
        operatingRevenue: 20000000,
        rdStaffCount: 12,
      },
    },
    {
      recordType: 'PatentCount',
      writer: PRINCIPALS.sciTech,
      field: 'patentCounts',
      readBack: 'year',
      record: {
        ...base('PC-1'),
        year: 2025,
        inventionPatentsGranted: 3,
        utilityModels: 5,
        designs: 1,
        inventionApplicationsPending: 2,
      },
    },
  ];
};
