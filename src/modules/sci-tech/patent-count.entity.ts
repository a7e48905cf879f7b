import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EnterpriseRecordEntity } from '../registry/index.js';

/** Patents an enterprise holds at the end of one year (stock, not the year's flow). */
@Entity({ tableName: 'st_patent_count' })
@Index({ properties: ['uscc', 'year'] })
@Unique({ properties: ['department', 'sourceRecordId'] })
export class PatentCountEntity extends EnterpriseRecordEntity {
  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  inventionPatentsGranted!: number;

  @Property({ type: 'integer' })
  utilityModels!: number;

  @Property({ type: 'integer' })
  designs!: number;

  @Property({ type: 'integer' })
  inventionApplicationsPending!: number;
}
