import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestHub, type Caller, type GraphQLResponse, type TestHub } from '../helpers/test-hub.js';
import { verifyChain } from '../../src/audit/access-log.verify.js';
import { Purpose } from '../../src/auth/purpose.js';
import { accessLogProbe } from '../helpers/access-log.js';
import { PRINCIPALS } from '../helpers/principals.js';

const TRANSPORT_CO = '91350200776049653A';

let hub: TestHub;
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  hub.orm.em.fork().execute<T[]>(query, params);

beforeAll(async () => {
  hub = await startTestHub({ enterprises: 10, env: { AUTHZ_MODE: 'reject' } });
});
afterAll(async () => {
  await hub?.close();
});

const bank: Caller = { principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT };

const { logCount, withLog } = accessLogProbe(() => hub);

/** Refused whole: no data, one FORBIDDEN error listing exactly `fields`, one log record saying so. */
async function expectRefused(
  query: string,
  fields: string[],
  variables?: Record<string, unknown>,
  caller: Caller = bank,
): Promise<GraphQLResponse> {
  const { res, records } = await withLog(() => hub.as(caller)(query, variables));
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.body.data ?? null).toBeNull();
  expect(res.body.errors).toHaveLength(1);
  const [error] = res.body.errors!;
  expect(error!.extensions?.code).toBe('FORBIDDEN');
  expect([...(error!.extensions?.fields as string[])].sort()).toEqual([...fields].sort());
  for (const field of fields) expect(error!.message).toContain(field);
  // Nothing of the enterprise was resolved, not even its name.
  const [{ name }] = (await sql<{ name: string }>('select name from registry_enterprise where uscc = ?', [
    TRANSPORT_CO,
  ])) as [{ name: string }];
  expect(JSON.stringify(res.body)).not.toContain(name);

  expect(records).toHaveLength(1);
  const record = records[0]!;
  expect(record).toMatchObject({
    organisation: caller.principal!.org,
    purpose: caller.purpose ?? null,
  });
  expect(record.decisions.resources).toEqual([]);
  expect(record.decisions.denials.map((d) => d.field).sort()).toEqual([...fields].sort());
  return res;
}

const GRADE_FIELDS = ['Enterprise.taxGrades', 'TaxCreditEvaluation.grade', 'TaxCreditEvaluation.year'];

describe('AUTHZ_MODE=reject', () => {
  it('refuses an operation selecting a denied field directly', async () => {
    const res = await expectRefused(
      `query Direct { enterprise(uscc: "${TRANSPORT_CO}") { name taxGrades { edges { node { year grade } } } } }`,
      GRADE_FIELDS,
    );
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the operation in its log record, with reason and owner of each refused field', async () => {
    const { records } = await withLog(() =>
      hub.as(bank)(`query NamedRefusal { enterprise(uscc: "${TRANSPORT_CO}") { vehicles { totalCount } } }`),
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      operationName: 'NamedRefusal',
      resources: ['transport.vehicles'],
      owners: ['TRANSPORT'],
    });
    expect(records[0]!.decisions.denials).toEqual([
      {
        field: 'Enterprise.vehicles',
        resource: 'transport.vehicles',
        owner: 'TRANSPORT',
        reason: 'NO_AGREEMENT',
        count: 1,
      },
    ]);
  });

  it('refuses a denied field reached through a named fragment', async () => {
    await expectRefused(
      `query Frag { enterprise(uscc: "${TRANSPORT_CO}") { name ...Grades } }
       fragment Grades on Enterprise { taxGrades { edges { node { year grade } } } }`,
      GRADE_FIELDS,
    );
  });

  it('refuses a denied field reached through nested fragments and a back-path', async () => {
    await expectRefused(
      `query Nested { enterprise(uscc: "${TRANSPORT_CO}") { name penalties { edges { node { ...P } } } } }
       fragment P on AdministrativePenalty { decisionNumber enterprise { ...Rep } }
       fragment Rep on Enterprise { legalRepresentative { name idNumber } }`,
      ['LegalRepresentative.idNumber'],
    );
  });

  it('refuses a denied field reached through an inline fragment on SourceRecord', async () => {
    const res = await withLog(() =>
      hub.as(bank)(
        `query Iface { enterprise(uscc: "${TRANSPORT_CO}") { name
          vehicles { edges { node { ... on SourceRecord { provenance { sourceRecordId } } } } } } }`,
      ),
    );
    expect(res.res.body.data ?? null).toBeNull();
    expect(res.res.body.errors).toHaveLength(1);
    const fields = res.res.body.errors![0]!.extensions?.fields as string[];
    expect(res.res.body.errors![0]!.extensions?.code).toBe('FORBIDDEN');
    expect(fields).toEqual(expect.arrayContaining(['Enterprise.vehicles', 'TransportVehicle.provenance']));
    expect(res.records).toHaveLength(1);
    expect(res.records[0]!.decisions.denials.map((d) => d.field)).toEqual(
      expect.arrayContaining(['Enterprise.vehicles', 'TransportVehicle.provenance']),
    );
  });

  it('refuses a denied field reached through an inline fragment on a concrete type', async () => {
    await expectRefused(
      `query Concrete { enterprise(uscc: "${TRANSPORT_CO}") { ... on Enterprise { name
        vehicles { edges { node { ... on TransportVehicle { plateNumber } } } } } } }`,
      ['Enterprise.vehicles', 'TransportVehicle.plateNumber'],
    );
  });

  it('refuses an aliased denied field, and one under @include(if: false)', async () => {
    await expectRefused(
      `query Aliased($skip: Boolean!) { enterprise(uscc: "${TRANSPORT_CO}") { name
        a: rdSpending { totalCount } b: rdSpending @include(if: $skip) { totalCount } } }`,
      ['Enterprise.rdSpending'],
      { skip: false },
    );
  });

  it('refuses for the wrong purpose with PURPOSE_NOT_GRANTED and without one with PURPOSE_REQUIRED', async () => {
    const query = `query P { enterprise(uscc: "${TRANSPORT_CO}") { name taxArrears { totalCount } } }`;
    const wrong = await expectRefused(query, ['Enterprise.taxArrears'], undefined, {
      principal: PRINCIPALS.reader,
      purpose: Purpose.SUPERVISION,
    });
    expect(wrong.body.errors![0]!.message).toContain('does not cover the declared purpose');
    const none = await expectRefused(query, ['Enterprise.taxArrears'], undefined, {
      principal: PRINCIPALS.reader,
    });
    expect(none.body.errors![0]!.message).toContain('X-Purpose');
  });

  it('answers the same query without the denied field, and logs nothing', async () => {
    const { res, records } = await withLog(() =>
      hub.as(bank)(
        `query Allowed { enterprise(uscc: "${TRANSPORT_CO}") { name legalRepresentative { name }
          penalties { totalCount edges { node { decisionNumber enterprise { uscc } } } } } }`,
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toMatchObject({
      enterprise: { name: expect.any(String), legalRepresentative: { name: expect.any(String) } },
    });
    expect(records).toEqual([]);
  });

  it('answers the holder of an agreement for the granted purpose in full', async () => {
    const { res, records } = await withLog(() =>
      hub.as({ principal: PRINCIPALS.reader, purpose: Purpose.CREDIT_ASSESSMENT })<{
        enterprise: { taxGrades: { edges: { node: { grade: string } }[] } };
      }>(
        `query Granted { enterprise(uscc: "${TRANSPORT_CO}") { name taxGrades { edges { node { year grade } } } } }`,
      ),
    );
    expect(res.body.errors).toBeUndefined();
    const grades = (
      await sql<{ grade: string }>(
        'select grade from credit_tax_evaluation where uscc = ? order by year desc',
        [TRANSPORT_CO],
      )
    ).map((r) => r.grade);
    expect(res.body.data!.enterprise.taxGrades.edges.map((e) => e.node.grade)).toEqual(grades);
    expect(records).toHaveLength(1);
    expect(records[0]!.decisions.denials).toEqual([]);
  });

  it('does not refuse an inline fragment on SourceRecord inside a permitted list', async () => {
    // Only penalties (unconditional) are selected; `... on SourceRecord { id }` can only
    // resolve on AdministrativePenalty here, so nothing denied is selected.
    const { res, records } = await withLog(() =>
      hub.as(bank)(
        `query PenaltyIds { enterprise(uscc: "${TRANSPORT_CO}") { name
          penalties { edges { node { ... on SourceRecord { id provenance { sourceRecordId } } } } } } }`,
      ),
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(records).toEqual([]);
  });

  it('judges only the operation that runs, not another operation in the same document', async () => {
    const { res, records } = await withLog(async () => {
      const r = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await hub.headersFor(bank)) },
        body: JSON.stringify({
          operationName: 'Safe',
          query: `query Safe { enterprise(uscc: "${TRANSPORT_CO}") { name } }
            query Unsafe { enterprise(uscc: "${TRANSPORT_CO}") { taxGrades { totalCount } } }`,
        }),
      });
      return { status: r.status, contentType: undefined, body: (await r.json()) as GraphQLResponse['body'] };
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ enterprise: { name: expect.any(String) } });
    expect(records).toEqual([]);
  });

  it('keeps the chain intact over refusals', async () => {
    const total = await logCount();
    expect(total).toBeGreaterThan(5);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: total });
  });
});
