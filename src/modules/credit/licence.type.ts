import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars.js';
import { SourceRecordType } from '../../common/provenance.type.js';
import { AdministrativeLicenceStatus } from './credit.enums.js';

@ObjectType('AdministrativeLicence', { implements: SourceRecordType })
export class AdministrativeLicence extends SourceRecordType {
  @Field(() => String, {
    nullable: true,
    description: 'Decision or licence number (许可决定书文号/许可证编号).',
  })
  decisionNumber!: string | null;

  @Field(() => String, { nullable: true })
  licenceName!: string | null;

  @Field(() => String, { nullable: true, description: 'What the licence permits (许可内容).' })
  content!: string | null;

  @Field(() => DateScalar, { nullable: true })
  decisionDate!: string | null;

  @Field(() => DateScalar, { nullable: true })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Null when the licence has no end date.' })
  validTo!: string | null;

  @Field(() => String, { nullable: true })
  authority!: string | null;

  @Field(() => AdministrativeLicenceStatus, { nullable: true })
  status!: AdministrativeLicenceStatus | null;
}
