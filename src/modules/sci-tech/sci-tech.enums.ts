import { registerEnumType } from 'type-graphql';

export enum TechCertificationType {
  HIGH_TECH_ENTERPRISE = 'HIGH_TECH_ENTERPRISE',
  TECH_SME = 'TECH_SME',
  SPECIALISED_NEW = 'SPECIALISED_NEW',
  OTHER = 'OTHER',
}

/** As reported by the issuing authority; a VALID certificate past its valid_to is not valid (see the validOnly filter). */
export enum TechCertificationStatus {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(TechCertificationType, {
  name: 'TechCertificationType',
  valuesConfig: {
    HIGH_TECH_ENTERPRISE: {
      description: '高新技术企业 (High and New Technology Enterprise), valid 3 years.',
    },
    TECH_SME: { description: '科技型中小企业 (technology-based SME), evaluated every year.' },
    SPECIALISED_NEW: {
      description: '专精特新中小企业 (specialised, refined, distinctive and innovative SME).',
    },
    OTHER: { description: 'Other science and technology recognitions.' },
  },
});
registerEnumType(TechCertificationStatus, { name: 'TechCertificationStatus' });
