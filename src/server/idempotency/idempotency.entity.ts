import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The first result of a mutation sent with an Idempotency-Key, kept for the
 * window IDEMPOTENCY_WINDOW_SECONDS so a retry gets it back instead of doing the
 * work again. Keyed by principal and key: two callers can never see each other's.
 * `response` is null while the first request is still running.
 */
@Entity({ tableName: 'hub_idempotency_key' })
@Index({ properties: ['expiresAt'] })
export class IdempotencyKeyEntity {
  /** `kind:organisation/subject` of the caller. */
  @PrimaryKey({ type: 'string', length: 200 })
  principal!: string;

  @PrimaryKey({ type: 'string', length: 128 })
  idempotencyKey!: string;

  /** SHA-256 of the operation text, operation name and variables: a retry must send the same request. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  /** The GraphQL response body as JSON. */
  @Property({ type: 'text', nullable: true })
  response!: string | null;

  @Property({ type: 'integer', nullable: true })
  httpStatus!: number | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
