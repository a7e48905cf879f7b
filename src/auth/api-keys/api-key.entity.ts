import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Department } from '../../common/department.js';
import { PrincipalKind } from '../principal.js';

/**
 * A machine client's key. Only the SHA-256 of the secret is kept: the key itself
 * is shown once at creation and cannot be recovered from this row.
 */
@Entity({ tableName: 'auth_api_key' })
export class ApiKeyEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Public part of the key, used to find the row without scanning hashes. */
  @Property({ type: 'string', length: 16, unique: true })
  prefix!: string;

  /** Hex SHA-256 of the secret part. */
  @Property({ type: 'string', length: 64 })
  secretHash!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** Subject of the principal the key authenticates as. */
  @Property({ type: 'string', length: 128 })
  principalId!: string;

  @Property({ type: 'string', length: 64 })
  organisation!: string;

  @Enum({ items: () => PrincipalKind })
  kind!: PrincipalKind;

  // Text, not an enum: the departments are what the hub's modules declare (no fixed list in the database).
  @Property({ type: 'text', nullable: true })
  department!: Department | null;

  /** Space-separated, so the column is plain text on PostgreSQL and PGlite alike. */
  @Property({ type: 'text' })
  scopes!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'string', length: 128 })
  createdBy!: string;

  @Property({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;

  @Property({ type: 'string', length: 128, nullable: true })
  revokedBy!: string | null;

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;
}
