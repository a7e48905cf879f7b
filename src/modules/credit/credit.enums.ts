import { registerEnumType } from 'type-graphql';

export enum PenaltyType {
  WARNING = 'WARNING',
  FINE = 'FINE',
  CONFISCATION = 'CONFISCATION',
  SUSPENSION = 'SUSPENSION',
  LICENCE_REVOCATION = 'LICENCE_REVOCATION',
  OTHER = 'OTHER',
}

/** Severity drives the minimum publicity period before credit repair (minor ≤ 3 months, general 3–12, serious 12–36). */
export enum PenaltySeverity {
  MINOR = 'MINOR',
  GENERAL = 'GENERAL',
  SERIOUS = 'SERIOUS',
}

registerEnumType(PenaltyType, { name: 'PenaltyType' });
registerEnumType(PenaltySeverity, { name: 'PenaltySeverity' });

export enum AdministrativeLicenceStatus {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  CANCELLED = 'CANCELLED',
}

/** The credit lists an enterprise can be put on; the first two are market regulation's, the third the courts'. */
export enum CreditList {
  BUSINESS_ANOMALY = 'BUSINESS_ANOMALY',
  SERIOUS_DISHONESTY = 'SERIOUS_DISHONESTY',
  DISHONEST_JUDGMENT_DEBTOR = 'DISHONEST_JUDGMENT_DEBTOR',
}

export enum CreditListRemovalReason {
  EXPIRED = 'EXPIRED',
  REPAIRED = 'REPAIRED',
  PERFORMED = 'PERFORMED',
  CORRECTED = 'CORRECTED',
}

/** 纳税信用等级 under 《纳税信用管理办法》; M is given to new or low-activity taxpayers. */
export enum TaxCreditGrade {
  A = 'A',
  B = 'B',
  M = 'M',
  C = 'C',
  D = 'D',
}

/** 企业信用风险分类: A is the lowest risk and is inspected least often. */
export enum EnterpriseCreditRiskClass {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

registerEnumType(AdministrativeLicenceStatus, {
  name: 'AdministrativeLicenceStatus',
  valuesConfig: {
    VALID: { description: '有效' },
    EXPIRED: { description: '有效期届满' },
    REVOKED: { description: '撤销/吊销' },
    CANCELLED: { description: '注销' },
  },
});
registerEnumType(CreditList, {
  name: 'CreditList',
  valuesConfig: {
    BUSINESS_ANOMALY: { description: '经营异常名录 (market regulation)' },
    SERIOUS_DISHONESTY: { description: '严重违法失信名单 (market regulation)' },
    DISHONEST_JUDGMENT_DEBTOR: { description: '失信被执行人名单 (courts)' },
  },
});
registerEnumType(CreditListRemovalReason, {
  name: 'CreditListRemovalReason',
  valuesConfig: {
    EXPIRED: { description: 'The listing period ended.' },
    REPAIRED: { description: 'Credit repair (信用修复) was granted.' },
    PERFORMED: { description: 'The judgment debtor performed its obligations and was removed early.' },
    CORRECTED: { description: 'The listing was found to be wrong and was corrected.' },
  },
});
registerEnumType(TaxCreditGrade, {
  name: 'TaxCreditGrade',
  description: '纳税信用等级 (A best, D worst; M for new or low-activity taxpayers).',
});
registerEnumType(EnterpriseCreditRiskClass, {
  name: 'EnterpriseCreditRiskClass',
  description: '企业信用风险分类 of market regulation: A low risk to D high risk.',
});
