import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { PortfolioEntity } from './portfolio.entity.js';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}

/**
 * Where a portfolio's events are posted. Deliveries are authorised as the
 * principal who registered it, for the portfolio's purpose; `afterTx`/`afterId`
 * is the feed position up to which events were queued.
 */
@Entity({ tableName: 'monitoring_webhook_endpoint' })
export class WebhookEndpointEntity {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => PortfolioEntity, { mapToPk: true, deleteRule: 'cascade', fieldName: 'portfolio_id' })
  portfolio!: string;

  @Property({ type: 'string', length: 2000 })
  url!: string;

  /** The HMAC key, shown to the owner once at registration. */
  @Property({ type: 'string', length: 64 })
  secret!: string;

  @Property({ type: 'string', length: 64 })
  organisation!: string;

  @Property({ type: 'string', length: 128 })
  principalId!: string;

  @Property({ type: 'string', length: 16 })
  principalKind!: string;

  @Property({ type: 'bigint' })
  afterTx!: string;

  @Property({ type: 'bigint' })
  afterId!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'monitoring_webhook_delivery' })
@Index({ properties: ['endpoint', 'status', 'id'] })
@Unique({ properties: ['endpoint', 'eventId'] })
export class WebhookDeliveryEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => WebhookEndpointEntity, { mapToPk: true, deleteRule: 'cascade', fieldName: 'endpoint_id' })
  endpoint!: string;

  @Property({ type: 'bigint' })
  eventId!: string;

  /** The event as decided for the endpoint's owner when it was queued. */
  @Property({ type: 'json' })
  payload!: unknown;

  @Enum({ items: () => WebhookDeliveryStatus })
  status!: WebhookDeliveryStatus;

  @Property({ type: 'integer' })
  attempts!: number;

  @Property({ type: 'datetime' })
  nextAttemptAt!: Date;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError!: string | null;

  @Property({ type: 'datetime', nullable: true })
  deliveredAt!: Date | null;
}
