import { DecimalType } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { TransportCreditGrade } from './transport-credit.enums.js';

/** One year's road transport enterprise credit evaluation (道路运输企业信用评价). */
@Entity({ tableName: 'tc_credit_rating' })
@Index({ properties: ['uscc', 'year'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class TransportCreditRatingEntity extends EnterpriseRecordEntity {
  @Property({ type: 'integer' })
  year!: number;

  /** 0–100; evaluations award fractional points, so one decimal place is kept. */
  @Property({ type: new DecimalType('number'), precision: 4, scale: 1 })
  score!: number;

  @Property({ type: 'integer' })
  penaltyPoints!: number;

  /** Stored as published by the bureau; the seeder derives it with transportGrade. */
  @Enum({ items: () => TransportCreditGrade })
  grade!: TransportCreditGrade;
}
