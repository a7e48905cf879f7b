import { Migration } from '@mikro-orm/migrations';

/**
 * Webhook endpoints of portfolios and their deliveries (src/modules/monitoring).
 * A delivery row is the claim: one instance holds it (FOR UPDATE SKIP LOCKED)
 * while it posts, so each delivery is made by exactly one instance at a time;
 * (endpoint, event) is unique, so an event is queued once per endpoint.
 */
export class Migration20261203093000MonitoringWebhooks extends Migration {
  override up(): void {
    this.addSql(
      'create table "monitoring_webhook_endpoint" ("id" uuid not null, "portfolio_id" uuid not null, "url" varchar(2000) not null, "secret" varchar(64) not null, "organisation" varchar(64) not null, "principal_id" varchar(128) not null, "principal_kind" varchar(16) not null, "after_tx" bigint not null, "after_id" bigint not null, "created_at" timestamptz not null, primary key ("id"))',
    );
    this.addSql(
      'create index "monitoring_webhook_endpoint_portfolio_id_index" on "monitoring_webhook_endpoint" ("portfolio_id")',
    );
    this.addSql(
      'alter table "monitoring_webhook_endpoint" add constraint "monitoring_webhook_endpoint_portfolio_id_foreign" foreign key ("portfolio_id") references "monitoring_portfolio" ("id") on delete cascade',
    );
    this.addSql(
      'create table "monitoring_webhook_delivery" ("id" bigserial primary key, "endpoint_id" uuid not null, "event_id" bigint not null, "payload" jsonb not null, "status" text not null, "attempts" int not null, "next_attempt_at" timestamptz not null, "last_error" varchar(500) null, "delivered_at" timestamptz null)',
    );
    this.addSql(
      'create index "monitoring_webhook_delivery_endpoint_id_status_id_index" on "monitoring_webhook_delivery" ("endpoint_id", "status", "id")',
    );
    this.addSql(
      'alter table "monitoring_webhook_delivery" add constraint "monitoring_webhook_delivery_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id")',
    );
    this.addSql(
      'alter table "monitoring_webhook_delivery" add constraint "monitoring_webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "monitoring_webhook_endpoint" ("id") on delete cascade',
    );
    this.addSql(
      `alter table "monitoring_webhook_delivery" add constraint "monitoring_webhook_delivery_status_check" check ("status" in ('PENDING', 'DELIVERED', 'DEAD'))`,
    );
  }

  override down(): void {
    this.addSql('drop table if exists "monitoring_webhook_delivery" cascade');
    this.addSql('drop table if exists "monitoring_webhook_endpoint" cascade');
  }
}
