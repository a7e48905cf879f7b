import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import type { Department } from '../../common/department.js';
import { Purpose } from '../purpose.js';
import { STORED_AGREEMENT_STATUSES, type StoredAgreementStatus } from './agreement.enums.js';

/**
 * A consumer organisation's agreement to read one conditionally shared catalog
 * resource for stated purposes (有条件共享). Who acted is kept as
 * `organisation/principal-id`, because principal ids are unique only within
 * their organisation and a revocation may come from the hub operator.
 */
@Entity({ tableName: 'auth_sharing_agreement' })
@Index({ properties: ['consumerOrg', 'status', 'resource'] })
@Index({ properties: ['ownerDepartment', 'status'] })
export class SharingAgreementEntity {
  [OptionalProps]?:
    | 'id'
    | 'validFrom'
    | 'validTo'
    | 'decidedBy'
    | 'decidedAt'
    | 'decisionReason'
    | 'revokedBy'
    | 'revokedAt'
    | 'revocationReason'
    | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64 })
  consumerOrg!: string;

  @Property({ type: 'string', length: 200 })
  applicant!: string;

  /** Code of a catalog resource, e.g. `credit.taxGrades`. */
  @Property({ type: 'string', length: 100 })
  resource!: string;

  @Enum({ items: () => Purpose, array: true })
  purposes!: Purpose[];

  @Property({ type: 'text' })
  reason!: string;

  @Enum({ items: STORED_AGREEMENT_STATUSES })
  status!: StoredAgreementStatus;

  /** Copied from the catalog at application time, so a later catalog change cannot move the decision. */
  // Text, not an enum: the departments are what the hub's modules declare (no fixed list in the database).
  @Property({ type: 'text' })
  ownerDepartment!: Department;

  @Property({ type: 'datetime', nullable: true })
  validFrom: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  validTo: Date | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  revokedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  revocationReason: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
