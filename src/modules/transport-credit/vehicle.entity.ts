import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { VehicleCategory } from './transport-credit.enums.js';

/** A commercial vehicle operated under a road transport certificate (道路运输证). */
@Entity({ tableName: 'tc_vehicle' })
@Index({ properties: ['uscc', 'registrationDate'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class VehicleEntity extends EnterpriseRecordEntity {
  @Property({ type: 'string', length: 16 })
  plateNumber!: string;

  @Enum({ items: () => VehicleCategory })
  category!: VehicleCategory;

  /** 两客一危: stored as the bureau reports it, so filtering needs no knowledge of categories. */
  @Property({ type: 'boolean' })
  keyVehicle!: boolean;

  @Property({ type: 'date' })
  registrationDate!: string;

  @Property({ type: 'string', length: 64 })
  transportCertificateNumber!: string;
}
