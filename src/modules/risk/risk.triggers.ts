import type { SqlEntityManager } from '@mikro-orm/sql';
import { sql, sqlIdentifier, type SqlFragment } from '../../db/index.js';

/**
 * The triggers that mark a stored profile dirty when a record of the enterprise
 * changes, however the change arrives (ORM, bulk load or a provider's SQL):
 * statement-level, with transition tables, one UPDATE per statement. Installed on
 * exactly the tables the signal sources declare (`SignalSource.tables`), from the
 * declarations at every start, so a module's tables are covered when it joins the
 * hub and released when it leaves. The trigger function itself is a migration's
 * (Migration20261122060000RiskTriggers).
 */
const OPERATIONS = {
  ins: (t: SqlFragment) => sql`after insert on ${t} referencing new table as new_rows`,
  upd: (t: SqlFragment) => sql`after update on ${t} referencing old table as old_rows new table as new_rows`,
  del: (t: SqlFragment) => sql`after delete on ${t} referencing old table as old_rows`,
} as const;

export interface RefreshTrigger {
  readonly table: string;
  readonly trigger: string;
}

/** The triggers the declarations ask for, sorted. */
export function declaredTriggers(tables: readonly string[]): RefreshTrigger[] {
  return [...new Set(tables)]
    .flatMap((table) => Object.keys(OPERATIONS).map((op) => ({ table, trigger: `${table}_risk_${op}` })))
    .sort((a, b) => `${a.table} ${a.trigger}`.localeCompare(`${b.table} ${b.trigger}`));
}

/** The refresh triggers installed in the database (those calling hub_mark_risk_dirty), sorted. */
export async function installedTriggers(em: SqlEntityManager): Promise<RefreshTrigger[]> {
  const rows = await em.execute<RefreshTrigger[]>(
    `select c.relname as "table", t.tgname as "trigger"
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
      where p.proname = 'hub_mark_risk_dirty' and not t.tgisinternal`,
  );
  return rows
    .map((r) => ({ table: r.table, trigger: r.trigger }))
    .sort((a, b) => `${a.table} ${a.trigger}`.localeCompare(`${b.table} ${b.trigger}`));
}

/** Creates the missing refresh triggers and drops those on tables no module declares. Idempotent. */
export async function installRefreshTriggers(
  em: SqlEntityManager,
  tables: readonly string[],
): Promise<{ created: number; dropped: number }> {
  const wanted = declaredTriggers(tables);
  const installed = await installedTriggers(em);
  const key = (t: RefreshTrigger) => `${t.table} ${t.trigger}`;
  const have = new Set(installed.map(key));
  const want = new Set(wanted.map(key));
  let created = 0;
  let dropped = 0;
  for (const t of installed) {
    if (want.has(key(t))) continue;
    const drop = sql`drop trigger if exists ${sqlIdentifier(t.trigger)} on ${sqlIdentifier(t.table)}`;
    await em.execute(drop.sql, [...drop.params]);
    dropped++;
  }
  for (const t of wanted) {
    if (have.has(key(t))) continue;
    const op = t.trigger.slice(-3) as keyof typeof OPERATIONS;
    const create = sql`create trigger ${sqlIdentifier(t.trigger)} ${OPERATIONS[op](sqlIdentifier(t.table))}
      for each statement execute function hub_mark_risk_dirty()`;
    await em.execute(create.sql, [...create.params]);
    created++;
  }
  return { created, dropped };
}
