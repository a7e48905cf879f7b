import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';
import { TransportBusinessScope, TransportLicenceStatus } from './transport-credit.enums.js';

/** Road transport operating licence (道路运输经营许可证). */
@Entity({ tableName: 'tc_licence' })
@Index({ properties: ['uscc', 'validFrom'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class TransportLicenceEntity extends EnterpriseRecordEntity {
  @Property({ type: 'string', length: 64 })
  licenceNumber!: string;

  /**
   * A PostgreSQL text[] (MikroORM's enum array type), which PGlite stores and returns
   * the same way; raw rows come back as JS arrays from both drivers.
   */
  @Enum({ items: () => TransportBusinessScope, array: true })
  businessScopes!: TransportBusinessScope[];

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date' })
  validTo!: string;

  @Enum({ items: () => TransportLicenceStatus })
  status!: TransportLicenceStatus;
}
