import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * An operation a client registered as trusted: its text, addressed by its SHA-256,
 * and whom it belongs to. Rows are written by ADMINs (registerTrustedDocuments).
 */
@Entity({ tableName: 'hub_trusted_document' })
@Index({ properties: ['organisation'] })
export class TrustedDocumentEntity {
  /** Hex SHA-256 of `document`, byte for byte (the documentId without `sha256:`). */
  @PrimaryKey({ type: 'string', length: 64 })
  hash!: string;

  @Property({ type: 'text' })
  document!: string;

  @Property({ type: 'string', length: 128, nullable: true })
  operationName!: string | null;

  /** The client organisation the document was registered for. */
  @Property({ type: 'string', length: 64 })
  organisation!: string;

  /** The API key the document is tied to, when it was registered for one key. */
  @Property({ type: 'uuid', nullable: true })
  apiKeyId!: string | null;

  @Property({ type: 'string', length: 128 })
  registeredBy!: string;

  @Property({ type: 'datetime' })
  registeredAt!: Date;
}
