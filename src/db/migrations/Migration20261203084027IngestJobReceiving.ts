import { Migration } from '@mikro-orm/migrations';

/** A spooled bulk job is RECEIVING while its body is written to the spool file. */
export class Migration20261203084027IngestJobReceiving extends Migration {
  override up(): void {
    this.addSql('alter table "ingest_job" drop constraint if exists "ingest_job_status_check"');
    this.addSql(
      "alter table \"ingest_job\" add constraint \"ingest_job_status_check\" check (\"status\" in ('RECEIVING', 'RUNNING', 'SUCCEEDED', 'FAILED'))",
    );
  }

  override down(): void {
    this.addSql('alter table "ingest_job" drop constraint if exists "ingest_job_status_check"');
    this.addSql(
      'alter table "ingest_job" add constraint "ingest_job_status_check" check ("status" in (\'RUNNING\', \'SUCCEEDED\', \'FAILED\'))',
    );
  }
}
