import { Check, Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { MedicalCreditGrade } from './medical-insurance.enums.js';

/** Annual credit evaluation of a designated institution (定点医药机构信用评价). */
@Entity({ tableName: 'mi_institution_credit_grade' })
@Index({ properties: ['uscc', 'year'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
@Check({ name: 'mi_institution_credit_grade_score_check', expression: 'score >= 0 and score <= 1000' })
export class InstitutionCreditGradeEntity extends EnterpriseRecordEntity {
  /** The evaluated institution: one enterprise may run several (a pharmacy chain's stores). */
  @Property({ type: 'string', length: 20 })
  institutionCode!: string;

  /** The year evaluated; the grade is issued early in the following year. */
  @Property({ type: 'integer' })
  year!: number;

  @Enum({ items: () => MedicalCreditGrade })
  grade!: MedicalCreditGrade;

  /** Points on a 1000-point scale (see MedicalCreditGrade for the bands). */
  @Property({ type: 'integer' })
  score!: number;
}
