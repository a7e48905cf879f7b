import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SharingClass } from '../auth/catalog.js';
import { PrincipalKind } from '../auth/principal.js';
import { Purpose } from '../auth/purpose.js';
import { UsccScalar } from '../common/scalars.js';
import { connectionType } from '../server/pagination.js';

@ObjectType('AccessLogFieldCount', { description: 'A field read and how many values of it were served.' })
export class AccessLogFieldCount {
  @Field(() => String, { description: 'Type.field, e.g. TaxArrears.amount.' })
  field!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('AccessLogResourceRead', { description: 'A catalog resource an operation read.' })
export class AccessLogResourceRead {
  @Field(() => String, { description: 'Catalog resource code.' })
  resource!: string;

  @Field(() => SharingClass)
  sharing!: SharingClass;

  @Field(() => String, { description: 'Department that owns the resource.' })
  owner!: string;

  @Field(() => Boolean, { description: 'Personal data served masked.' })
  masked!: boolean;

  @Field(() => String, { nullable: true, description: 'Sharing agreement the read was made under.' })
  agreementId!: string | null;

  @Field(() => [AccessLogFieldCount])
  fields!: AccessLogFieldCount[];
}

@ObjectType('AccessLogDenial', { description: 'A field an operation asked for and was refused.' })
export class AccessLogDenial {
  @Field(() => String, { description: 'Type.field.' })
  field!: string;

  @Field(() => String, { nullable: true })
  resource!: string | null;

  @Field(() => String, { nullable: true })
  owner!: string | null;

  @Field(() => String, { description: 'Why it was refused, e.g. NO_AGREEMENT.' })
  reason!: string;

  @Field(() => Int, { description: 'How many times it was refused in the operation.' })
  count!: number;
}

@ObjectType('AccessLogWriteDetail', { description: 'One fact of a governance write, e.g. validTo.' })
export class AccessLogWriteDetail {
  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'The value; several for lists (purposes, scopes), none for null.' })
  values!: string[];
}

@ObjectType('AccessLogWrite', {
  description:
    'A governance write (API key, sharing agreement): the record’s principal acted; this is what and why.',
})
export class AccessLogWrite {
  @Field(() => String, {
    description:
      'API_KEY_CREATED, API_KEY_REVOKED, AGREEMENT_APPLIED, AGREEMENT_APPROVED, AGREEMENT_REJECTED or AGREEMENT_REVOKED.',
  })
  action!: string;

  @Field(() => String, { description: 'ApiKey or SharingAgreement.' })
  targetType!: string;

  @Field(() => ID)
  targetId!: string;

  @Field(() => String, { nullable: true, description: 'The reason given, where the action takes one.' })
  reason!: string | null;

  @Field(() => [AccessLogWriteDetail])
  details!: AccessLogWriteDetail[];
}

@ObjectType('AccessLogRecord', {
  description:
    'What one operation read of conditional, not-shared or personal data, and what it was refused. ' +
    'Records are hash-chained: hash = SHA-256 of the canonical record including previousHash.',
})
export class AccessLogRecord {
  @Field(() => ID, { description: 'Increasing position in the log.' })
  id!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => String)
  principalId!: string;

  @Field(() => String, { description: 'Department code or institution id of the caller.' })
  organisation!: string;

  @Field(() => PrincipalKind)
  principalKind!: PrincipalKind;

  @Field(() => Purpose, { nullable: true, description: 'Declared purpose of use (X-Purpose).' })
  purpose!: Purpose | null;

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field(() => String, { description: 'SHA-256 (hex) of the query text.' })
  documentHash!: string;

  @Field(() => String)
  requestId!: string;

  @Field(() => [UsccScalar], { description: 'Enterprises the operation touched.' })
  usccs!: string[];

  @Field(() => [String], { description: 'Catalog resources read or refused.' })
  resources!: string[];

  @Field(() => [String], { description: 'Departments owning those resources.' })
  owners!: string[];

  @Field(() => [AccessLogResourceRead])
  resourcesRead!: AccessLogResourceRead[];

  @Field(() => [AccessLogDenial])
  denials!: AccessLogDenial[];

  @Field(() => AccessLogWrite, {
    nullable: true,
    description: 'Set when the record is of a governance write.',
  })
  write!: AccessLogWrite | null;

  @Field(() => String, { description: 'Hash of the record before this one; 64 zeros for the first.' })
  previousHash!: string;

  @Field(() => String)
  hash!: string;
}

export const AccessLogConnection = connectionType(AccessLogRecord, 'AccessLog');

@InputType('AccessLogFilter', { description: 'All given conditions must hold.' })
export class AccessLogFilter {
  @Field(() => UsccScalar, { nullable: true, description: 'Records that touched this enterprise.' })
  uscc?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Records that read or were refused this catalog resource.',
  })
  resource?: string;

  @Field(() => String, { nullable: true, description: 'Records of callers from this organisation.' })
  organisation?: string;

  @Field(() => Date, { nullable: true, description: 'Records at or after this instant.' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Records before this instant (exclusive).' })
  to?: Date;
}

/** GraphQL object types of the access log, kept out of the field-level sharing rules. */
export const ACCESS_LOG_TYPES = [
  'AccessLogRecord',
  'AccessLogResourceRead',
  'AccessLogFieldCount',
  'AccessLogDenial',
  'AccessLogConnection',
  'AccessLogEdge',
  'AccessLogWrite',
  'AccessLogWriteDetail',
] as const;
