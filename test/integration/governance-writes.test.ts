import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// Imported before the agreements component: see agreements.test.ts on the import cycle.
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { AccessLogEntity } from '../../src/audit/access-log.entity.js';
import { governanceWriteCounter, verifyChain } from '../../src/audit/access-log.verify.js';
import { PRINCIPALS } from '../helpers/principals.js';

const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id prefix } } }`;
const REVOKE_KEY = 'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }';
const APPLY = `mutation ($input: ApplyForSharingInput!) { applyForSharing(input: $input) { id } }`;
const APPROVE = `mutation ($id: ID!, $validFrom: DateTimeISO!, $validTo: DateTimeISO!) {
  approveSharingAgreement(id: $id, validFrom: $validFrom, validTo: $validTo) { id status } }`;
const REJECT =
  'mutation ($id: ID!, $reason: String) { rejectSharingAgreement(id: $id, reason: $reason) { id } }';
const REVOKE =
  'mutation ($id: ID!, $reason: String) { revokeSharingAgreement(id: $id, reason: $reason) { id } }';

const DAY = 24 * 60 * 60 * 1000;
const REASON = 'Pre-loan credit assessment of corporate borrowers';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const sql = <T>(query: string) => hub.orm.em.fork().execute<T[]>(query);
const count = async (table: string) =>
  Number((await sql<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

/** The one access-log record of the write on `targetId` with `action`. */
async function recordOf(action: string, targetId: string): Promise<AccessLogEntity> {
  const records = (
    await hub.orm.em.fork().find(AccessLogEntity, { operationName: action }, { orderBy: { id: 'asc' } })
  ).filter((r) => r.decisions.write?.targetId === targetId);
  expect(records).toHaveLength(1);
  return records[0]!;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the field's type
function ok<T>(res: { body: { data?: unknown; errors?: unknown } }, field: string): T {
  expect(res.body.errors).toBeUndefined();
  return (res.body.data as Record<string, T>)[field]!;
}

/** A key cannot outrank its issuer: the bank's own administrator issues the bank's keys. */
const BANK_KEY_ISSUER = { ...PRINCIPALS.bank, sub: 'bank-admin', scopes: ['api-keys:manage'] };

describe('governance writes are on the hash-chained access log', () => {
  it('records who created and revoked an API key, in which request, and what', async () => {
    const headers = { 'x-request-id': 'gov-create-1' };
    const created = ok<{ apiKey: { id: string; prefix: string } }>(
      await hub.as({ principal: BANK_KEY_ISSUER })(
        CREATE,
        {
          input: {
            name: 'Xiamen risk engine',
            subject: 'risk-engine',
            organisation: 'BANK_XM_001',
            kind: 'BANK',
          },
        },
        headers,
      ),
      'createApiKey',
    );
    const record = await recordOf('API_KEY_CREATED', created.apiKey.id);
    expect(record).toMatchObject({
      principalId: BANK_KEY_ISSUER.sub,
      organisation: BANK_KEY_ISSUER.org,
      principalKind: 'BANK',
      requestId: 'gov-create-1',
      purpose: null,
    });
    expect(record.decisions.write).toEqual({
      action: 'API_KEY_CREATED',
      targetType: 'ApiKey',
      targetId: created.apiKey.id,
      reason: null,
      details: {
        name: 'Xiamen risk engine',
        prefix: created.apiKey.prefix,
        subject: 'risk-engine',
        organisation: 'BANK_XM_001',
        kind: 'BANK',
        scopes: [],
      },
    });
    ok(await hub.as({ principal: PRINCIPALS.admin })(REVOKE_KEY, { id: created.apiKey.id }), 'revokeApiKey');
    const revoked = await recordOf('API_KEY_REVOKED', created.apiKey.id);
    expect(revoked.principalId).toBe(PRINCIPALS.admin.sub);
  });

  it('records application, approval, rejection and revocation with the reason, under the owner', async () => {
    const applied = ok<{ id: string }>(
      await hub.as({ principal: PRINCIPALS.bank })(APPLY, {
        input: { resource: 'credit.taxGrades', purposes: ['CREDIT_ASSESSMENT'], reason: REASON },
      }),
      'applyForSharing',
    );
    const application = await recordOf('AGREEMENT_APPLIED', applied.id);
    expect(application).toMatchObject({
      principalId: PRINCIPALS.bank.sub,
      organisation: PRINCIPALS.bank.org,
      resources: ['credit.taxGrades'],
      owners: ['TAX'],
    });
    expect(application.decisions.write).toMatchObject({ reason: REASON, details: { status: 'PENDING' } });

    const validFrom = new Date().toISOString();
    const validTo = new Date(Date.now() + 30 * DAY).toISOString();
    ok(
      await hub.as({ principal: PRINCIPALS.tax })(APPROVE, { id: applied.id, validFrom, validTo }),
      'approveSharingAgreement',
    );
    const approval = await recordOf('AGREEMENT_APPROVED', applied.id);
    expect(approval.principalId).toBe(PRINCIPALS.tax.sub);
    expect(approval.decisions.write?.details).toMatchObject({ status: 'APPROVED', validFrom, validTo });

    const revocation = 'The consumer left the credit reporting scheme';
    ok(
      await hub.as({ principal: PRINCIPALS.tax })(REVOKE, { id: applied.id, reason: revocation }),
      'revokeSharingAgreement',
    );
    expect((await recordOf('AGREEMENT_REVOKED', applied.id)).decisions.write?.reason).toBe(revocation);

    const other = ok<{ id: string }>(
      await hub.as({ principal: PRINCIPALS.otherBank })(APPLY, {
        input: { resource: 'credit.taxGrades', purposes: ['CREDIT_ASSESSMENT'], reason: REASON },
      }),
      'applyForSharing',
    );
    const refusal = 'The stated purpose does not cover this resource';
    ok(
      await hub.as({ principal: PRINCIPALS.tax })(REJECT, { id: other.id, reason: refusal }),
      'rejectSharingAgreement',
    );
    expect((await recordOf('AGREEMENT_REJECTED', other.id)).decisions.write).toMatchObject({
      reason: refusal,
      details: { status: 'REJECTED', consumerOrganisation: PRINCIPALS.otherBank.org },
    });
  });

  it('verifies them with the chain and lists them by action', async () => {
    const writes = governanceWriteCounter();
    const result = await verifyChain(hub.orm.em.fork(), [], writes.visit);
    expect(result.ok).toBe(true);
    expect(Object.fromEntries(writes.counts)).toEqual({
      API_KEY_CREATED: 1,
      API_KEY_REVOKED: 1,
      AGREEMENT_APPLIED: 2,
      AGREEMENT_APPROVED: 1,
      AGREEMENT_REVOKED: 1,
      AGREEMENT_REJECTED: 1,
    });
  });

  it('auditors and the owner department read them through accessLog', async () => {
    const QUERY = `{ accessLog(first: 100) { edges { node { operationName principalId
      write { action targetType targetId reason details { name values } } } } } }`;
    type Page = {
      accessLog: {
        edges: {
          node: {
            operationName: string;
            write: {
              action: string;
              reason: string | null;
              details: { name: string; values: string[] }[];
            } | null;
          };
        }[];
      };
    };
    const audited = ok<Page['accessLog']>(
      await hub.as({ principal: PRINCIPALS.auditor })<Page>(QUERY),
      'accessLog',
    );
    const rejected = audited.edges.find((e) => e.node.write?.action === 'AGREEMENT_REJECTED')!.node;
    expect(rejected.write!.reason).toBe('The stated purpose does not cover this resource');
    expect(rejected.write!.details).toContainEqual({ name: 'purposes', values: ['CREDIT_ASSESSMENT'] });
    const owner = ok<Page['accessLog']>(
      await hub.as({ principal: PRINCIPALS.tax })<Page>(QUERY),
      'accessLog',
    );
    expect(
      owner.edges
        .map((e) => e.node.write?.action)
        .filter(Boolean)
        .sort(),
    ).toEqual([
      'AGREEMENT_APPLIED',
      'AGREEMENT_APPLIED',
      'AGREEMENT_APPROVED',
      'AGREEMENT_REJECTED',
      'AGREEMENT_REVOKED',
    ]);
  });

  it('a changed governance record breaks the chain at that record', async () => {
    // int8: a string from PostgreSQL, a number from PGlite.
    const [row] = await sql<{ id: string | number; decisions: string }>(
      "select id, decisions::text as decisions from audit_access_log where operation_name = 'AGREEMENT_REJECTED'",
    );
    await sql(
      `update audit_access_log set decisions = jsonb_set(decisions::jsonb, '{write,reason}', '"no reason"')::json where id = ${Number(row!.id)}`,
    );
    try {
      expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: false, firstBadId: String(row!.id) });
    } finally {
      await hub.orm.em
        .fork()
        .execute('update audit_access_log set decisions = ?::json where id = ?', [row!.decisions, row!.id]);
    }
    expect((await verifyChain(hub.orm.em.fork())).ok).toBe(true);
  });

  it('fails closed: when the record cannot be written, the write is rolled back', async () => {
    await sql(`create function refuse_log() returns trigger language plpgsql as $$
      begin raise exception 'access log unavailable'; end $$`);
    await sql(
      'create trigger refuse_log before insert on audit_access_log for each row execute function refuse_log()',
    );
    const keys = await count('auth_api_key');
    const agreements = await count('auth_sharing_agreement');
    try {
      const key = await hub.as({ principal: BANK_KEY_ISSUER })(CREATE, {
        input: { name: 'never created', subject: 'x', organisation: 'BANK_XM_001', kind: 'BANK' },
      });
      expect(key.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(key.body.data).toEqual({ createApiKey: null });
      const apply = await hub.as({ principal: PRINCIPALS.analyst })(APPLY, {
        input: { resource: 'credit.taxGrades', purposes: ['CREDIT_ASSESSMENT'], reason: REASON },
      });
      expect(apply.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sql('drop trigger refuse_log on audit_access_log');
      await sql('drop function refuse_log()');
    }
    expect(await count('auth_api_key')).toBe(keys);
    expect(await count('auth_sharing_agreement')).toBe(agreements);
  });
});
