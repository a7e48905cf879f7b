import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Department } from '../../common/department.js';
import { Purpose } from '../purpose.js';
import type { HubModule } from '../../server/hub-module.js';
import type { SharingAgreementEntity } from './agreement.entity.js';
import { SharingAgreementStatus } from './agreement.enums.js';
import { catalogResource, effectiveStatus } from './agreement.service.js';

@ObjectType('SharingAgreement', {
  description:
    'A consumer organisation’s agreement (共享协议) to read one conditionally shared catalog resource for stated purposes.',
})
export class SharingAgreement {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Organisation that applied and that reads under the agreement.' })
  consumerOrganisation!: string;

  @Field(() => String, { description: 'Catalog resource code, e.g. credit.taxGrades.' })
  resource!: string;

  @Field(() => String, { description: 'Catalog name of the resource.' })
  resourceName!: string;

  @Field(() => Department, { description: 'Department that owns the resource and decides the application.' })
  ownerDepartment!: Department;

  @Field(() => [Purpose])
  purposes!: Purpose[];

  @Field(() => String, { description: 'The consumer’s justification.' })
  reason!: string;

  @Field(() => SharingAgreementStatus, { description: 'EXPIRED when approved but past validTo.' })
  status!: SharingAgreementStatus;

  @Field(() => Date, { nullable: true, description: 'Start of the approved window.' })
  validFrom!: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of the approved window (exclusive).' })
  validTo!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the owner approved or rejected the application.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The owner’s reason for a rejection.' })
  decisionReason!: string | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  revocationReason!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

/** What clients see of an agreement; who acted inside each organisation stays in the table. */
export function toSharingAgreement(
  modules: readonly HubModule[],
  entity: SharingAgreementEntity,
  now: Date = new Date(),
): SharingAgreement {
  return {
    id: entity.id,
    consumerOrganisation: entity.consumerOrg,
    resource: entity.resource,
    resourceName: catalogResource(modules, entity.resource)?.name ?? entity.resource,
    ownerDepartment: entity.ownerDepartment,
    purposes: entity.purposes,
    reason: entity.reason,
    status: effectiveStatus(entity, now),
    validFrom: entity.validFrom,
    validTo: entity.validTo,
    decidedAt: entity.decidedAt,
    decisionReason: entity.decisionReason,
    revokedAt: entity.revokedAt,
    revocationReason: entity.revocationReason,
    createdAt: entity.createdAt,
  };
}

@InputType('ApplyForSharingInput')
export class ApplyForSharingInput {
  @Field(() => String, { description: 'Catalog code of a conditionally shared resource.' })
  resource!: string;

  @Field(() => [Purpose], {
    description: 'Purposes of use the agreement is to cover; at least one, none repeated.',
  })
  purposes!: Purpose[];

  @Field(() => String, { description: 'Why the organisation needs the resource, 10 to 2000 characters.' })
  reason!: string;
}
