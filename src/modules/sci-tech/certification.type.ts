import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';
import { SourceRecordType } from '../../common/provenance.type.js';
import { TechCertificationStatus, TechCertificationType } from './sci-tech.enums.js';

@ObjectType('TechCertification', {
  implements: SourceRecordType,
  description: 'A science and technology certification held by the enterprise.',
})
export class TechCertification extends SourceRecordType {
  @Field(() => TechCertificationType, { nullable: true })
  certificationType!: TechCertificationType | null;

  @Field(() => String, {
    nullable: true,
    description: 'Certificate number, e.g. GR202335000123 for a high-tech enterprise.',
  })
  certificateNumber!: string | null;

  @Field(() => String, { nullable: true })
  issuingAuthority!: string | null;

  @Field(() => DateScalar, { nullable: true })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of validity (inclusive).' })
  validTo!: string | null;

  @Field(() => TechCertificationStatus, {
    nullable: true,
    description: 'Status as reported by the issuer; use validOnly to judge validity on a date.',
  })
  status!: TechCertificationStatus | null;
}
