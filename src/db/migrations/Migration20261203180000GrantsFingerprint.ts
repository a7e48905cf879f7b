import { Migration } from '@mikro-orm/migrations';

/** The append of this migration, restored by the down() of Migration20261206220000AccessLogBulkAppend. */
export const APPEND_BODY = (checkGrants: boolean) => `
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
${
  checkGrants
    ? `    if r->>'grants' is not null and auth_grants_fingerprint(r->>'organisation') is distinct from r->>'grants' then
      -- Answered from grants no longer in force: not on file, and the hub does not serve it.
      claimed_id := null;
      previous_hash := null;
      record_hash := null;
      stale := true;
      return next;
      continue;
    end if;
`
    : ''
}    new_id := nextval(pg_get_serial_sequence('audit_access_log', 'id'));
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
${checkGrants ? '    stale := false;\n' : ''}    return next;
    head := h;
  end loop;
end
`;

/**
 * Lets a hub process keep an organisation's agreements between requests without
 * ever answering from grants no longer in force.
 *
 * auth_grants_fingerprint(org): the organisation's agreements in force now
 * (APPROVED, inside their validity window by the database clock), as text. A
 * hub caches an organisation's grants with the fingerprint read in the same
 * statement (src/auth/agreements/grant-cache.ts).
 *
 * audit_access_log_append(batch): as in Migration20261202163000AccessLogClaim,
 * and a record carrying `grants` (the fingerprint of the cached grants its
 * operation was decided with) is appended only if that is still the
 * organisation's fingerprint when the chain's lock is held; otherwise it comes
 * back `stale`, takes no id and no place in the chain, and the hub serves
 * nothing from that execution (it runs the operation again on fresh grants).
 * A revocation, an expiry or a new approval therefore counts from the next
 * append on, on every hub instance, whatever any of them has cached.
 */
export class Migration20261203180000GrantsFingerprint extends Migration {
  override up(): void {
    this.addSql(`create or replace function auth_grants_fingerprint(org text)
returns text language sql stable as $$
  select coalesce(string_agg(a.id::text || ':' || a.resource || ':' || array_to_string(a.purposes, ','), ';' order by a.id), '')
  from auth_sharing_agreement a
  where a.consumer_org = org and a.status = 'APPROVED' and a.valid_from <= now() and now() < a.valid_to
$$`);
    this.addSql('drop function if exists audit_access_log_append(jsonb)');
    this.addSql(`create or replace function audit_access_log_append(batch jsonb)
returns table (claimed_id bigint, previous_hash varchar, record_hash varchar, stale boolean) language plpgsql volatile as $$${APPEND_BODY(true)}$$`);
  }

  override down(): void {
    this.addSql('drop function if exists audit_access_log_append(jsonb)');
    this.addSql(`create or replace function audit_access_log_append(batch jsonb)
returns table (claimed_id bigint, previous_hash varchar, record_hash varchar) language plpgsql volatile as $$${APPEND_BODY(false)}$$`);
    this.addSql('drop function if exists auth_grants_fingerprint(text)');
  }
}
