import { ManyToOne, PrimaryKey } from '@mikro-orm/decorators/legacy';
import { ProvenanceEntity } from '../../db/index.js';
import { EnterpriseEntity } from './enterprise.entity.js';

/**
 * Base of every department record about one enterprise: other modules extend it
 * to point at the Enterprise key, as subgraphs reference an entity they do not own.
 * `uscc` holds the key itself (mapToPk), so reading it never loads the enterprise.
 */
export abstract class EnterpriseRecordEntity extends ProvenanceEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  // Each entity indexes uscc together with its ordering column.
  @ManyToOne(() => EnterpriseEntity, {
    mapToPk: true,
    fieldName: 'uscc',
    deleteRule: 'cascade',
    index: false,
  })
  uscc!: string;
}
