import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';
import { SourceRecordType } from '../../common/provenance.type.js';
import { MedicalDesignationStatus, MedicalInstitutionType } from './medical-insurance.enums.js';

@ObjectType('DesignatedMedicalInstitution', {
  implements: SourceRecordType,
  description: 'A designated medical institution or pharmacy (定点医药机构) run by the enterprise.',
})
export class DesignatedMedicalInstitution extends SourceRecordType {
  @Field(() => String, {
    nullable: true,
    description:
      'National medical insurance institution code, e.g. H35020300123 (hospital) or P35020300456 (pharmacy).',
  })
  institutionCode!: string | null;

  @Field(() => MedicalInstitutionType, { nullable: true })
  institutionType!: MedicalInstitutionType | null;

  @Field(() => String, { nullable: true })
  institutionName!: string | null;

  @Field(() => MedicalDesignationStatus, { nullable: true })
  designationStatus!: MedicalDesignationStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the designation agreement took effect.' })
  designatedFrom!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the agreement was suspended or terminated; null while it has always been in force.',
  })
  statusChangedDate!: string | null;
}
