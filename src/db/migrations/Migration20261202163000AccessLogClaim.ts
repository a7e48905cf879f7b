import { Migration } from '@mikro-orm/migrations';

/**
 * Two functions over the access log's chain, both taking its advisory lock (held
 * until the calling transaction ends). The key is ACCESS_LOG_LOCK_KEY
 * (src/audit/access-log.append.ts). Both must be VOLATILE plpgsql functions: each
 * of their statements takes a new snapshot, so the head they read is the one
 * committed before the lock was granted; the same steps in one plain SQL
 * statement would read a snapshot taken before waiting for the lock, and fork
 * the chain.
 *
 * audit_access_log_append(batch): the group-commit path of reads. Appends the
 * records of a batch in order, in one statement (and, sent outside a transaction,
 * one round trip including its commit): each record comes as the canonical JSON
 * of its hashed fields cut around the two values only the database knows (`p1`,
 * id, `p2`, previous hash, `p3`: see src/audit/access-log.batch.ts) plus its
 * columns; the function draws the id, links it to the head and hashes it with
 * sha256 exactly as accessLogHash does.
 *
 * audit_access_log_claim(n): takes the access log's advisory lock (held until the
 * calling transaction ends) and returns n fresh ids with the hash of the chain's
 * head, in one round trip: what a write uses to append inside its own transaction.
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
    this.addSql(`create or replace function audit_access_log_append(batch jsonb)
returns table (claimed_id bigint, previous_hash varchar, record_hash varchar) language plpgsql volatile as $$
declare
  head varchar;
  r jsonb;
  new_id bigint;
  h varchar;
begin
  perform pg_advisory_xact_lock(8239529256422422019);
  select l.hash into head from audit_access_log l order by l.id desc limit 1;
  head := coalesce(head, repeat('0', 64));
  for r in select e.value from jsonb_array_elements(batch) with ordinality as e(value, n) order by e.n loop
    new_id := nextval(pg_get_serial_sequence('audit_access_log', 'id'));
    h := encode(sha256(convert_to(
      (r->>'p1') || '"' || new_id::text || '"' || (r->>'p2') || '"' || head || '"' || (r->>'p3'), 'UTF8')), 'hex');
    insert into audit_access_log (id, occurred_at, principal_id, organisation, principal_kind, purpose,
      operation_name, document_hash, request_id, usccs, resources, owners, decisions, previous_hash, hash)
    values (new_id, (r->>'occurredAt')::timestamptz, r->>'principalId', r->>'organisation', r->>'principalKind',
      r->>'purpose', r->>'operationName', r->>'documentHash', r->>'requestId',
      array(select jsonb_array_elements_text(r->'usccs')), array(select jsonb_array_elements_text(r->'resources')),
      array(select jsonb_array_elements_text(r->'owners')), r->'decisions', head, h);
    claimed_id := new_id;
    previous_hash := head;
    record_hash := h;
    return next;
    head := h;
  end loop;
end
$$`);
  }

  override down(): void {
    this.addSql('drop function if exists audit_access_log_append(jsonb)');
    this.addSql('drop function if exists audit_access_log_claim(integer)');
  }
}
