import { Migration } from '@mikro-orm/migrations';

/**
 * Marks an enterprise's stored risk profile dirty whenever one of its source
 * records is inserted, updated or deleted, however the change arrives (ORM,
 * bulk load or a provider's SQL). Statement-level triggers with transition
 * tables: one UPDATE per statement, not per row, so bulk loads stay fast.
 */
const SOURCE_TABLES = [
  'registry_enterprise',
  'credit_penalty',
  'credit_licence',
  'credit_list_entry',
  'credit_tax_evaluation',
  'credit_tax_arrears',
  'credit_risk_classification',
  'mi_social_insurance_account',
  'mi_designated_institution',
  'mi_institution_credit_grade',
  'mi_fund_violation',
  'tc_licence',
  'tc_vehicle',
  'tc_credit_rating',
  'tc_enforcement',
  'st_certification',
  'st_rd_spending',
  'st_patent_count',
];

const FUNCTION = `create or replace function hub_mark_risk_dirty() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    update risk_profile p set dirty = true from (select distinct uscc from new_rows) c where p.uscc = c.uscc and not p.dirty;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    update risk_profile p set dirty = true from (select distinct uscc from old_rows) c where p.uscc = c.uscc and not p.dirty;
  end if;
  return null;
end
$$`;

export class Migration20261122060000RiskTriggers extends Migration {
  override up(): void {
    this.addSql(FUNCTION);
    for (const table of SOURCE_TABLES) {
      this.addSql(
        `create trigger ${table}_risk_ins after insert on "${table}" referencing new table as new_rows for each statement execute function hub_mark_risk_dirty()`,
      );
      this.addSql(
        `create trigger ${table}_risk_upd after update on "${table}" referencing old table as old_rows new table as new_rows for each statement execute function hub_mark_risk_dirty()`,
      );
      this.addSql(
        `create trigger ${table}_risk_del after delete on "${table}" referencing old table as old_rows for each statement execute function hub_mark_risk_dirty()`,
      );
    }
  }

  override down(): void {
    for (const table of SOURCE_TABLES) {
      for (const suffix of ['ins', 'upd', 'del'])
        this.addSql(`drop trigger if exists ${table}_risk_${suffix} on "${table}"`);
    }
    this.addSql('drop function if exists hub_mark_risk_dirty()');
  }
}
