import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Department } from '../../common/department.js';
import { PrincipalKind } from '../principal.js';
import type { ApiKeyEntity } from './api-key.entity.js';

@ObjectType('ApiKey', {
  description: 'A machine client’s API key. The secret is never shown again after creation.',
})
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Public part of the key (hub_<prefix>_…), to recognise it in logs.' })
  prefix!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Subject of the principal the key authenticates as.' })
  subject!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => PrincipalKind)
  kind!: PrincipalKind;

  @Field(() => Department, { nullable: true, description: 'Set for DEPARTMENT keys.' })
  department!: Department | null;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { description: 'Subject of the admin who created the key.' })
  createdBy!: string;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  revokedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'Last successful use, to the minute.' })
  lastUsedAt!: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKey {
  @Field(() => String, {
    description:
      'The key, hub_<prefix>_<secret>. Shown only in this response: store it now; it cannot be read again.',
  })
  key!: string;

  @Field(() => ApiKey)
  apiKey!: ApiKey;
}

@InputType('CreateApiKeyInput')
export class CreateApiKeyInput {
  @Field(() => String, {
    description: 'A label, e.g. "Xiamen bank risk engine (prod)"; at most 100 characters.',
  })
  name!: string;

  @Field(() => String, {
    description: 'Subject of the principal the key authenticates as; at most 128 characters.',
  })
  subject!: string;

  @Field(() => String, {
    description:
      'Institution id such as BANK_XM_001, or a Department code for DEPARTMENT keys; at most 64 characters.',
  })
  organisation!: string;

  @Field(() => PrincipalKind)
  kind!: PrincipalKind;

  @Field(() => [String], { nullable: true, description: 'Scope tokens of letters, digits and : . _ -' })
  scopes?: string[] | null;
}

/** The GraphQL view of a key: everything but the hash. */
export function toApiKey(record: ApiKeyEntity): ApiKey {
  return {
    id: record.id,
    prefix: record.prefix,
    name: record.name,
    subject: record.principalId,
    organisation: record.organisation,
    kind: record.kind,
    department: record.department,
    scopes: record.scopes.split(' ').filter(Boolean),
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    revokedAt: record.revokedAt,
    revokedBy: record.revokedBy,
    lastUsedAt: record.lastUsedAt,
  };
}
