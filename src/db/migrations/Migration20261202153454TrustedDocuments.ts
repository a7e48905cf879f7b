import { Migration } from '@mikro-orm/migrations';

export class Migration20261202153454TrustedDocuments extends Migration {
  override up(): void {
    this.addSql(
      'create table "hub_trusted_document" ("hash" varchar(64) not null, "document" text not null, "operation_name" varchar(128) null, "organisation" varchar(64) not null, "api_key_id" uuid null, "registered_by" varchar(128) not null, "registered_at" timestamptz not null, primary key ("hash"))',
    );
    this.addSql(
      'create index "hub_trusted_document_organisation_index" on "hub_trusted_document" ("organisation")',
    );
  }

  override down(): void {
    this.addSql('drop table if exists "hub_trusted_document" cascade');
  }
}
