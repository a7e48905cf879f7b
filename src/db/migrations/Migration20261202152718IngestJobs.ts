import { Migration } from '@mikro-orm/migrations';

export class Migration20261202152718IngestJobs extends Migration {
  override up(): void {
    this.addSql(
      'create table "ingest_job" ("id" uuid not null, "record_type" varchar(64) not null, "department" varchar(32) not null, "principal_id" varchar(128) not null, "format" varchar(16) not null, "status" text not null, "records_read" int not null, "inserted" int not null, "updated" int not null, "unchanged" int not null, "rejected" int not null, "last_line" int not null, "error" text null, "started_at" timestamptz not null, "updated_at" timestamptz not null, "finished_at" timestamptz null, primary key ("id"))',
    );
    this.addSql(
      'create index "ingest_job_department_started_at_index" on "ingest_job" ("department", "started_at")',
    );
    this.addSql(
      'create table "ingest_job_reject" ("id" bigserial primary key, "job_id" uuid not null, "line" int not null, "source_record_id" varchar(64) null, "code" varchar(32) not null, "field" varchar(64) null, "message" text not null)',
    );
    this.addSql(
      'create index "ingest_job_reject_job_id_line_index" on "ingest_job_reject" ("job_id", "line")',
    );
    this.addSql(
      'alter table "ingest_job" add constraint "ingest_job_status_check" check ("status" in (\'RUNNING\', \'SUCCEEDED\', \'FAILED\'))',
    );
  }

  override down(): void {
    this.addSql('drop table if exists "ingest_job" cascade');
    this.addSql('drop table if exists "ingest_job_reject" cascade');
  }
}
