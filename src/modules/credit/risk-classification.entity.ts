import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { EnterpriseCreditRiskClass } from './credit.enums.js';

/** Market regulation's monthly enterprise credit risk classification (企业信用风险分类). */
@Entity({ tableName: 'credit_risk_classification' })
@Index({ properties: ['uscc', 'month'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class RiskClassificationEntity extends EnterpriseRecordEntity {
  /** YYYY-MM; as text so that it sorts and compares like the month it names. */
  @Property({ type: 'string', length: 7 })
  month!: string;

  @Enum({ items: () => EnterpriseCreditRiskClass })
  riskClass!: EnterpriseCreditRiskClass;
}
