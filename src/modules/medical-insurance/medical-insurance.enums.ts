import { registerEnumType } from 'type-graphql';

// Enum names carry a "Medical" prefix because the GraphQL schema is one namespace
// shared with the other departments' modules (transport has its own credit grades).

export enum MedicalInstitutionType {
  HOSPITAL = 'HOSPITAL',
  PHARMACY = 'PHARMACY',
}

export enum MedicalDesignationStatus {
  DESIGNATED = 'DESIGNATED',
  SUSPENDED = 'SUSPENDED',
  TERMINATED = 'TERMINATED',
}

/**
 * Provincial credit evaluation of designated institutions on a 1000-point scale:
 * A ≥ 900, B 800–899, C 700–799, D 600–699, E < 600; E is also given outright
 * for serious dishonesty whatever the score.
 */
export enum MedicalCreditGrade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  E = 'E',
}

export enum MedicalFundViolationType {
  FALSE_CLAIMS = 'FALSE_CLAIMS',
  UPCODING = 'UPCODING',
  DECOMPOSED_HOSPITALISATION = 'DECOMPOSED_HOSPITALISATION',
  EXCESSIVE_TREATMENT = 'EXCESSIVE_TREATMENT',
  DRUG_RESALE = 'DRUG_RESALE',
  OTHER = 'OTHER',
}

export enum MedicalFundDetectionMethod {
  DRG_AUDIT = 'DRG_AUDIT',
  BIG_DATA_SCREENING = 'BIG_DATA_SCREENING',
  ON_SITE_INSPECTION = 'ON_SITE_INSPECTION',
  REPORT = 'REPORT',
}

registerEnumType(MedicalInstitutionType, {
  name: 'MedicalInstitutionType',
  valuesConfig: {
    HOSPITAL: { description: '定点医疗机构 (hospital, clinic, health centre)' },
    PHARMACY: { description: '定点零售药店' },
  },
});
registerEnumType(MedicalDesignationStatus, {
  name: 'MedicalDesignationStatus',
  valuesConfig: {
    DESIGNATED: { description: '定点协议有效' },
    SUSPENDED: { description: '暂停医保结算 (agreement suspended)' },
    TERMINATED: { description: '解除医保协议 (agreement terminated)' },
  },
});
registerEnumType(MedicalCreditGrade, {
  name: 'MedicalCreditGrade',
  description:
    'Credit grade of a designated medical institution (1000-point scale): A ≥ 900, B 800–899, C 700–799, D 600–699, E < 600 or serious dishonesty.',
  valuesConfig: { E: { description: '严重失信 (serious dishonesty)' } },
});
registerEnumType(MedicalFundViolationType, {
  name: 'MedicalFundViolationType',
  valuesConfig: {
    FALSE_CLAIMS: { description: '虚假就医、虚构医药服务项目骗保' },
    UPCODING: { description: '高套病组/高套收费 (DRG upcoding)' },
    DECOMPOSED_HOSPITALISATION: { description: '分解住院' },
    EXCESSIVE_TREATMENT: { description: '过度诊疗、过度检查' },
    DRUG_RESALE: { description: '倒卖医保药品' },
    OTHER: { description: '其他违法违规使用医保基金' },
  },
});
registerEnumType(MedicalFundDetectionMethod, {
  name: 'MedicalFundDetectionMethod',
  valuesConfig: {
    DRG_AUDIT: { description: 'DRG/DIP 付费审核' },
    BIG_DATA_SCREENING: { description: '大数据筛查' },
    ON_SITE_INSPECTION: { description: '飞行检查/现场检查' },
    REPORT: { description: '举报' },
  },
});
