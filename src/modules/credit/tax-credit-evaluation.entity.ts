import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { TaxCreditGrade } from './credit.enums.js';

/** The tax bureau's yearly tax credit evaluation (纳税信用评价) of an enterprise. */
@Entity({ tableName: 'credit_tax_evaluation' })
@Index({ properties: ['uscc', 'year'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class TaxCreditEvaluationEntity extends EnterpriseRecordEntity {
  /** The tax year evaluated; the evaluation is published in the following year. */
  @Property({ type: 'integer' })
  year!: number;

  @Enum({ items: () => TaxCreditGrade })
  grade!: TaxCreditGrade;

  @Property({ type: 'date' })
  evaluatedDate!: string;
}
