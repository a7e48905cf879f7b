import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import { Department } from './department.js';
import { recordTypeOf } from './record-types.js';

@ObjectType('Provenance', { description: 'Where a record came from and how fresh it is.' })
export class ProvenanceType {
  @Field(() => Department, { description: 'Department that provided and owns the record.' })
  department!: Department;

  @Field(() => String, { description: 'The providing department’s own identifier of the record.' })
  sourceRecordId!: string;

  @Field(() => Date, { description: 'When the fact was true at the source.' })
  asOf!: Date;

  @Field(() => Date, { description: 'When the hub received the record.' })
  receivedAt!: Date;
}

@InterfaceType('SourceRecord', {
  description: 'A record provided by a department, with its provenance.',
  resolveType: (value: unknown) => recordTypeOf(value),
})
export abstract class SourceRecordType {
  // Nullable like every catalogued field, so a denial never nulls the record around it.
  @Field(() => ID, { nullable: true, description: 'The hub’s identifier of the record.' })
  id!: string | null;

  @Field(() => ProvenanceType, { nullable: true })
  provenance!: ProvenanceType | null;
}
