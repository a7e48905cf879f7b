import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { TrustedDocumentEntity } from './trusted-document.entity.js';

@ObjectType('TrustedDocument', {
  description: 'An operation registered as trusted: with TRUSTED_DOCUMENTS=required only these (and queries/) run.',
})
export class TrustedDocument {
  @Field(() => ID, { description: 'sha256:<hex SHA-256 of the text>, the documentId clients send.' })
  documentId!: string;

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field(() => String, { description: 'The operation text, byte for byte as registered.' })
  document!: string;

  @Field(() => String, { description: 'The client organisation the document was registered for.' })
  organisation!: string;

  @Field(() => ID, { nullable: true, description: 'The API key the document is tied to, if one.' })
  apiKeyId!: string | null;

  @Field(() => String, { description: 'Subject of the admin who registered it.' })
  registeredBy!: string;

  @Field(() => Date)
  registeredAt!: Date;
}

@InputType('RegisterTrustedDocumentsInput')
export class RegisterTrustedDocumentsInput {
  @Field(() => String, { description: 'Organisation of the client whose documents these are.' })
  organisation!: string;

  @Field(() => ID, { nullable: true, description: 'Tie the documents to this API key of the organisation.' })
  apiKeyId?: string | null;

  @Field(() => [String], {
    description:
      'Operation texts (e.g. the values of GraphQL Code Generator’s persisted-documents.json); each must validate against the schema.',
  })
  documents!: string[];
}

export const toTrustedDocument = (e: TrustedDocumentEntity): TrustedDocument => ({
  documentId: `sha256:${e.hash}`,
  operationName: e.operationName,
  document: e.document,
  organisation: e.organisation,
  apiKeyId: e.apiKeyId,
  registeredBy: e.registeredBy,
  registeredAt: e.registeredAt,
});
