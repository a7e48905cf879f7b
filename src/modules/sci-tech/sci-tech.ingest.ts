import { Department } from '../../common/department.js';
import { defineContract, f, ordered } from '../../db/index.js';
import { TechCertificationStatus, TechCertificationType } from './sci-tech.enums.js';

export const certificationContract = defineContract({
  recordType: 'TechCertification',
  description: 'High-tech enterprise or tech SME certification.',
  owners: [Department.SCIENCE_TECHNOLOGY],
  resource: 'sciTech.certifications',
  table: 'st_certification',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.enum('certificationType', TechCertificationType),
    f.text('certificateNumber', 40),
    f.text('issuingAuthority', 200),
    f.date('validFrom'),
    f.date('validTo', { future: true }),
    f.enum('status', TechCertificationStatus),
  ],
  rules: [ordered('validFrom', 'validTo')],
});

export const rdSpendingContract = defineContract({
  recordType: 'RdSpending',
  description: 'R&D expenditure, operating revenue and R&D staff for a year.',
  owners: [Department.SCIENCE_TECHNOLOGY],
  resource: 'sciTech.rdSpending',
  table: 'st_rd_spending',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.int('year', 1990, 9999),
    f.amount('rdExpenditure', { precision: 18 }),
    f.amount('operatingRevenue', { precision: 18 }),
    f.int('rdStaffCount', 0, 10_000_000),
  ],
});

export const patentCountContract = defineContract({
  recordType: 'PatentCount',
  description: 'Patents granted and pending for a year.',
  owners: [Department.SCIENCE_TECHNOLOGY],
  resource: 'sciTech.patentCounts',
  table: 'st_patent_count',
  key: 'sourceRecordId',
  fields: [
    f.uscc(),
    f.int('year', 1990, 9999),
    f.int('inventionPatentsGranted', 0, 10_000_000),
    f.int('utilityModels', 0, 10_000_000),
    f.int('designs', 0, 10_000_000),
    f.int('inventionApplicationsPending', 0, 10_000_000),
  ],
});

export const sciTechIngest = [certificationContract, rdSpendingContract, patentCountContract];
