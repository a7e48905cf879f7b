/**
 * The risk triggers (migration RiskTriggers) are statement-level with transition
 * tables, which entity metadata cannot describe, so MikroORM's schema diff sees
 * them as unknown and proposes dropping them. Those statements, and only those,
 * are left out of diffs (the drift test and `db:migration:create`). So are the
 * access log's append functions (migration AccessLogClaim), which it does not
 * know either, nor the grants fingerprint (migration GrantsFingerprint), nor the
 * monitoring outbox's triggers (migration Monitoring).
 */
const MANAGED_BY_MIGRATION =
  /^(drop (trigger|function) if exists|create or replace function|create trigger) "?([a-z_]*_risk_(ins|upd|del)(_fn)?|audit_access_log_(append|claim)|auth_grants_fingerprint|([a-z_]*_)?monitoring_[a-z_]*)"?/;

export function withoutManagedTriggers(sql: string): string {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !MANAGED_BY_MIGRATION.test(s))
    .join(';\n');
}
