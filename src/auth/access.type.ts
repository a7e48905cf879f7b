import { Field, ID, ObjectType } from 'type-graphql';
import { Department } from '../common/department.js';
import { SharingClass, UpdateCycle } from './catalog.js';
import { PrincipalKind } from './principal.js';
import { Purpose } from './purpose.js';

@ObjectType('Me', { description: 'The principal the request authenticated as.' })
export class MeType {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  organisation!: string;

  @Field(() => PrincipalKind)
  kind!: PrincipalKind;

  @Field(() => Department, { nullable: true })
  department!: Department | null;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => String, { description: '"jwt" or "api-key".' })
  via!: string;

  @Field(() => Purpose, { nullable: true, description: 'Purpose declared in X-Purpose.' })
  purpose!: Purpose | null;
}

@ObjectType('CatalogField')
export class CatalogFieldType {
  @Field(() => String, { description: 'GraphQL type, e.g. TaxCreditEvaluation.' })
  typeName!: string;

  @Field(() => String)
  fieldName!: string;

  @Field(() => Boolean, { description: 'Personal data: served masked to anyone but its owner.' })
  personal!: boolean;
}

@ObjectType('ResourceAccess', {
  description: 'A catalog resource (信息资源目录 entry) and whether the caller may read it for a purpose.',
})
export class ResourceAccessType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Department)
  owner!: Department;

  @Field(() => SharingClass)
  sharing!: SharingClass;

  @Field(() => String)
  legalBasis!: string;

  @Field(() => UpdateCycle)
  updateCycle!: UpdateCycle;

  @Field(() => [CatalogFieldType])
  fields!: CatalogFieldType[];

  @Field(() => Boolean, {
    description: 'Whether the caller may read these fields for the purpose asked about.',
  })
  readable!: boolean;

  @Field(() => Boolean, { description: 'Whether some of its fields are served masked to the caller.' })
  masked!: boolean;

  @Field(() => String, { nullable: true, description: 'Why not, when not readable (e.g. NO_AGREEMENT).' })
  deniedReason!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The agreement that grants it, for conditional resources.',
  })
  agreementId!: string | null;

  @Field(() => [Purpose], { description: 'Purposes the caller’s active agreements grant for this resource.' })
  grantedPurposes!: Purpose[];
}

export const ACCESS_TYPES = ['Me', 'CatalogField', 'ResourceAccess'];
