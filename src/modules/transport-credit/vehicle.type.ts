import { Field, ObjectType } from 'type-graphql';
import { SourceRecordType } from '../../common/provenance.type.js';
import { DateScalar } from '../../common/scalars.js';
import { VehicleCategory } from './transport-credit.enums.js';

@ObjectType('TransportVehicle', {
  implements: SourceRecordType,
  description: 'A commercial vehicle holding a road transport certificate.',
})
export class TransportVehicle extends SourceRecordType {
  @Field(() => String, { nullable: true, description: 'Licence plate, e.g. 闽D12345.' })
  plateNumber!: string | null;

  @Field(() => VehicleCategory, { nullable: true })
  category!: VehicleCategory | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Key vehicle under dynamic supervision (两客一危: coaches, buses, dangerous goods).',
  })
  keyVehicle!: boolean | null;

  @Field(() => DateScalar, { nullable: true })
  registrationDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Road transport certificate (道路运输证) number.' })
  transportCertificateNumber!: string | null;
}
