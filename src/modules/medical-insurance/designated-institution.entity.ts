import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { MedicalDesignationStatus, MedicalInstitutionType } from './medical-insurance.enums.js';

/** A designated medical institution or pharmacy (定点医药机构) run by the enterprise. */
@Entity({ tableName: 'mi_designated_institution' })
@Index({ properties: ['uscc', 'designatedFrom'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class DesignatedInstitutionEntity extends EnterpriseRecordEntity {
  /** National medical insurance code: H (hospital) or P (pharmacy), the GB/T 2260 division, a 5-digit serial. */
  @Property({ type: 'string', length: 20 })
  institutionCode!: string;

  @Enum({ items: () => MedicalInstitutionType })
  institutionType!: MedicalInstitutionType;

  @Property({ type: 'string', length: 200 })
  institutionName!: string;

  @Enum({ items: () => MedicalDesignationStatus })
  designationStatus!: MedicalDesignationStatus;

  @Property({ type: 'date' })
  designatedFrom!: string;

  /** When the status last left DESIGNATED; null while the agreement has always been in force. */
  @Property({ type: 'date', nullable: true })
  statusChangedDate!: string | null;
}
