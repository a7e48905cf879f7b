import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DecimalType } from '@mikro-orm/core';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { MedicalFundDetectionMethod, MedicalFundViolationType } from './medical-insurance.enums.js';

/** A violation in the use of the medical insurance fund (医保基金违法违规) and its penalty decision. */
@Entity({ tableName: 'mi_fund_violation' })
@Index({ properties: ['uscc', 'foundDate'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class MedicalFundViolationEntity extends EnterpriseRecordEntity {
  /** The designated institution at fault. */
  @Property({ type: 'string', length: 20 })
  institutionCode!: string;

  @Property({ type: 'date' })
  foundDate!: string;

  @Enum({ items: () => MedicalFundViolationType })
  violationType!: MedicalFundViolationType;

  @Enum({ items: () => MedicalFundDetectionMethod })
  detectedBy!: MedicalFundDetectionMethod;

  /** Fund money wrongly paid out, in yuan. */
  @Property({ type: new DecimalType('number'), precision: 16, scale: 2 })
  amountInvolved!: number;

  /** Returned to the fund so far, in yuan. */
  @Property({ type: new DecimalType('number'), precision: 16, scale: 2 })
  amountRecovered!: number;

  /** Fine imposed, in yuan (a multiple of the amount involved under the regulation). */
  @Property({ type: new DecimalType('number'), precision: 16, scale: 2 })
  penaltyAmount!: number;

  @Property({ type: 'string', length: 64 })
  decisionNumber!: string;

  /** Set when credit repair (信用修复) was granted: the record stops being published and shared. */
  @Property({ type: 'date', nullable: true })
  repairedDate!: string | null;
}
