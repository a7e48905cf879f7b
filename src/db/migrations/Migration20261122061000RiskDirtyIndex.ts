import { Migration } from '@mikro-orm/migrations';

/**
 * Finding profiles to recompute must not scan the population before every
 * statistics query: a new enterprise now gets a dirty placeholder profile from
 * the trigger, and dirty profiles have a partial index.
 */
export class Migration20261122061000RiskDirtyIndex extends Migration {
  override up(): void {
    this.addSql(`create or replace function hub_mark_risk_dirty() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'registry_enterprise' and tg_op = 'INSERT' then
    insert into risk_profile (uscc, score, grade, dimensions, signals, signal_codes, judicial_count, operating_count,
        sector_compliance_count, positive_count, sources, model_version, computed_at, dirty)
      select uscc, 0, 'E', '[]', '[]', '{}', 0, 0, 0, 0, '[]', '', now(), true from new_rows
      on conflict (uscc) do update set dirty = true;
    return null;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update risk_profile p set dirty = true from (select distinct uscc from new_rows) c where p.uscc = c.uscc and not p.dirty;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    update risk_profile p set dirty = true from (select distinct uscc from old_rows) c where p.uscc = c.uscc and not p.dirty;
  end if;
  return null;
end
$$`);
    this.addSql('create index "risk_profile_dirty_index" on "risk_profile" ("uscc") where "dirty"');
  }

  override down(): void {
    this.addSql('drop index if exists "risk_profile_dirty_index"');
  }
}
