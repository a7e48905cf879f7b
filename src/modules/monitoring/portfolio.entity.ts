import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Purpose } from '../../auth/index.js';

/**
 * A watch list of one consumer organisation: the enterprises it holds, and the
 * purpose of use it watches them under (every event is authorised for it).
 */
@Entity({ tableName: 'monitoring_portfolio' })
@Unique({ properties: ['organisation', 'name'] })
export class PortfolioEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @Property({ type: 'string', length: 64 })
  organisation!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => Purpose })
  purpose!: Purpose;

  /** SCORE_MOVED events under this many points are not delivered. */
  @Property({ type: 'double' })
  scoreThreshold!: number;

  /** `organisation/principal-id` of the creator. */
  @Property({ type: 'string', length: 200 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}

/** One watched USCC of a portfolio (a code may be watched before it is registered). */
@Entity({ tableName: 'monitoring_portfolio_member' })
export class PortfolioMemberEntity {
  @ManyToOne(() => PortfolioEntity, { primary: true, mapToPk: true, deleteRule: 'cascade' })
  portfolio!: string;

  @Index()
  @PrimaryKey({ type: 'string', length: 18 })
  uscc!: string;

  @Property({ type: 'datetime' })
  addedAt!: Date;
}
