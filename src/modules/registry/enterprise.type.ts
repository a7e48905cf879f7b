import { Field, Float, ObjectType } from 'type-graphql';
import { UsccScalar, DateScalar } from '../../common/scalars.js';
import { ProvenanceType } from '../../common/provenance.type.js';
import { IndustrySection } from '../../common/industry.js';
import { EnterpriseStatus, EnterpriseType } from './enterprise.enums.js';

@ObjectType('LegalRepresentative', { description: 'The enterprise’s legal representative (法定代表人).' })
export class LegalRepresentative {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Resident identity card number. Personal data.' })
  idNumber!: string | null;
}

/**
 * The enterprise, keyed by its USCC. The registry module owns the master record;
 * every other module adds its fields to this type with field resolvers, as
 * subgraphs extend an entity. Fields are nullable so that a field the caller may
 * not read can be withheld without breaking its parent.
 */
@ObjectType('Enterprise')
export class Enterprise {
  @Field(() => UsccScalar, { description: 'Unified Social Credit Code: the key every department uses.' })
  uscc!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => EnterpriseType, { nullable: true })
  enterpriseType!: EnterpriseType | null;

  @Field(() => EnterpriseStatus, { nullable: true })
  status!: EnterpriseStatus | null;

  @Field(() => DateScalar, { nullable: true })
  establishedDate!: string | null;

  @Field(() => Float, { nullable: true, description: 'Registered capital in yuan.' })
  registeredCapital!: number | null;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 division of the registering authority.' })
  regionCode!: string | null;

  @Field(() => IndustrySection, { nullable: true })
  industrySection!: IndustrySection | null;

  @Field(() => String, { nullable: true, description: 'GB/T 4754-2017 four-digit industry class.' })
  industryCode!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  businessScope!: string | null;

  @Field(() => LegalRepresentative, { nullable: true })
  legalRepresentative!: LegalRepresentative | null;

  @Field(() => ProvenanceType, { nullable: true, description: 'Provenance of the registration record.' })
  provenance!: ProvenanceType | null;
}
