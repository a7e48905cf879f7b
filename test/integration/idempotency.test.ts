import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// Imported before the agreements component: see agreements.test.ts on the import cycle.
import { startTestHub, type Caller, type TestHub } from '../helpers/test-hub.js';
import { canonicalJson, sha256Hex } from '../../src/audit/access-log.hash.js';
import { PRINCIPALS } from '../helpers/principals.js';

const APPLY = 'mutation ($input: ApplyForSharingInput!) { applyForSharing(input: $input) { id status } }';
const REASON = 'Pre-loan credit assessment of corporate borrowers';
const applyInput = (resource = 'credit.taxGrades') => ({
  input: { resource, purposes: ['CREDIT_ASSESSMENT'], reason: REASON },
});

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const count = async (table: string, where = 'true') =>
  Number(
    (
      await hub.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from ${table} where ${where}`)
    )[0]!.n,
  );

/** A POST that keeps the response headers, which the test hub's helper drops. */
async function post(caller: Caller, query: string, variables: Record<string, unknown>, key?: string) {
  const res = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(await hub.headersFor(caller)),
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    replayed: res.headers.get('idempotent-replayed'),
    body: (await res.json()) as {
      data?: Record<string, { id: string } | null> | null;
      errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
    },
  };
}

const bank = { principal: PRINCIPALS.bank };

describe('Idempotency-Key', () => {
  it('a retried mutation returns the first result and does the work once', async () => {
    const first = await post(bank, APPLY, applyInput(), 'apply-1');
    expect(first.body.errors).toBeUndefined();
    expect(first.replayed).toBeNull();
    const rows = await count('auth_sharing_agreement');
    const logged = await count('audit_access_log');
    const retry = await post(bank, APPLY, applyInput(), 'apply-1');
    expect(retry.status).toBe(first.status);
    expect(retry.replayed).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await count('auth_sharing_agreement')).toBe(rows);
    expect(await count('audit_access_log')).toBe(logged);
    // Without the key the same request is new work, and the duplicate is refused.
    const again = await post(bank, APPLY, applyInput());
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('the same key with a different request is CONFLICT (rule sameRequest), and nothing runs', async () => {
    const rows = await count('auth_sharing_agreement');
    const res = await post(bank, APPLY, applyInput('credit.taxArrears'), 'apply-1');
    expect(res.status).toBe(422);
    expect(res.body.errors![0]!.extensions).toEqual({
      code: 'CONFLICT',
      argument: 'Idempotency-Key',
      rule: 'sameRequest',
    });
    expect(await count('auth_sharing_agreement')).toBe(rows);
  });

  it('keys belong to the caller: another principal with the same key does its own work', async () => {
    const other = await post({ principal: PRINCIPALS.otherBank }, APPLY, applyInput(), 'apply-1');
    expect(other.replayed).toBeNull();
    expect(other.body.errors).toBeUndefined();
    expect(await count('auth_sharing_agreement', `consumer_org = '${PRINCIPALS.otherBank.org}'`)).toBe(1);
  });

  it('a key while the first request still runs is CONFLICT (rule inProgress)', async () => {
    const variables = applyInput('credit.taxArrears');
    const requestHash = sha256Hex(canonicalJson({ query: APPLY, operationName: null, variables }));
    await hub.orm.em.fork().execute(
      `insert into hub_idempotency_key (principal, idempotency_key, request_hash, response, http_status, created_at, expires_at)
       values (?, 'running-1', ?, null, null, ?, ?)`,
      [
        `BANK:${PRINCIPALS.bank.org}/${PRINCIPALS.bank.sub}`,
        requestHash,
        new Date(),
        new Date(Date.now() + 60_000),
      ],
    );
    const res = await post(bank, APPLY, variables, 'running-1');
    expect(res.status).toBe(409);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', rule: 'inProgress' });
  });

  it('after the window the key is forgotten and the request runs again', async () => {
    const variables = applyInput('transport.vehicles');
    const first = await post({ principal: PRINCIPALS.analyst }, APPLY, variables, 'window-1');
    expect(first.body.errors).toBeUndefined();
    await hub.orm.em
      .fork()
      .execute("update hub_idempotency_key set expires_at = ? where idempotency_key = 'window-1'", [
        new Date(Date.now() - 1000),
      ]);
    const later = await post({ principal: PRINCIPALS.analyst }, APPLY, variables, 'window-1');
    expect(later.replayed).toBeNull();
    expect(later.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('concurrent requests with one key: the work is done once', async () => {
    const caller = { principal: { ...PRINCIPALS.bank, org: 'BANK_RACE_002' } };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => post(caller, APPLY, applyInput('credit.taxArrears'), 'race-1')),
    );
    for (const r of results) {
      // Either the first result (run or replayed) or "still running"; never a second application.
      if (r.status === 409) expect(r.body.errors![0]!.extensions).toMatchObject({ rule: 'inProgress' });
      else expect(r.body.errors).toBeUndefined();
    }
    expect(results.filter((r) => r.status !== 409 && r.replayed === null)).toHaveLength(1);
    expect(await count('auth_sharing_agreement', "consumer_org = 'BANK_RACE_002'")).toBe(1);
  });

  it('a malformed key is BAD_USER_INPUT naming the header', async () => {
    for (const key of ['has space', 'k'.repeat(129)]) {
      const res = await post(bank, APPLY, applyInput(), key);
      expect(res.status).toBe(400);
      expect(res.body.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'Idempotency-Key',
      });
    }
    expect((await post(bank, APPLY, applyInput(), 'k'.repeat(128))).status).not.toBe(400);
  });

  it('queries ignore the header', async () => {
    const query = '{ sharingAgreements(first: 1) { totalCount } }';
    const res = await post(bank, query, {}, 'apply-1');
    expect(res.body.errors).toBeUndefined();
    expect(res.replayed).toBeNull();
  });
});

describe('a document of several mutations', () => {
  const CREATE3 = `mutation ($a: CreateApiKeyInput!, $b: CreateApiKeyInput!, $c: CreateApiKeyInput!) {
    a: createApiKey(input: $a) { apiKey { id name } }
    b: createApiKey(input: $b) { apiKey { id name } }
    c: createApiKey(input: $c) { apiKey { id name } }
  }`;
  const input = (name: string) => ({ name, subject: 'batch', organisation: 'BANK_XM_001', kind: 'BANK' });
  // A key cannot outrank its issuer: the bank's own administrator issues the bank's keys.
  const admin = { principal: { ...PRINCIPALS.bank, sub: 'bank-admin', scopes: ['api-keys:manage'] } };

  it('returns each mutation’s result or error: valid, invalid, valid keeps both committed results', async () => {
    const keys = await count('auth_api_key');
    const variables = { a: input('batch one'), b: input('bad\u0000name'), c: input('batch three') };
    const res = await post(admin, CREATE3, variables, 'batch-1');
    expect(res.status).toBe(200);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]).toMatchObject({
      path: ['b'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'name', rule: 'nul' },
    });
    const data = res.body.data as Record<string, { apiKey: { id: string; name: string } } | null>;
    expect(data.a?.apiKey.name).toBe('batch one');
    expect(data.b).toBeNull();
    expect(data.c?.apiKey.name).toBe('batch three');
    expect(await count('auth_api_key')).toBe(keys + 2);
    // The retry gets the same ids back instead of creating two more keys.
    const retry = await post(admin, CREATE3, variables, 'batch-1');
    expect(retry.replayed).toBe('true');
    expect(retry.body).toEqual(res.body);
    expect(await count('auth_api_key')).toBe(keys + 2);
  });
});
