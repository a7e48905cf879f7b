import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// Imported before the agreements service: modules → shield → hub-catalog → platform →
// agreements is an import cycle that only resolves when the modules load first.
import {
  grantEveryConditionalResource,
  startTestHub,
  type Caller,
  type TestHub,
} from '../helpers/test-hub.js';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import { createApprovedAgreement } from '../../src/auth/agreements/agreement.service.js';
import { Purpose } from '../../src/auth/purpose.js';
import { PRINCIPALS } from '../helpers/principals.js';

/** Transport company with violations: tax grades B/D, a dozen vehicles, penalties. */
const TRANSPORT_CO = '91350200776049653A';
const CLEAN_MANUFACTURER = '91350100M000100Y43';

type GqlError = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> };
interface RawResponse {
  status: number;
  /** The response body exactly as sent. */
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: GqlError[] };
}

let hub: TestHub;
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  hub.orm.em.fork().execute<T[]>(query, params);

beforeAll(async () => {
  // The back-path probes nest default-sized pages three deep (50 × 50 × 50 items at worst):
  // over the default cost limit, which is not what these tests are about.
  hub = await startTestHub({ enterprises: 60, env: { MAX_OPERATION_COST: '100000000' } });
  // BANK_GZ_002 holds agreements for every conditional resource, but only for SUPERVISION.
  await grantEveryConditionalResource(hub.orm, PRINCIPALS.otherBank.org, [Purpose.SUPERVISION]);
  // TAX may read legal representatives' identity numbers (masked) for supervision.
  await createApprovedAgreement(hub.orm.em.fork(), {
    consumerOrg: PRINCIPALS.tax.org,
    resource: 'registry.legalRepresentativeIdentity',
    purposes: [Purpose.SUPERVISION],
    validFrom: new Date(Date.now() - 86_400_000),
    validTo: new Date(Date.now() + 86_400_000),
    approvedBy: 'MARKET_REGULATION/test',
  });
});
afterAll(async () => {
  await hub?.close();
});

/** POSTs one operation and keeps the raw body, so a leak cannot hide in a part the test does not parse. */
async function post(
  caller: Caller,
  query: string,
  variables?: Record<string, unknown>,
): Promise<RawResponse> {
  const res = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(await hub.headersFor(caller)),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as RawResponse['body'] };
}

/** Independent of src/auth/masking.ts on purpose: first 3 and last 4 characters kept. */
const masked = (value: string) => `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;

/**
 * Every value of an enterprise's conditional data that a denied caller must never
 * see, read directly from the database.
 */
async function deniedValuesOf(usccs: readonly string[]): Promise<string[]> {
  const list = usccs.map((u) => `'${u}'`).join(', ');
  const values: string[] = [];
  for (const row of await sql<{ v: string }>(
    `select source_record_id as v from credit_tax_evaluation where uscc in (${list})
     union all select evaluated_date::text from credit_tax_evaluation where uscc in (${list})
     union all select plate_number from tc_vehicle where uscc in (${list})
     union all select transport_certificate_number from tc_vehicle where uscc in (${list})
     union all select source_record_id from tc_vehicle where uscc in (${list})`,
  )) {
    values.push(row.v);
  }
  for (const row of await sql<{ v: string }>(
    `select legal_representative_id_number as v from registry_enterprise where uscc in (${list})`,
  )) {
    values.push(row.v, masked(row.v), row.v.slice(6, 14) /* date of birth */);
  }
  return values;
}

async function expectNoneOf(values: readonly string[], res: RawResponse): Promise<void> {
  const reparsed = JSON.stringify(res.body);
  const leaked = values.filter((v) => res.text.includes(v) || reparsed.includes(v));
  expect(leaked).toEqual([]);
}

/** The value at a response path; undefined when the path does not exist. */
function at(data: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The field at `path` is null and a FORBIDDEN error with that path and reason was returned. */
function expectDenied(res: RawResponse, path: (string | number)[], reason: string): GqlError {
  expect(at(res.body.data, path)).toBeNull();
  const error = res.body.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
  expect(error).toBeDefined();
  expect(error!.extensions).toMatchObject({ code: 'FORBIDDEN', reason });
  return error!;
}

const TAX_GRADES = `taxGrades { totalCount edges { node { id leakedGrade: grade year evaluatedDate
  provenance { sourceRecordId } } } }`;
const VEHICLES = `vehicles { totalCount edges { node { id plateNumber transportCertificateNumber
  provenance { sourceRecordId } } } }`;

const otherPurposeBank = PRINCIPALS.otherBank;

describe.each([
  ['a bank with no agreement', PRINCIPALS.bank, 'NO_AGREEMENT'],
  ['a bank whose agreements cover another purpose', otherPurposeBank, 'PURPOSE_NOT_GRANTED'],
] as [string, TokenClaims, string][])('denied values never reach %s', (_name, principal, reason) => {
  const caller: Caller = { principal, purpose: Purpose.CREDIT_ASSESSMENT };
  let secrets: string[];
  beforeAll(async () => {
    secrets = await deniedValuesOf([TRANSPORT_CO]);
    // The check must be able to fail: the enterprise really has such data.
    expect(secrets.length).toBeGreaterThan(20);
  });

  it('through aliases of the same field', async () => {
    const res = await post(
      caller,
      `{ enterprise(uscc: "${TRANSPORT_CO}") { name
        a: ${TAX_GRADES}
        b: taxGrades(first: 1) { edges { node { g: grade } } }
        c: vehicles { edges { node { p: plateNumber } } }
        rep: legalRepresentative { n: name i: idNumber } } }`,
    );
    expect(res.status).toBe(200);
    expectDenied(res, ['enterprise', 'a'], reason);
    expectDenied(res, ['enterprise', 'b'], reason);
    expectDenied(res, ['enterprise', 'c'], reason);
    expectDenied(res, ['enterprise', 'rep', 'i'], reason);
    expect(at(res.body.data, ['enterprise', 'name'])).toEqual(expect.stringContaining('运输'));
    expect(at(res.body.data, ['enterprise', 'rep', 'n'])).toEqual(expect.any(String));
    expect(res.text).not.toContain('leakedGrade');
    await expectNoneOf(secrets, res);
  });

  it('through named and nested fragments', async () => {
    const res = await post(
      caller,
      `query Frag { enterprise(uscc: "${TRANSPORT_CO}") { ...Outer } }
       fragment Outer on Enterprise { uscc ...Inner legalRepresentative { ...Rep } }
       fragment Inner on Enterprise { taxGrades { edges { node { ...Eval } } } vehicles { edges { node { ...Veh } } } }
       fragment Eval on TaxCreditEvaluation { ...Meta leakedGrade: grade evaluatedDate }
       fragment Veh on TransportVehicle { ...Meta plateNumber transportCertificateNumber }
       fragment Meta on SourceRecord { id provenance { sourceRecordId } }
       fragment Rep on LegalRepresentative { name idNumber }`,
    );
    expectDenied(res, ['enterprise', 'taxGrades'], reason);
    expectDenied(res, ['enterprise', 'vehicles'], reason);
    expectDenied(res, ['enterprise', 'legalRepresentative', 'idNumber'], reason);
    expect(at(res.body.data, ['enterprise', 'uscc'])).toBe(TRANSPORT_CO);
    expect(at(res.body.data, ['enterprise', 'legalRepresentative', 'name'])).toEqual(expect.any(String));
    expect(res.text).not.toContain('leakedGrade');
    await expectNoneOf(secrets, res);
  });

  it('through inline fragments on the SourceRecord interface and on concrete types', async () => {
    const res = await post(
      caller,
      `{ enterprise(uscc: "${TRANSPORT_CO}") {
        ... on Enterprise { name taxGrades { edges { node {
          ... on SourceRecord { id provenance { sourceRecordId } }
          ... on TaxCreditEvaluation { leakedGrade: grade evaluatedDate } } } } }
        vehicles { edges { node { ... on SourceRecord { provenance { sourceRecordId } }
          ... on TransportVehicle { plateNumber } } } }
        legalRepresentative { ... on LegalRepresentative { idNumber } }
        penalties { totalCount edges { node { ... on SourceRecord { id }
          ... on AdministrativePenalty { decisionNumber enterprise { ... on Enterprise { taxGrades { totalCount } } } } } } } } }`,
    );
    expectDenied(res, ['enterprise', 'taxGrades'], reason);
    expectDenied(res, ['enterprise', 'vehicles'], reason);
    expectDenied(res, ['enterprise', 'legalRepresentative', 'idNumber'], reason);
    expect(at(res.body.data, ['enterprise', 'name'])).toEqual(expect.any(String));
    const penalties = at(res.body.data, ['enterprise', 'penalties']) as {
      totalCount: number;
      edges: { node: { id: string; decisionNumber: string } }[];
    };
    expect(penalties.totalCount).toBeGreaterThan(0);
    penalties.edges.forEach((edge, i) => {
      expect(edge.node.id).toEqual(expect.any(String));
      expect(edge.node.decisionNumber).toEqual(expect.any(String));
      expectDenied(res, ['enterprise', 'penalties', 'edges', i, 'node', 'enterprise', 'taxGrades'], reason);
    });
    await expectNoneOf(secrets, res);
  });

  it('through back-paths from the enterprise’s own records to the enterprise', async () => {
    const res = await post(
      caller,
      `{ enterprise(uscc: "${TRANSPORT_CO}") { uscc
        penalties { edges { node { decisionNumber enterprise { uscc ${TAX_GRADES}
          legalRepresentative { name idNumber }
          licences { edges { node { enterprise { ${VEHICLES} } } } }
          penalties { edges { node { enterprise { legalRepresentative { idNumber } } } } } } } } }
        transportLicences { edges { node { licenceNumber enterprise { ${VEHICLES} } } } } } }`,
    );
    expect(res.status).toBe(200);
    type Node = { decisionNumber: string; enterprise: { uscc: string } };
    const penalties = (at(res.body.data, ['enterprise', 'penalties', 'edges']) as { node: Node }[]) ?? [];
    expect(penalties.length).toBeGreaterThan(0);
    penalties.forEach((edge, i) => {
      const base = ['enterprise', 'penalties', 'edges', i, 'node', 'enterprise'];
      expect(edge.node.decisionNumber).toEqual(expect.any(String));
      expect(edge.node.enterprise.uscc).toBe(TRANSPORT_CO);
      expectDenied(res, [...base, 'taxGrades'], reason);
      expectDenied(res, [...base, 'legalRepresentative', 'idNumber'], reason);
      expect(at(res.body.data, [...base, 'legalRepresentative', 'name'])).toEqual(expect.any(String));
      const inner = at(res.body.data, [...base, 'penalties', 'edges']) as unknown[];
      expect(inner.length).toBe(penalties.length);
      inner.forEach((_e, j) =>
        expectDenied(
          res,
          [...base, 'penalties', 'edges', j, 'node', 'enterprise', 'legalRepresentative', 'idNumber'],
          reason,
        ),
      );
    });
    const licences = at(res.body.data, ['enterprise', 'transportLicences', 'edges']) as unknown[];
    expect(licences.length).toBeGreaterThan(0);
    licences.forEach((_e, i) =>
      expectDenied(
        res,
        ['enterprise', 'transportLicences', 'edges', i, 'node', 'enterprise', 'vehicles'],
        reason,
      ),
    );
    expect(res.text).not.toContain('leakedGrade');
    await expectNoneOf(secrets, res);
  });

  it('through variables for the arguments', async () => {
    const res = await post(
      caller,
      `query Vars($uscc: USCC!, $first: Int, $since: Int, $keyOnly: Boolean) {
        enterprise(uscc: $uscc) { name
          taxGrades(first: $first, sinceYear: $since) { edges { node { leakedGrade: grade evaluatedDate } } }
          vehicles(first: $first, keyVehiclesOnly: $keyOnly) { edges { node { plateNumber } } } } }`,
      { uscc: TRANSPORT_CO, first: 100, since: 2000, keyOnly: false },
    );
    expectDenied(res, ['enterprise', 'taxGrades'], reason);
    expectDenied(res, ['enterprise', 'vehicles'], reason);
    expect(at(res.body.data, ['enterprise', 'name'])).toEqual(expect.any(String));
    expect(res.text).not.toContain('leakedGrade');
    await expectNoneOf(secrets, res);
  });

  it('through __typename-only selections, which do not even reveal that records exist', async () => {
    const res = await post(
      caller,
      `{ enterprise(uscc: "${TRANSPORT_CO}") { __typename
        taxGrades { __typename }
        vehicles { __typename totalCount edges { __typename node { __typename } } }
        legalRepresentative { __typename idNumber } } }`,
    );
    expect(at(res.body.data, ['enterprise', '__typename'])).toBe('Enterprise');
    expectDenied(res, ['enterprise', 'taxGrades'], reason);
    expectDenied(res, ['enterprise', 'vehicles'], reason);
    expectDenied(res, ['enterprise', 'legalRepresentative', 'idNumber'], reason);
    expect(at(res.body.data, ['enterprise', 'legalRepresentative', '__typename'])).toBe(
      'LegalRepresentative',
    );
    expect(res.text).not.toContain('TaxCreditEvaluationConnection');
    expect(res.text).not.toContain('TransportVehicleEdge');
    await expectNoneOf(secrets, res);
  });

  it('through the enterprises list as through enterprise(uscc)', async () => {
    const res = await post(
      caller,
      `{ enterprises(first: 50) { totalCount edges { node { uscc name ${TAX_GRADES} ${VEHICLES}
        legalRepresentative { name idNumber } } } } }`,
    );
    expect(res.status).toBe(200);
    const edges = at(res.body.data, ['enterprises', 'edges']) as { node: { uscc: string; name: string } }[];
    expect(edges).toHaveLength(50);
    edges.forEach((edge, i) => {
      const base = ['enterprises', 'edges', i, 'node'];
      expect(edge.node.name).toEqual(expect.any(String));
      expectDenied(res, [...base, 'taxGrades'], reason);
      expectDenied(res, [...base, 'vehicles'], reason);
      expectDenied(res, [...base, 'legalRepresentative', 'idNumber'], reason);
    });
    expect(edges.map((e) => e.node.uscc)).toContain(TRANSPORT_CO);
    const pageSecrets = await deniedValuesOf(edges.map((e) => e.node.uscc));
    expect(pageSecrets.length).toBeGreaterThan(secrets.length);
    expect(res.text).not.toContain('leakedGrade');
    await expectNoneOf(pageSecrets, res);
  });
});

describe('HTTP batching', () => {
  it('refuses a JSON array of operations with a 4xx and no data', async () => {
    const op = (q: string) => ({ query: `{ enterprise(uscc: "${TRANSPORT_CO}") { ${q} } }` });
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await hub.headersFor({ principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT })),
      },
      body: JSON.stringify([op('name'), op(TAX_GRADES), op(`legalRepresentative { idNumber }`)]),
    });
    const text = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = JSON.parse(text) as { data?: unknown; errors?: GqlError[] };
    expect(Array.isArray(body)).toBe(false);
    expect(body.data).toBeUndefined();
    expect(body.errors?.length).toBe(1);
    const name = (
      await sql<{ name: string }>('select name from registry_enterprise where uscc = ?', [TRANSPORT_CO])
    )[0]!.name;
    expect(text).not.toContain(name);
    expect(text).not.toContain(TRANSPORT_CO);
    for (const v of await deniedValuesOf([TRANSPORT_CO])) expect(text).not.toContain(v);
  });

  it('refuses a batch even from a caller entitled to every operation in it', async () => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await hub.headersFor({ principal: PRINCIPALS.reader, purpose: Purpose.CREDIT_ASSESSMENT })),
      },
      body: JSON.stringify([{ query: `{ enterprise(uscc: "${TRANSPORT_CO}") { ${TAX_GRADES} } }` }]),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const text = await res.text();
    expect((JSON.parse(text) as { data?: unknown }).data).toBeUndefined();
    expect(text).not.toContain('leakedGrade');
  });
});

describe('personal data: the legal representative’s identity number', () => {
  const ID_QUERY = `query Id($uscc: USCC!) { enterprise(uscc: $uscc) { legalRepresentative { name idNumber } } }`;
  let idNumber: string;
  beforeAll(async () => {
    idNumber = (
      await sql<{ v: string }>(
        'select legal_representative_id_number as v from registry_enterprise where uscc = ?',
        [CLEAN_MANUFACTURER],
      )
    )[0]!.v;
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it.each([
    ['a bank holding an agreement', { principal: PRINCIPALS.reader, purpose: Purpose.CREDIT_ASSESSMENT }],
    ['another department holding an agreement', { principal: PRINCIPALS.tax, purpose: Purpose.SUPERVISION }],
  ] as [string, Caller][])('is masked for %s: first 3 and last 4 kept, stars between', async (_n, caller) => {
    const res = await post(caller, ID_QUERY, { uscc: CLEAN_MANUFACTURER });
    expect(res.body.errors).toBeUndefined();
    const served = at(res.body.data, ['enterprise', 'legalRepresentative', 'idNumber']);
    expect(served).toBe(`${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`);
    expect(served).toBe(masked(idNumber));
    expect(res.text).not.toContain(idNumber);
    expect(res.text).not.toContain(idNumber.slice(6, 14));
  });

  it('is served in full to its owner, MARKET_REGULATION, without any purpose', async () => {
    const res = await post({ principal: PRINCIPALS.marketRegulation }, ID_QUERY, {
      uscc: CLEAN_MANUFACTURER,
    });
    expect(res.body.errors).toBeUndefined();
    expect(at(res.body.data, ['enterprise', 'legalRepresentative', 'idNumber'])).toBe(idNumber);
  });

  it('is denied to another department whose agreement does not cover the declared purpose', async () => {
    const res = await post({ principal: PRINCIPALS.tax, purpose: Purpose.CREDIT_ASSESSMENT }, ID_QUERY, {
      uscc: CLEAN_MANUFACTURER,
    });
    expectDenied(res, ['enterprise', 'legalRepresentative', 'idNumber'], 'PURPOSE_NOT_GRANTED');
    expect(at(res.body.data, ['enterprise', 'legalRepresentative', 'name'])).toEqual(expect.any(String));
    await expectNoneOf([idNumber, masked(idNumber)], res);
  });
});

describe('departments, roles and purposes', () => {
  const ALL_CONDITIONAL = `{ enterprise(uscc: "${TRANSPORT_CO}") { name ${TAX_GRADES} ${VEHICLES}
    taxArrears { totalCount } riskClasses { totalCount } socialInsuranceAccounts { totalCount }
    rdSpending { totalCount } legalRepresentative { idNumber } } }`;
  const CONDITIONAL_PATHS = [
    ['enterprise', 'taxGrades'],
    ['enterprise', 'vehicles'],
    ['enterprise', 'taxArrears'],
    ['enterprise', 'riskClasses'],
    ['enterprise', 'socialInsuranceAccounts'],
    ['enterprise', 'rdSpending'],
    ['enterprise', 'legalRepresentative', 'idNumber'],
  ];

  it('denies a department another department’s conditional data without an agreement', async () => {
    const secrets = await deniedValuesOf([TRANSPORT_CO]);
    const res = await post(
      { principal: PRINCIPALS.transport, purpose: Purpose.SUPERVISION },
      `{ enterprise(uscc: "${TRANSPORT_CO}") { name ${TAX_GRADES} rdSpending { totalCount } } }`,
    );
    expectDenied(res, ['enterprise', 'taxGrades'], 'NO_AGREEMENT');
    expectDenied(res, ['enterprise', 'rdSpending'], 'NO_AGREEMENT');
    expect(at(res.body.data, ['enterprise', 'name'])).toEqual(expect.any(String));
    await expectNoneOf(secrets, res);

    // ...while it reads its own conditional resource in full, with no agreement and no purpose.
    const plates = (
      await sql<{ p: string }>('select plate_number as p from tc_vehicle where uscc = ?', [TRANSPORT_CO])
    ).map((r) => r.p);
    const own = await post(
      { principal: PRINCIPALS.transport },
      `{ enterprise(uscc: "${TRANSPORT_CO}") { vehicles(first: 100) { edges { node { plateNumber } } } } }`,
    );
    expect(own.body.errors).toBeUndefined();
    const served = (
      at(own.body.data, ['enterprise', 'vehicles', 'edges']) as { node: { plateNumber: string } }[]
    ).map((e) => e.node.plateNumber);
    expect(served.sort()).toEqual(plates.sort());
  });

  it.each([
    ['ADMIN', PRINCIPALS.admin],
    ['AUDITOR', PRINCIPALS.auditor],
  ] as [string, TokenClaims][])('gives %s no conditional data by its role', async (_kind, principal) => {
    const secrets = await deniedValuesOf([TRANSPORT_CO]);
    for (const purpose of [Purpose.CREDIT_ASSESSMENT, Purpose.SUPERVISION, undefined]) {
      const res = await post({ principal, ...(purpose ? { purpose } : {}) }, ALL_CONDITIONAL);
      expect(res.status).toBe(200);
      for (const path of CONDITIONAL_PATHS) expectDenied(res, path, 'NO_AGREEMENT');
      expect(at(res.body.data, ['enterprise', 'name'])).toEqual(expect.any(String));
      expect(res.text).not.toContain('leakedGrade');
      await expectNoneOf(secrets, res);
    }
  });

  it('answers 401 with no data to a caller without credentials', async () => {
    const res = await post({ principal: null }, ALL_CONDITIONAL);
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(res.text).not.toContain(TRANSPORT_CO);
    await expectNoneOf(await deniedValuesOf([TRANSPORT_CO]), res);
  });

  it('answers 401 to a forged token', async () => {
    const good = (await hub.headersFor({ principal: PRINCIPALS.reader })).authorization!;
    const [h, , s] = good.slice('Bearer '.length).split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'x', org: 'MARKET_REGULATION', kind: 'DEPARTMENT' }),
    ).toString('base64url');
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${h}.${payload}.${s}` },
      body: JSON.stringify({
        query: `{ enterprise(uscc: "${TRANSPORT_CO}") { legalRepresentative { idNumber } } }`,
      }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { data?: unknown; errors?: GqlError[] };
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers PURPOSE_REQUIRED, naming X-Purpose, when an agreement holder declares no purpose', async () => {
    const res = await post({ principal: PRINCIPALS.reader }, ALL_CONDITIONAL);
    for (const path of CONDITIONAL_PATHS) {
      const error = expectDenied(res, path, 'PURPOSE_REQUIRED');
      expect(error.message).toContain('X-Purpose');
    }
    expect(at(res.body.data, ['enterprise', 'name'])).toEqual(expect.any(String));
    await expectNoneOf(await deniedValuesOf([TRANSPORT_CO]), res);
  });

  it('answers PURPOSE_NOT_GRANTED for a purpose the agreement does not list', async () => {
    const res = await post(
      { principal: PRINCIPALS.reader, purpose: Purpose.LAW_ENFORCEMENT },
      ALL_CONDITIONAL,
    );
    for (const path of CONDITIONAL_PATHS) expectDenied(res, path, 'PURPOSE_NOT_GRANTED');
    await expectNoneOf(await deniedValuesOf([TRANSPORT_CO]), res);
  });

  it('serves the same query to the agreement holder for the granted purpose (the denials above are real)', async () => {
    const res = await post(
      { principal: PRINCIPALS.reader, purpose: Purpose.CREDIT_ASSESSMENT },
      ALL_CONDITIONAL,
    );
    expect(res.body.errors).toBeUndefined();
    const grades = (
      await sql<{ grade: string }>(
        'select grade from credit_tax_evaluation where uscc = ? order by year desc',
        [TRANSPORT_CO],
      )
    ).map((r) => r.grade);
    const served = (
      at(res.body.data, ['enterprise', 'taxGrades', 'edges']) as { node: { leakedGrade: string } }[]
    ).map((e) => e.node.leakedGrade);
    expect(served).toEqual(grades);
    const plates = (
      at(res.body.data, ['enterprise', 'vehicles', 'edges']) as { node: { plateNumber: string } }[]
    ).map((e) => e.node.plateNumber);
    expect(plates.length).toBeGreaterThan(0);
    for (const plate of plates) expect(res.text).toContain(plate);
  });
});
