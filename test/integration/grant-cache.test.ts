import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessLogEntity } from '../../src/audit/access-log.entity.js';
import { verifyChain } from '../../src/audit/access-log.verify.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import { Purpose } from '../../src/auth/purpose.js';
import { grantEveryConditionalResource, startTestHub, type TestHub } from '../helpers/test-hub.js';

const USCC = '91350100M000100Y43';
const ORG = 'BANK_GRANT_CACHE';
const BANK = { sub: 'grant-cache-engine', org: ORG, kind: PrincipalKind.BANK } as TokenClaims;
// Conditional data (credit.taxArrears): logged, so the append confirms the kept grants.
const GOVERNED =
  'query Governed($uscc: USCC!) { enterprise(uscc: $uscc) { uscc taxArrears { totalCount } } }';
// Public data only: no record, so one statement confirms them.
const PUBLIC = 'query Public($uscc: USCC!) { enterprise(uscc: $uscc) { uscc name } }';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 10 });
  await grantEveryConditionalResource(hub.orm, ORG);
});
afterAll(async () => {
  await hub?.close();
});

interface Answer {
  status: number;
  data: { enterprise: { taxArrears?: { totalCount: number } | null } | null } | undefined;
  codes: (string | undefined)[];
}
async function read(query: string, requestId: string): Promise<Answer> {
  const res = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': requestId,
      ...(await hub.headersFor({ principal: BANK, purpose: Purpose.CREDIT_ASSESSMENT })),
    },
    body: JSON.stringify({ query, variables: { uscc: USCC } }),
  });
  const body = (await res.json()) as {
    data?: Answer['data'];
    errors?: { extensions?: { code?: string; reason?: string } }[];
  };
  return {
    status: res.status,
    data: body.data,
    codes: (body.errors ?? []).map((e) => e.extensions?.reason ?? e.extensions?.code),
  };
}
const statementKinds = () =>
  [...hub.counter.statements].map((sql) =>
    /auth_grants_fingerprint\(\?\) as fingerprint$/.test(sql.trim())
      ? 'confirm'
      : /auth_grants_fingerprint/.test(sql)
        ? 'grants'
        : /audit_access_log_append/.test(sql)
          ? 'append'
          : 'data',
  );
// Changes made behind the hub's back, as another hub instance or an operator would.
const setAgreement = (set: string) =>
  hub.orm.em
    .fork()
    .execute(`update auth_sharing_agreement set ${set} where consumer_org = ? and resource = ?`, [
      ORG,
      'credit.taxArrears',
    ]);
const served = { status: 200, codes: [] };
const denied = { status: 200, codes: ['NO_AGREEMENT'] };
async function recordsOf(requestId: string): Promise<AccessLogEntity[]> {
  return hub.orm.em.fork().find(AccessLogEntity, { requestId });
}

describe('kept grants (one hub process) are confirmed by the database before an answer leaves', () => {
  it('a query after the first is decided from the kept grants, confirmed inside its append', async () => {
    expect(await read(GOVERNED, 'gc-first')).toMatchObject(served);
    hub.counter.reset();
    const again = await read(GOVERNED, 'gc-kept');
    expect(again).toMatchObject(served);
    expect(again.data?.enterprise?.taxArrears?.totalCount).toEqual(expect.any(Number));
    expect(statementKinds().filter((k) => k !== 'data')).toEqual(['append']);
    expect(await recordsOf('gc-kept')).toHaveLength(1);
  });

  it('a revocation made elsewhere counts from the next query: the kept grants are refused, the query runs again', async () => {
    await setAgreement("status = 'REVOKED', revoked_at = now(), revoked_by = 'elsewhere'");
    hub.counter.reset();
    const next = await read(GOVERNED, 'gc-after-revoke');
    expect(next).toMatchObject(denied);
    expect(next.data?.enterprise?.taxArrears).toBeNull();
    // Refused append (kept grants), fresh grants, the second run's append.
    expect(statementKinds().filter((k) => k !== 'data')).toEqual(['append', 'grants', 'append']);
    // Only the answer that left is on file: its record shows the denial.
    const records = await recordsOf('gc-after-revoke');
    expect(records).toHaveLength(1);
    expect(records[0]!.decisions.denials).toEqual([expect.objectContaining({ reason: 'NO_AGREEMENT' })]);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true });
  });

  it('an approval made elsewhere counts from the next query', async () => {
    expect(await read(GOVERNED, 'gc-still-revoked')).toMatchObject(denied);
    await setAgreement("status = 'APPROVED', revoked_at = null, revoked_by = null");
    expect(await read(GOVERNED, 'gc-after-approval')).toMatchObject(served);
  });

  it('an agreement that expires by the database clock stops at its end, with nothing written', async () => {
    await setAgreement("valid_to = now() + interval '1 second'");
    // Kept with the fingerprint of grants that include it.
    expect(await read(GOVERNED, 'gc-before-expiry')).toMatchObject(served);
    expect(await read(GOVERNED, 'gc-before-expiry-kept')).toMatchObject(served);
    for (;;) {
      const [row] = await hub.orm.em
        .fork()
        .execute<
          { over: boolean }[]
        >('select now() >= valid_to as over from auth_sharing_agreement where consumer_org = ? and resource = ?', [ORG, 'credit.taxArrears']);
      if (row?.over) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await read(GOVERNED, 'gc-after-expiry')).toMatchObject(denied);
    await setAgreement("valid_to = now() + interval '1 year'");
  });

  it('a query with no record is confirmed by one statement, and runs again if the grants changed', async () => {
    expect(await read(PUBLIC, 'gc-public-1')).toMatchObject(served);
    hub.counter.reset();
    expect(await read(PUBLIC, 'gc-public-2')).toMatchObject(served);
    expect(statementKinds().filter((k) => k !== 'data')).toEqual(['confirm']);
    await setAgreement("status = 'REVOKED'");
    hub.counter.reset();
    expect(await read(PUBLIC, 'gc-public-3')).toMatchObject(served);
    expect(statementKinds().filter((k) => k !== 'data')).toEqual(['confirm', 'grants']);
    await setAgreement("status = 'APPROVED'");
  });
});
