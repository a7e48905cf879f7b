import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SourceRecordType } from '../../common/provenance.type.js';

@ObjectType('RdSpending', {
  implements: SourceRecordType,
  description: 'R&D spending of one fiscal year (研发投入).',
})
export class RdSpending extends SourceRecordType {
  @Field(() => Int, { nullable: true, description: 'Fiscal year.' })
  year!: number | null;

  @Field(() => Float, { nullable: true, description: 'R&D expenditure in yuan.' })
  rdExpenditure!: number | null;

  @Field(() => Float, { nullable: true, description: 'Operating revenue in yuan.' })
  operatingRevenue!: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of R&D staff.' })
  rdStaffCount!: number | null;
}
