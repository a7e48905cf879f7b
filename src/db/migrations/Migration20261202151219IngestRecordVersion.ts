import { Migration } from '@mikro-orm/migrations';

export class Migration20261202151219IngestRecordVersion extends Migration {
  override up(): void {
    this.addSql(
      'create table "ingest_record_version" ("id" bigserial primary key, "record_type" varchar(64) not null, "department" varchar(32) not null, "source_record_id" varchar(64) not null, "as_of" timestamptz not null, "change" text not null, "data" jsonb not null, "reason" text null, "details" jsonb null, "changed_at" timestamptz not null, "changed_by" varchar(128) not null, "job" varchar(64) not null)',
    );
    this.addSql(
      'create index "ingest_record_version_record_type_department_sourc_98d67_index" on "ingest_record_version" ("record_type", "department", "source_record_id")',
    );
    this.addSql(
      'alter table "ingest_record_version" add constraint "ingest_record_version_change_check" check ("change" in (\'REPLACED\', \'WITHDRAWN\', \'REPAIRED\'))',
    );
  }

  override down(): void {
    this.addSql('drop table if exists "ingest_record_version" cascade');
  }
}
