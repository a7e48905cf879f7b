import { Field, ObjectType } from 'type-graphql';
import { SourceRecordType } from '../../common/provenance.type.js';
import { DateScalar } from '../../common/scalars.js';
import { TransportBusinessScope, TransportLicenceStatus } from './transport-credit.enums.js';

@ObjectType('TransportLicence', {
  implements: SourceRecordType,
  description: 'Road transport operating licence (道路运输经营许可证).',
})
export class TransportLicence extends SourceRecordType {
  @Field(() => String, { nullable: true })
  licenceNumber!: string | null;

  @Field(() => [TransportBusinessScope], { nullable: true, description: 'Scopes the licence permits.' })
  businessScopes!: TransportBusinessScope[] | null;

  @Field(() => DateScalar, { nullable: true })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true })
  validTo!: string | null;

  @Field(() => TransportLicenceStatus, { nullable: true })
  status!: TransportLicenceStatus | null;
}
