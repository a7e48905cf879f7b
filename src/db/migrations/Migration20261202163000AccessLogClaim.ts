import { Migration } from '@mikro-orm/migrations';

/**
 * audit_access_log_claim(n): takes the access log's advisory lock (held until the
 * calling transaction ends) and returns n fresh ids with the hash of the chain's
 * head, in one round trip. It must be a VOLATILE plpgsql function: each of its
 * statements takes a new snapshot, so the head it reads is the one committed
 * before the lock was granted; the same two steps in one plain SQL statement would
 * read a snapshot taken before waiting for the lock, and fork the chain.
 * The key is ACCESS_LOG_LOCK_KEY (src/audit/access-log.append.ts).
 */
export class Migration20261202163000AccessLogClaim extends Migration {
  override up(): void {
    this.addSql(`create or replace function audit_access_log_claim(records integer)
returns table (claimed_id bigint, head_hash varchar) language plpgsql volatile as $$
begin
  perform pg_advisory_xact_lock(8239529256422422019);
  return query
    select nextval(pg_get_serial_sequence('audit_access_log', 'id')),
      (select l.hash from audit_access_log l order by l.id desc limit 1)
    from generate_series(1, records);
end
$$`);
  }

  override down(): void {
    this.addSql('drop function if exists audit_access_log_claim(integer)');
  }
}
