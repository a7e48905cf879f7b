import { Field, Int, ObjectType } from 'type-graphql';
import { SourceRecordType } from '../../common/provenance.type.js';
import { MedicalCreditGrade } from './medical-insurance.enums.js';

@ObjectType('MedicalInstitutionCreditGrade', {
  implements: SourceRecordType,
  description: 'Annual credit evaluation of a designated medical institution (定点医药机构信用评价).',
})
export class MedicalInstitutionCreditGrade extends SourceRecordType {
  @Field(() => String, {
    nullable: true,
    description: 'National medical insurance code of the evaluated institution.',
  })
  institutionCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year evaluated.' })
  year!: number | null;

  @Field(() => MedicalCreditGrade, { nullable: true })
  grade!: MedicalCreditGrade | null;

  @Field(() => Int, { nullable: true, description: 'Points out of 1000.' })
  score!: number | null;
}
