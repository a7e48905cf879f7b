import { Migration } from '@mikro-orm/migrations';

/** Writers of one record type take turns, numbered (src/db/ingest/write-turn.ts). */
export class Migration20261203140000IngestWriteSeq extends Migration {
  override up(): void {
    this.addSql(
      'create table "ingest_write_seq" ("record_type" varchar(64) not null, "seq" bigint not null, primary key ("record_type"))',
    );
  }

  override down(): void {
    this.addSql('drop table if exists "ingest_write_seq" cascade');
  }
}
