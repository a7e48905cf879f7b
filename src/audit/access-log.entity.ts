import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { PrincipalKind } from '../auth/principal.js';
import { Purpose } from '../auth/purpose.js';
import type { Denial, ResourceRead, WriteSummary } from './access-recorder.js';
import { TextArrayType } from './text-array.type.js';

/** What the access decisions of one operation were, as the recorder summarised them. */
export interface AccessDecisions {
  readonly resources: readonly ResourceRead[];
  readonly denials: readonly Denial[];
  /** Set on records of governance writes (API keys, sharing agreements); absent on reads. */
  readonly write?: GovernanceWrite;
  /** Batches written by the operation; absent for reads, so older records hash as before. */
  readonly writes?: readonly WriteSummary[];
}

/** What a governance write did: who acted is the record's principal, `reason` says why. */
export interface GovernanceWrite {
  readonly action: GovernanceAction;
  /** Kind and id of the record written, e.g. `SharingAgreement` and its UUID. */
  readonly targetType: 'ApiKey' | 'SharingAgreement' | 'TrustedDocument' | 'Portfolio' | 'WebhookEndpoint';
  readonly targetId: string;
  readonly reason: string | null;
  /** The facts of the write a later reader needs (status change, window, scopes...). */
  readonly details: Readonly<Record<string, string | readonly string[] | null>>;
}

export type GovernanceAction =
  | 'API_KEY_CREATED'
  | 'API_KEY_REVOKED'
  | 'AGREEMENT_APPLIED'
  | 'AGREEMENT_APPROVED'
  | 'AGREEMENT_REJECTED'
  | 'AGREEMENT_REVOKED'
  | 'TRUSTED_DOCUMENTS_REGISTERED'
  | 'PORTFOLIO_CREATED'
  | 'PORTFOLIO_RENAMED'
  | 'PORTFOLIO_DELETED'
  | 'PORTFOLIO_MEMBERS_ADDED'
  | 'PORTFOLIO_MEMBERS_REMOVED'
  | 'WEBHOOK_REGISTERED'
  | 'WEBHOOK_REDELIVERY_REQUESTED';

/**
 * One record per operation that read conditional, not-shared or masked data or was
 * refused some. Records form a hash chain: each hash covers every other column and
 * the previous record's hash, so a changed, removed or reordered row is detectable
 * (see `verifyChain`). Rows are only ever inserted by `appendAccessLog`.
 */
@Entity({ tableName: 'audit_access_log' })
@Index({ properties: ['occurredAt'] })
@Index({ properties: ['organisation'] })
@Index({ properties: ['usccs'], type: 'gin' })
@Index({ properties: ['resources'], type: 'gin' })
@Index({ properties: ['owners'], type: 'gin' })
export class AccessLogEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  // Millisecond precision is what a JS Date holds, so what is stored is exactly what was hashed.
  @Property({ type: 'datetime', length: 3 })
  occurredAt!: Date;

  @Property({ type: 'string', length: 128 })
  principalId!: string;

  @Property({ type: 'string', length: 64 })
  organisation!: string;

  @Enum({ items: () => PrincipalKind })
  principalKind!: PrincipalKind;

  @Enum({ items: () => Purpose, nullable: true })
  purpose!: Purpose | null;

  @Property({ type: 'string', length: 256, nullable: true })
  operationName!: string | null;

  /** SHA-256 (hex) of the operation's query text. */
  @Property({ type: 'string', length: 64 })
  documentHash!: string;

  @Property({ type: 'string', length: 64 })
  requestId!: string;

  @Property({ type: TextArrayType, columnType: 'text[]' })
  usccs!: string[];

  /** Catalog resource codes read or denied. */
  @Property({ type: TextArrayType, columnType: 'text[]' })
  resources!: string[];

  /** Departments owning those resources: what a department searches to learn who read its data. */
  @Property({ type: TextArrayType, columnType: 'text[]' })
  owners!: string[];

  @Property({ type: 'json' })
  decisions!: AccessDecisions;

  // Unique: two records claiming the same predecessor would be a fork, whatever wrote them.
  @Unique()
  @Property({ type: 'string', length: 64 })
  previousHash!: string;

  @Unique()
  @Property({ type: 'string', length: 64 })
  hash!: string;
}
