import { Migration } from '@mikro-orm/migrations';

export class Migration20261202151046IdempotencyKeys extends Migration {
  override up(): void {
    this.addSql(
      'create table "hub_idempotency_key" ("principal" varchar(200) not null, "idempotency_key" varchar(128) not null, "request_hash" varchar(64) not null, "response" text null, "http_status" int null, "created_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("principal", "idempotency_key"))',
    );
    this.addSql(
      'create index "hub_idempotency_key_expires_at_index" on "hub_idempotency_key" ("expires_at")',
    );
  }

  override down(): void {
    this.addSql('drop table if exists "hub_idempotency_key" cascade');
  }
}
