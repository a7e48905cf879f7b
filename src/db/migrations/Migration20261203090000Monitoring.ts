import { Migration } from '@mikro-orm/migrations';

/**
 * Portfolio monitoring (src/modules/monitoring): watch lists, and the outbox of
 * risk events written by triggers in the same transaction as the change, so an
 * event exists exactly when its change does, whatever path wrote it (ingestion,
 * withdrawal, repair, recompute, a provider's SQL).
 *
 * Both triggers are statement-level with transition tables: a bulk chunk that
 * recomputes 1,000 profiles inserts its events in one set-based INSERT per kind,
 * never row by row.
 *
 * `tx` is the writing transaction's id (pg_current_xact_id). Ids are drawn in
 * insert order, not commit order, so the feed orders by (tx, id) and serves only
 * transactions older than every one still running (pg_snapshot_xmin): a reader
 * can never pass an event that commits later with a smaller position.
 *
 * Each statement that wrote events sends one NOTIFY on `hub_risk_events` (delivered at
 * commit, to every hub instance listening): subscriptions wake and read the outbox.
 *
 * Score moves under one point are not recorded (rounding noise of a recompute);
 * each portfolio filters by its own threshold on delivery.
 */
const PROFILE_FUNCTION = `create or replace function monitoring_profile_events() returns trigger language plpgsql as $$
declare
  t bigint := pg_current_xact_id()::text::bigint;
  n integer;
begin
  with changed as (
    select n.uscc, n.grade as new_grade, o.grade as old_grade, n.score as new_score, o.score as old_score,
      n.signals as new_signals, case when o.model_version = '' then '[]'::jsonb else o.signals end as old_signals,
      o.model_version = '' as first_profile
    from new_rows n join old_rows o on o.uscc = n.uscc
    where n.model_version <> '' and (n.grade, n.score, n.signals) is distinct from (o.grade, o.score, o.signals)
  ),
  new_active as (
    select c.uscc, s.value as signal from changed c, jsonb_array_elements(c.new_signals) s
    where (s.value->>'active')::boolean
  ),
  old_active as (
    select c.uscc, s.value as signal from changed c, jsonb_array_elements(c.old_signals) s
    where (s.value->>'active')::boolean
  )
  insert into monitoring_event (tx, uscc, kind, signal_code, record_type, record_id, department, detail, from_value, to_value)
  select t, a.uscc, 'SIGNAL_RAISED', a.signal->>'code', a.signal->>'recordType', a.signal->>'recordId',
    a.signal->>'department', a.signal->>'detail', null, null
  from new_active a
  where not exists (select 1 from old_active b where b.uscc = a.uscc and b.signal->>'code' = a.signal->>'code'
    and b.signal->>'recordType' = a.signal->>'recordType' and b.signal->>'recordId' = a.signal->>'recordId')
  union all
  select t, b.uscc, 'SIGNAL_CLEARED', b.signal->>'code', b.signal->>'recordType', b.signal->>'recordId',
    b.signal->>'department', null, null, null
  from old_active b
  where not exists (select 1 from new_active a where a.uscc = b.uscc and a.signal->>'code' = b.signal->>'code'
    and a.signal->>'recordType' = b.signal->>'recordType' and a.signal->>'recordId' = b.signal->>'recordId')
  union all
  select t, c.uscc, 'GRADE_CHANGED', null, null, null, null, null, c.old_grade, c.new_grade
  from changed c where not c.first_profile and c.old_grade <> c.new_grade
  union all
  select t, c.uscc, 'SCORE_MOVED', null, null, null, null, null, c.old_score::text, c.new_score::text
  from changed c where not c.first_profile and abs(c.new_score - c.old_score) >= 1;
  get diagnostics n = row_count;
  if n > 0 then perform pg_notify('hub_risk_events', ''); end if;
  return null;
end
$$`;

const STATUS_FUNCTION = `create or replace function monitoring_status_events() returns trigger language plpgsql as $$
declare
  n integer;
begin
  insert into monitoring_event (tx, uscc, kind, from_value, to_value)
  select pg_current_xact_id()::text::bigint, n.uscc, 'STATUS_CHANGED', o.status, n.status
  from new_rows n join old_rows o on o.uscc = n.uscc
  where o.status <> n.status;
  get diagnostics n = row_count;
  if n > 0 then perform pg_notify('hub_risk_events', ''); end if;
  return null;
end
$$`;

export class Migration20261203090000Monitoring extends Migration {
  override up(): void {
    this.addSql(
      'create table "monitoring_portfolio" ("id" uuid not null, "organisation" varchar(64) not null, "name" varchar(200) not null, "purpose" text not null, "score_threshold" double precision not null, "created_by" varchar(200) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"))',
    );
    this.addSql(
      'create index "monitoring_portfolio_organisation_index" on "monitoring_portfolio" ("organisation")',
    );
    this.addSql(
      'alter table "monitoring_portfolio" add constraint "monitoring_portfolio_organisation_name_unique" unique ("organisation", "name")',
    );
    this.addSql(
      `alter table "monitoring_portfolio" add constraint "monitoring_portfolio_purpose_check" check ("purpose" in ('CREDIT_ASSESSMENT', 'SUPERVISION', 'LAW_ENFORCEMENT', 'STATISTICS', 'PUBLIC_SERVICE'))`,
    );
    this.addSql(
      'create table "monitoring_portfolio_member" ("portfolio_id" uuid not null, "uscc" varchar(18) not null, "added_at" timestamptz not null, primary key ("portfolio_id", "uscc"))',
    );
    this.addSql(
      'create index "monitoring_portfolio_member_uscc_index" on "monitoring_portfolio_member" ("uscc")',
    );
    this.addSql(
      'alter table "monitoring_portfolio_member" add constraint "monitoring_portfolio_member_portfolio_id_foreign" foreign key ("portfolio_id") references "monitoring_portfolio" ("id") on delete cascade',
    );
    this.addSql(
      'create table "monitoring_event" ("id" bigserial primary key, "tx" bigint not null, "uscc" varchar(18) not null, "kind" text not null, "signal_code" varchar(64) null, "record_type" varchar(64) null, "record_id" varchar(64) null, "department" varchar(32) null, "detail" text null, "from_value" varchar(32) null, "to_value" varchar(32) null, "occurred_at" timestamptz not null default now())',
    );
    this.addSql('create index "monitoring_event_tx_id_index" on "monitoring_event" ("tx", "id")');
    this.addSql(
      'create index "monitoring_event_uscc_tx_id_index" on "monitoring_event" ("uscc", "tx", "id")',
    );
    this.addSql(
      `alter table "monitoring_event" add constraint "monitoring_event_kind_check" check ("kind" in ('SIGNAL_RAISED', 'SIGNAL_CLEARED', 'GRADE_CHANGED', 'SCORE_MOVED', 'STATUS_CHANGED'))`,
    );
    this.addSql(PROFILE_FUNCTION);
    this.addSql(STATUS_FUNCTION);
    this.addSql(
      'create trigger monitoring_profile_events after update on "risk_profile" referencing old table as old_rows new table as new_rows for each statement execute function monitoring_profile_events()',
    );
    this.addSql(
      'create trigger monitoring_status_events after update on "registry_enterprise" referencing old table as old_rows new table as new_rows for each statement execute function monitoring_status_events()',
    );
    // Append-only: the outbox is the history consumers replay from.
    this
      .addSql(`create or replace function monitoring_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'monitoring_event is append-only';
end
$$`);
    this.addSql(
      'create trigger monitoring_event_append_only before update or delete on "monitoring_event" for each statement execute function monitoring_event_append_only()',
    );
  }

  override down(): void {
    this.addSql('drop trigger if exists monitoring_profile_events on "risk_profile"');
    this.addSql('drop trigger if exists monitoring_status_events on "registry_enterprise"');
    this.addSql('drop table if exists "monitoring_event" cascade');
    this.addSql('drop table if exists "monitoring_portfolio_member" cascade');
    this.addSql('drop table if exists "monitoring_portfolio" cascade');
    this.addSql('drop function if exists monitoring_profile_events()');
    this.addSql('drop function if exists monitoring_status_events()');
    this.addSql('drop function if exists monitoring_event_append_only()');
  }
}
