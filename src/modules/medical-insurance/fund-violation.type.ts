import { Field, Float, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';
import { SourceRecordType } from '../../common/provenance.type.js';
import { MedicalFundDetectionMethod, MedicalFundViolationType } from './medical-insurance.enums.js';

@ObjectType('MedicalFundViolation', {
  implements: SourceRecordType,
  description:
    'A violation in the use of the medical insurance fund (医保基金违法违规) and its penalty decision.',
})
export class MedicalFundViolation extends SourceRecordType {
  @Field(() => String, {
    nullable: true,
    description: 'National medical insurance code of the institution at fault.',
  })
  institutionCode!: string | null;

  @Field(() => DateScalar, { nullable: true })
  foundDate!: string | null;

  @Field(() => MedicalFundViolationType, { nullable: true })
  violationType!: MedicalFundViolationType | null;

  @Field(() => MedicalFundDetectionMethod, { nullable: true })
  detectedBy!: MedicalFundDetectionMethod | null;

  @Field(() => Float, { nullable: true, description: 'Fund money wrongly paid out, in yuan.' })
  amountInvolved!: number | null;

  @Field(() => Float, { nullable: true, description: 'Returned to the fund so far, in yuan.' })
  amountRecovered!: number | null;

  @Field(() => Float, { nullable: true, description: 'Fine imposed, in yuan.' })
  penaltyAmount!: number | null;

  @Field(() => String, { nullable: true })
  decisionNumber!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date credit repair was granted, if it was.' })
  repairedDate!: string | null;
}
