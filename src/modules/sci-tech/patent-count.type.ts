import { Field, Int, ObjectType } from 'type-graphql';
import { SourceRecordType } from '../../common/provenance.type.js';

@ObjectType('PatentCount', {
  implements: SourceRecordType,
  description: 'Patents held at the end of one year.',
})
export class PatentCount extends SourceRecordType {
  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => Int, { nullable: true, description: 'Invention patents granted and in force (发明专利).' })
  inventionPatentsGranted!: number | null;

  @Field(() => Int, { nullable: true, description: 'Utility model patents (实用新型).' })
  utilityModels!: number | null;

  @Field(() => Int, { nullable: true, description: 'Design patents (外观设计).' })
  designs!: number | null;

  @Field(() => Int, { nullable: true, description: 'Invention applications still under examination.' })
  inventionApplicationsPending!: number | null;
}
