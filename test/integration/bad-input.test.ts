import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlEntityManager } from '@mikro-orm/sql';
import {
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  getNamedType,
  type GraphQLInputType,
} from 'graphql';
// Imported before the agreements component: see agreements.test.ts on the import cycle.
import { startTestHub, type GraphQLResponse, type TestHub } from '../helpers/test-hub.js';
import {
  createAgreementRecord,
  SharingAgreementStatus,
  type StoredAgreementStatus,
} from '../../src/auth/agreements/index.js';
import { createApiKey } from '../../src/auth/api-keys/index.js';
import { mintToken, type TokenClaims } from '../../src/auth/authenticate.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { SAMPLES, USCC, enterpriseRecord } from '../helpers/ingest-samples.js';

/**
 * Generated from the schema: every mutation, every String / ID / date-time
 * argument (inside input objects too), sent every malformed form, must answer a
 * coded error naming that argument, quote a bounded prefix at most, and write
 * nothing. A new mutation without a valid base request below fails the test.
 */

const DAY = 24 * 60 * 60 * 1000;
const REASON = 'Pre-loan credit assessment of corporate borrowers';
/** Tables a mutation can write, compared whole before and after each malformed request. */
const TABLES = [
  'credit_penalty',
  'ingest_record_version',
  'auth_api_key',
  'auth_sharing_agreement',
  'audit_access_log',
  'hub_idempotency_key',
  'hub_trusted_document',
  'monitoring_portfolio',
  'monitoring_portfolio_member',
  'monitoring_webhook_endpoint',
  'monitoring_webhook_delivery',
];

type Vars = Record<string, unknown>;
interface Base {
  readonly caller: TokenClaims;
  readonly variables: () => Vars;
  /**
   * For `ingest`, whose records are JSON objects checked by their ingestion contract: text
   * fields of the first record to sweep. A malformed value there is not a GraphQL error but
   * a rejection in the report naming the field (every contract rule has its own test in
   * test/unit/ingest-contracts.test.ts); nothing may be written either way.
   */
  readonly recordTextFields?: readonly string[];
}

let hub: TestHub;
let deletablePortfolio: string;
let ids: {
  pending: string;
  pending2: string;
  approved: string;
  apiKey: string;
  portfolio: string;
  delivery: string;
};

// A penalty whose publicity period has ended, so that its credit repair is allowed.
const PENALTY = {
  ...SAMPLES(USCC.a)[0]!.record,
  sourceRecordId: 'PEN-PROBE',
  decisionDate: '2024-01-10',
  publicityEndDate: '2025-01-10',
};
const INGEST_PROBE_PENALTY = { ...PENALTY, sourceRecordId: 'PEN-PROBE-2' };

beforeAll(async () => {
  // No webhook worker: its retries of the bank's endpoint would change the delivery table
  // while a refused mutation is being checked for having written nothing.
  hub = await startTestHub({ env: { WEBHOOK_WORKER: 'false' } });
  const em = hub.orm.em.fork() as SqlEntityManager;
  const record = (consumerOrg: string, status: StoredAgreementStatus) =>
    createAgreementRecord(em, {
      consumerOrg,
      resource: 'credit.taxGrades',
      purposes: [Purpose.CREDIT_ASSESSMENT],
      status,
      ...(status === SharingAgreementStatus.APPROVED
        ? { validFrom: new Date(Date.now() - DAY), validTo: new Date(Date.now() + 30 * DAY) }
        : {}),
    });
  const pending = await record('BANK_PROBE_001', SharingAgreementStatus.PENDING);
  const pending2 = await record('BANK_PROBE_002', SharingAgreementStatus.PENDING);
  const approved = await record('BANK_PROBE_003', SharingAgreementStatus.APPROVED);
  const { record: key } = await createApiKey(
    em,
    { name: 'probe key', principalId: 'probe', organisation: 'BANK_PROBE_004', kind: PrincipalKind.BANK },
    'test',
  );
  const portfolio = await hub.as({ principal: PRINCIPALS.bank })<{ createPortfolio: { id: string } }>(
    'mutation { createPortfolio(input: { name: "bad-input book", purpose: CREDIT_ASSESSMENT }) { id } }',
  );
  const deletable = await hub.as({ principal: PRINCIPALS.otherBank })<{ createPortfolio: { id: string } }>(
    'mutation { createPortfolio(input: { name: "bad-input deletable", purpose: CREDIT_ASSESSMENT }) { id } }',
  );
  ids = {
    pending: pending.id,
    pending2: pending2.id,
    approved: approved.id,
    apiKey: key.id,
    portfolio: portfolio.body.data!.createPortfolio.id,
    delivery: '',
  };
  deletablePortfolio = deletable.body.data!.createPortfolio.id;
  // A dead delivery of the bank's own endpoint, as a receiver that never answered leaves one.
  const registered = await hub.as({ principal: PRINCIPALS.bank })<{
    registerWebhook: { endpoint: { id: string } };
  }>(
    'mutation ($p: ID!) { registerWebhook(portfolio: $p, url: "https://bank.example/hooks/risk") { endpoint { id } } }',
    {
      p: ids.portfolio,
    },
  );
  const [delivery] = await em.execute<{ id: string | number }[]>(
    `insert into monitoring_webhook_delivery (endpoint_id, event_id, payload, status, attempts, next_attempt_at)
     values (?, 1, '{}', 'DEAD', 8, now()) returning id`,
    [registered.body.data!.registerWebhook.endpoint.id],
  );
  ids.delivery = String(delivery!.id);
  const stored = await hub.as({ principal: PRINCIPALS.marketRegulation })<{
    ingest: { rejected: number; enterprises: { rejected: number } };
  }>(
    `mutation ($records: [JSONObject!]!, $enterprises: [JSONObject!]) {
      ingest(recordType: AdministrativePenalty, records: $records, enterprises: $enterprises) { rejected enterprises { rejected } }
    }`,
    { records: [PENALTY], enterprises: [enterpriseRecord(USCC.a)] },
  );
  expect(stored.body.data?.ingest).toEqual({ rejected: 0, enterprises: { rejected: 0 } });
});
afterAll(async () => {
  await hub?.close();
});

/** A valid request per mutation: the malformed value replaces one argument of it. */
const BASES: Record<string, Base> = {
  createApiKey: {
    // A key cannot outrank its issuer: the bank's own administrator issues the bank's keys.
    caller: { ...PRINCIPALS.bank, sub: 'bank-admin', scopes: ['api-keys:manage'] },
    variables: () => ({
      input: {
        name: 'bad-input probe',
        subject: 'probe-engine',
        organisation: 'BANK_XM_001',
        kind: 'BANK',
        scopes: ['credit:read'],
      },
    }),
  },
  revokeApiKey: { caller: PRINCIPALS.admin, variables: () => ({ id: ids.apiKey }) },
  ingest: {
    caller: PRINCIPALS.marketRegulation,
    variables: () => ({ recordType: 'AdministrativePenalty', records: [INGEST_PROBE_PENALTY] }),
    recordTextFields: ['sourceRecordId', 'decisionNumber', 'authority', 'reason'],
  },
  withdrawRecords: {
    caller: PRINCIPALS.marketRegulation,
    variables: () => ({
      recordType: 'AdministrativePenalty',
      sourceRecordIds: ['PEN-NEVER-STORED'],
      reason: 'Published in error by the district office',
    }),
  },
  repairRecord: {
    caller: PRINCIPALS.marketRegulation,
    variables: () => ({
      recordType: 'AdministrativePenalty',
      sourceRecordId: PENALTY.sourceRecordId,
      decision: {
        kind: 'REPAIRED',
        decisionNumber: '信用修复〔2026〕9号',
        decisionDate: '2026-01-28',
        legalBasis: '《失信行为纠正后的信用信息修复管理办法（试行）》',
      },
    }),
  },
  registerTrustedDocuments: {
    caller: PRINCIPALS.admin,
    variables: () => ({
      input: {
        organisation: 'BANK_XM_001',
        documents: ['query BadInputProbeDocument { myAccess { code deniedReason } }'],
      },
    }),
  },
  applyForSharing: {
    caller: PRINCIPALS.bank,
    variables: () => ({
      input: { resource: 'credit.taxGrades', purposes: ['CREDIT_ASSESSMENT'], reason: REASON },
    }),
  },
  approveSharingAgreement: {
    caller: PRINCIPALS.tax,
    variables: () => ({
      id: ids.pending,
      validFrom: new Date().toISOString(),
      validTo: new Date(Date.now() + 30 * DAY).toISOString(),
    }),
  },
  rejectSharingAgreement: {
    caller: PRINCIPALS.tax,
    variables: () => ({ id: ids.pending2, reason: 'The stated purpose does not cover this resource' }),
  },
  revokeSharingAgreement: {
    caller: PRINCIPALS.tax,
    variables: () => ({ id: ids.approved, reason: 'The consumer left the credit reporting scheme' }),
  },
  createPortfolio: {
    caller: PRINCIPALS.analyst,
    variables: () => ({ input: { name: 'bad-input probe book', purpose: 'STATISTICS' } }),
  },
  renamePortfolio: {
    caller: PRINCIPALS.bank,
    variables: () => ({ id: ids.portfolio, name: 'bad-input book renamed' }),
  },
  deletePortfolio: { caller: PRINCIPALS.otherBank, variables: () => ({ id: deletablePortfolio }) },
  addToPortfolio: {
    caller: PRINCIPALS.bank,
    variables: () => ({ id: ids.portfolio, usccs: [USCC.a, USCC.b] }),
  },
  removeFromPortfolio: {
    caller: PRINCIPALS.bank,
    variables: () => ({ id: ids.portfolio, usccs: [USCC.c] }),
  },
  registerWebhook: {
    caller: PRINCIPALS.bank,
    variables: () => ({ portfolio: ids.portfolio, url: 'https://bank.example/hooks/second' }),
  },
  redeliverWebhook: { caller: PRINCIPALS.bank, variables: () => ({ delivery: ids.delivery }) },
};

// The largest value that still fits the 1 MiB request body: a larger body is refused
// as REQUEST_TOO_LARGE before any argument is looked at (see operation-limits.test.ts).
const HUGE = 'x'.repeat(1_000_000);
const TEXT_FORMS: Record<string, string> = {
  nul: 'probe\u0000value with NUL',
  control: 'probe\u0007value with BEL',
  ansi: 'probe \u001b[31mred\u001b[0m value',
  csi: 'probe \u009b31m value',
  loneSurrogate: 'probe \ud800 value here',
  overlong: 'y'.repeat(10_001),
  huge: HUGE,
};
const ID_FORMS: Record<string, string> = {
  ...TEXT_FORMS,
  notUuid: 'not-a-uuid',
  injection: "1' or '1'='1",
};
const DATE_FORMS: Record<string, string> = {
  yearZero: '0000-01-01T00:00:00Z',
  before1900: '1899-12-31T23:59:59Z',
  notADate: 'the day after tomorrow',
};

interface Leaf {
  /** Path of the value inside the variables, e.g. ['input', 'name']. */
  readonly path: readonly string[];
  readonly kind: 'text' | 'id' | 'date';
  readonly list: boolean;
}

function leavesOf(name: string, type: GraphQLInputType, prefix: readonly string[]): Leaf[] {
  const named = getNamedType(type);
  const inner = type instanceof GraphQLNonNull ? type.ofType : type;
  const list = inner instanceof GraphQLList;
  if (named instanceof GraphQLInputObjectType) {
    return Object.values(named.getFields()).flatMap((f) => leavesOf(f.name, f.type, [...prefix, name]));
  }
  if (!(named instanceof GraphQLScalarType)) return [];
  const kind =
    named.name === 'ID'
      ? 'id'
      : named.name === 'String'
        ? 'text'
        : named.name === 'DateTimeISO'
          ? 'date'
          : null;
  return kind ? [{ path: [...prefix, name], kind, list }] : [];
}

function mutationFields() {
  const mutation = hub.app.schema.getMutationType()!;
  return Object.values(mutation.getFields()).map((field) => ({
    name: field.name,
    document:
      `mutation Probe${field.args.length ? `(${field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : ''} ` +
      `{ ${field.name}${field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''} { __typename } }`,
    leaves: field.args.flatMap((a) => leavesOf(a.name, a.type, [])),
  }));
}

function withValue(variables: Vars, path: readonly string[], value: unknown): Vars {
  const copy = structuredClone(variables);
  let target = copy as Record<string, unknown>;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

async function tableDigest(): Promise<Record<string, string>> {
  const em = hub.orm.em.fork();
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await em.execute<{ n: string | number; h: string | null }[]>(
      `select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`,
    );
    out[table] = `${row!.n}:${row!.h}`;
  }
  return out;
}

const errorsOf = (res: GraphQLResponse) => res.body.errors ?? [];

const REPORTING_INGEST = `mutation Probe($recordType: IngestRecordType!, $records: [JSONObject!]!) {
  ingest(recordType: $recordType, records: $records) { rejected rejections { code field } }
}`;

/** The error names the argument: in `argument` (the hub's layer) or, for a scalar refusing a variable, its path. */
function namesArgument(
  error: { message: string; extensions?: Record<string, unknown> },
  leaf: Leaf,
): boolean {
  const name = leaf.path.at(-1)!;
  if (error.extensions?.argument === name) return true;
  return error.message.includes(`$${leaf.path[0]}`) && error.message.includes(name);
}

describe('every mutation argument refuses malformed input with a coded error and writes nothing', () => {
  it('has a valid base request for every mutation in the schema', () => {
    expect(
      mutationFields()
        .map((f) => f.name)
        .sort(),
    ).toEqual(Object.keys(BASES).sort());
  });

  it('sends each malformed form to each String, ID and date-time argument', async () => {
    const failures: string[] = [];
    let probes = 0;
    for (const field of mutationFields()) {
      const base = BASES[field.name]!;
      expect(field.leaves.length + (base.recordTextFields?.length ?? 0)).toBeGreaterThan(0);
      for (const name of base.recordTextFields ?? []) {
        for (const [form, value] of Object.entries(TEXT_FORMS)) {
          const before = await tableDigest();
          const variables = withValue(base.variables(), ['records', '0', name], value);
          const res = await hub.as({ principal: base.caller })<{
            ingest: { rejected: number; rejections: { code: string; field: string | null }[] };
          }>(REPORTING_INGEST, variables);
          const after = await tableDigest();
          probes++;
          const label = `ingest(records[0].${name}) ${form}`;
          const rejection = res.body.data?.ingest?.rejections[0];
          if (!rejection) failures.push(`${label}: not rejected (${JSON.stringify(res.body).slice(0, 200)})`);
          else if (rejection.field !== name) failures.push(`${label}: rejection names ${rejection.field}`);
          if (JSON.stringify(res.body).length > 2000) failures.push(`${label}: response quotes the value`);
          // A refused batch is still evidence of an attempt: the owner's access-log record
          // counts it as rejected. No data table may change.
          const changed = Object.keys(after).filter(
            (t) => t !== 'audit_access_log' && after[t] !== before[t],
          );
          if (changed.length > 0) failures.push(`${label}: wrote to ${changed.join(', ')}`);
        }
      }
      for (const leaf of field.leaves) {
        const forms = leaf.kind === 'date' ? DATE_FORMS : leaf.kind === 'id' ? ID_FORMS : TEXT_FORMS;
        for (const [form, value] of Object.entries(forms)) {
          const before = await tableDigest();
          const variables = withValue(base.variables(), leaf.path, leaf.list ? [value] : value);
          const res = await hub.as({ principal: base.caller })(field.document, variables);
          const after = await tableDigest();
          probes++;
          const label = `${field.name}(${leaf.path.join('.')}) ${form}`;
          const [error] = errorsOf(res);
          const bodySize = JSON.stringify(res.body).length;
          if (!error) failures.push(`${label}: answered without an error`);
          else if (error.extensions?.code !== 'BAD_USER_INPUT')
            failures.push(
              `${label}: code ${String(error.extensions?.code)} (${error.message.slice(0, 200)})`,
            );
          else if (!namesArgument(error, leaf))
            failures.push(`${label}: does not name the argument: ${error.message.slice(0, 200)}`);
          if (bodySize > 2000) failures.push(`${label}: response of ${bodySize} bytes quotes the value`);
          if (JSON.stringify(after) !== JSON.stringify(before))
            failures.push(`${label}: wrote to the database`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(probes).toBeGreaterThan(80);
  });

  it('answers each base request, so the refusals above were for the malformed value', async () => {
    for (const field of mutationFields()) {
      const base = BASES[field.name]!;
      const res = await hub.as({ principal: base.caller })(field.document, base.variables());
      expect({ field: field.name, errors: res.body.errors }).toEqual({
        field: field.name,
        errors: undefined,
      });
      expect(res.body.data?.[field.name]).not.toBeNull();
    }
  });
});

describe('valid edge cases', () => {
  const APPLY = `mutation ($input: ApplyForSharingInput!) { applyForSharing(input: $input) { id reason } }`;

  it('a reason of 1,500 emoji is 1,500 characters and fits the 2,000-character reason', async () => {
    const reason = '😀'.repeat(1500);
    const res = await hub.as({ principal: PRINCIPALS.otherBank })<{ applyForSharing: { reason: string } }>(
      APPLY,
      {
        input: { resource: 'credit.taxGrades', purposes: ['CREDIT_ASSESSMENT'], reason },
      },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.applyForSharing.reason).toBe(reason);
    const over = await hub.as({ principal: PRINCIPALS.otherBank })(APPLY, {
      input: { resource: 'credit.taxArrears', purposes: ['CREDIT_ASSESSMENT'], reason: '😀'.repeat(2001) },
    });
    expect(errorsOf(over)[0]?.message).toBe('reason must be at most 2000 characters, got 2001');
  });

  it('free text keeps tab and newline and is stored NFC-normalised', async () => {
    const reason = 'Cafe\u0301 chain\tfranchise check\r\nsecond line';
    const res = await hub.as({ principal: PRINCIPALS.analyst })<{ applyForSharing: { reason: string } }>(
      APPLY,
      {
        input: { resource: 'credit.taxGrades', purposes: ['CREDIT_ASSESSMENT'], reason },
      },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.applyForSharing.reason).toBe('Café chain\tfranchise check\nsecond line');
  });

  it('a second pending application for the same resource is CONFLICT naming the first', async () => {
    const first = await hub.as({ principal: PRINCIPALS.reader })<{ applyForSharing: { id: string } }>(APPLY, {
      input: { resource: 'credit.taxArrears', purposes: ['CREDIT_ASSESSMENT'], reason: REASON },
    });
    expect(first.body.errors).toBeUndefined();
    const before = await tableDigest();
    const again = await hub.as({ principal: PRINCIPALS.reader })(APPLY, {
      input: { resource: 'credit.taxArrears', purposes: ['CREDIT_ASSESSMENT'], reason: REASON },
    });
    expect(errorsOf(again)[0]?.extensions).toEqual({
      code: 'CONFLICT',
      argument: 'resource',
      rule: 'unique',
      id: first.body.data!.applyForSharing.id,
    });
    expect(await tableDigest()).toEqual(before);
  });

  it('concurrent duplicate applications: exactly one is created, the others are CONFLICT', async () => {
    const caller = {
      principal: { sub: 'racer', org: 'BANK_RACE_001', kind: PrincipalKind.BANK } as TokenClaims,
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        hub.as(caller)(APPLY, {
          input: { resource: 'credit.taxGrades', purposes: ['CREDIT_ASSESSMENT'], reason: REASON },
        }),
      ),
    );
    const codes = results.map((r) => errorsOf(r)[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    const [row] = await hub.orm.em
      .fork()
      .execute<
        { n: string }[]
      >("select count(*) as n from auth_sharing_agreement where consumer_org = 'BANK_RACE_001'");
    expect(Number(row!.n)).toBe(1);
  });

  it('a 1 MB USCC in a query is answered with a bounded message', async () => {
    const res = await hub.graphql('query ($u: USCC!) { enterprise(uscc: $u) { name } }', { u: HUGE });
    expect(errorsOf(res)[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.body).length).toBeLessThan(1000);
  });

  it('a second active API key with the same name is CONFLICT', async () => {
    const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`;
    const input = { name: 'duplicate probe', subject: 'dup', organisation: 'BANK_XM_001', kind: 'BANK' };
    const issuer = { ...PRINCIPALS.bank, sub: 'bank-admin', scopes: ['api-keys:manage'] };
    const first = await hub.as({ principal: issuer })(CREATE, { input });
    expect(first.body.errors).toBeUndefined();
    const again = await hub.as({ principal: issuer })(CREATE, {
      input: { ...input, subject: 'dup2' },
    });
    expect(errorsOf(again)[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      argument: 'name',
      rule: 'unique',
    });
  });
});

describe('token claims and operation names are checked at the door', () => {
  const READ = '{ accessLog(first: 1) { totalCount } }';

  async function callWith(claims: Record<string, unknown>, query = READ) {
    const token = await mintToken(hub.config, claims as unknown as TokenClaims);
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as GraphQLResponse['body'] };
  }

  it.each([
    ['sub', 's'.repeat(300), 'maxLength'],
    ['sub', 'a\u0000b', 'nul'],
    ['sub', 'has space', 'format'],
    ['sub', 's'.repeat(5000), 'maxLength'],
    ['org', 'O'.repeat(100), 'maxLength'],
    ['org', "BANK'; drop table x;--", 'format'],
    ['org', 'bank\u001b[31m', 'control'],
    ['scopes', ['credit:read', 'x'.repeat(65)], 'maxLength'],
  ])(
    'a %s claim of the malformed form (%#) is 401 naming the claim, and nothing is written',
    async (claim, value, rule) => {
      const claims = { ...PRINCIPALS.auditor, [claim]: value };
      const before = await tableDigest();
      const res = await callWith(claims);
      expect(res.status).toBe(401);
      expect(res.body.errors![0]!.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        claim: claim === 'scopes' ? 'scope' : claim,
        rule,
      });
      expect(JSON.stringify(res.body).length).toBeLessThan(1000);
      expect(await tableDigest()).toEqual(before);
    },
  );

  it('the longest admitted claims fit the access log of a governed read', async () => {
    const sub = 's'.repeat(128);
    const org = 'O'.repeat(64);
    const res = await callWith({ sub, org, kind: 'AUDITOR' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const [row] = await hub.orm.em
      .fork()
      .execute<
        { principal_id: string; organisation: string }[]
      >('select principal_id, organisation from audit_access_log order by id desc limit 1');
    expect(row).toEqual({ principal_id: sub, organisation: org });
  });

  it('an operation name over 256 characters is refused before anything runs; 256 fit', async () => {
    const before = await tableDigest();
    const long = await callWith(
      PRINCIPALS.auditor as never,
      `query ${'Q'.repeat(301)} { accessLog(first: 1) { totalCount } }`,
    );
    expect(long.status).toBe(400);
    expect(long.body.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'operationName',
      rule: 'maxLength',
    });
    expect(await tableDigest()).toEqual(before);
    const name = 'Q'.repeat(256);
    const fits = await callWith(
      PRINCIPALS.auditor as never,
      `query ${name} { accessLog(first: 1) { totalCount } }`,
    );
    expect(fits.status).toBe(200);
    const [row] = await hub.orm.em
      .fork()
      .execute<
        { operation_name: string }[]
      >('select operation_name from audit_access_log order by id desc limit 1');
    expect(row!.operation_name).toBe(name);
  });
});
