import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { TechCertificationStatus, TechCertificationType } from './sci-tech.enums.js';

/** A science and technology certification (高新技术企业, 科技型中小企业, ...), as published by its issuer. */
@Entity({ tableName: 'st_certification' })
@Index({ properties: ['uscc', 'validFrom'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class TechCertificationEntity extends EnterpriseRecordEntity {
  @Enum({ items: () => TechCertificationType })
  certificationType!: TechCertificationType;

  /** e.g. GR202335000123 for a high-tech certificate, the 入库登记编号 for a tech SME. */
  @Property({ type: 'string', length: 40 })
  certificateNumber!: string;

  @Property({ type: 'string', length: 200 })
  issuingAuthority!: string;

  @Property({ type: 'date' })
  validFrom!: string;

  /** Last day of validity (inclusive). */
  @Property({ type: 'date' })
  validTo!: string;

  @Enum({ items: () => TechCertificationStatus })
  status!: TechCertificationStatus;
}
