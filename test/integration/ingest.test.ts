import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import { verifyChain } from '../../src/audit/access-log.verify.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { SAMPLES, USCC, enterpriseRecord } from '../helpers/ingest-samples.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

interface Report {
  recordType: string;
  committed: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: {
    index: number;
    sourceRecordId: string | null;
    code: string;
    field: string | null;
    message: string;
  }[];
  enterprises: Omit<Report, 'enterprises'> | null;
}

const REPORT =
  'recordType committed inserted updated unchanged rejected rejections { index sourceRecordId code field message }';
const INGEST = `mutation Ingest($recordType: IngestRecordType!, $records: [JSONObject!]!, $atomic: Boolean, $enterprises: [JSONObject!]) {
  ingest(recordType: $recordType, records: $records, atomic: $atomic, enterprises: $enterprises) {
    ${REPORT} enterprises { ${REPORT} }
  }
}`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const as = (principal: TokenClaims) => hub.as({ principal, purpose: 'CREDIT_ASSESSMENT' });

async function ingest(
  principal: TokenClaims,
  recordType: string,
  records: unknown[],
  extra: { atomic?: boolean; enterprises?: unknown[] } = {},
) {
  const res = await as(principal)<{ ingest: Report }>(INGEST, { recordType, records, ...extra });
  return res;
}

async function ok(
  principal: TokenClaims,
  recordType: string,
  records: unknown[],
  extra = {},
): Promise<Report> {
  const res = await ingest(principal, recordType, records, extra);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.ingest;
}

const count = async (table: string, where = 'true', params: unknown[] = []) => {
  const [row] = await hub.orm.em
    .fork()
    .execute<{ n: string }[]>(`select count(*)::text as n from "${table}" where ${where}`, params);
  return Number(row!.n);
};

describe('registering enterprises and records in one request', () => {
  it('registers the enterprise and stores a penalty that refers to it', async () => {
    const [penalty] = SAMPLES(USCC.a);
    const report = await ok(
      PRINCIPALS.marketRegulation,
      'AdministrativePenalty',
      [{ ...penalty!.record, sourceRecordId: 'PEN-A' }],
      {
        enterprises: [enterpriseRecord(USCC.a)],
      },
    );
    expect(report.enterprises).toMatchObject({ inserted: 1, rejected: 0 });
    expect(report).toMatchObject({ inserted: 1, updated: 0, unchanged: 0, rejected: 0, committed: true });
    const res = await hub.graphql<{
      enterprise: { name: string; penalties: { edges: { node: { decisionNumber: string } }[] } };
    }>(`{ enterprise(uscc: "${USCC.a}") { name penalties { edges { node { decisionNumber } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.enterprise.name).toBe(enterpriseRecord(USCC.a).name);
    expect(res.body.data!.enterprise.penalties.edges.map((e) => e.node.decisionNumber)).toEqual([
      '厦市监罚〔2025〕1号',
    ]);
  });

  it('rejects a record for an unregistered USCC as UNKNOWN_ENTERPRISE and stores the others', async () => {
    const [penalty] = SAMPLES(USCC.e);
    const valid = { ...SAMPLES(USCC.a)[0]!.record, sourceRecordId: 'PEN-2' };
    const report = await ok(PRINCIPALS.marketRegulation, 'AdministrativePenalty', [penalty!.record, valid]);
    expect(report).toMatchObject({ inserted: 1, rejected: 1 });
    expect(report.rejections).toEqual([
      {
        index: 0,
        sourceRecordId: 'PEN-1',
        code: 'UNKNOWN_ENTERPRISE',
        field: 'uscc',
        message: `uscc ${USCC.e} is not a registered enterprise`,
      },
    ]);
    expect(await count('credit_penalty', 'uscc = ?', [USCC.e])).toBe(0);
  });
});

describe('every record type', () => {
  beforeAll(async () => {
    await ok(PRINCIPALS.marketRegulation, 'Enterprise', [enterpriseRecord(USCC.b)]);
  });

  it.each(SAMPLES(USCC.b).map((s) => [s.recordType, s] as const))(
    '%s: stored for its owner and served to a reader with an agreement',
    async (_type, sample) => {
      const report = await ok(sample.writer, sample.recordType, [sample.record]);
      expect(report).toMatchObject({ recordType: sample.recordType, inserted: 1, rejected: 0 });
      const res = await hub.graphql<{
        enterprise: Record<string, { edges: { node: Record<string, unknown> }[] }>;
      }>(
        `{ enterprise(uscc: "${USCC.b}") { ${sample.field} { edges { node { ${sample.readBack} provenance { department sourceRecordId } } } } } }`,
      );
      expect(res.body.errors).toBeUndefined();
      const nodes = res.body.data!.enterprise[sample.field]!.edges.map((e) => e.node);
      expect(nodes).toEqual([
        {
          [sample.readBack]: sample.record[sample.readBack],
          provenance: { department: sample.writer.org, sourceRecordId: sample.record.sourceRecordId },
        },
      ]);
    },
  );
});

describe('owner-only writes', () => {
  it('refuses a foreign department naming record type and owner, and writes nothing', async () => {
    const sample = SAMPLES(USCC.b).find((s) => s.recordType === 'TaxCreditEvaluation')!;
    const before = await count('credit_tax_evaluation');
    const logBefore = await count('audit_access_log');
    const res = await ingest(PRINCIPALS.transport, 'TaxCreditEvaluation', [
      { ...sample.record, sourceRecordId: 'TAX-X' },
    ]);
    expect(res.body.data).toEqual({ ingest: null });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.body.errors?.[0]?.message).toBe(
      'TaxCreditEvaluation records are owned by TAX; only a principal of that department may write them',
    );
    expect(await count('credit_tax_evaluation')).toBe(before);
    expect(await count('audit_access_log')).toBe(logBefore);
  });

  it('refuses a bank and an auditor', async () => {
    for (const principal of [PRINCIPALS.bank, PRINCIPALS.auditor]) {
      const res = await ingest(principal, 'Enterprise', [enterpriseRecord(USCC.c)]);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await count('registry_enterprise', 'uscc = ?', [USCC.c])).toBe(0);
  });
});

describe('idempotent and versioned', () => {
  const licence = () => SAMPLES(USCC.b).find((s) => s.recordType === 'AdministrativeLicence')!.record;

  it('a resend is unchanged and writes no history', async () => {
    const report = await ok(PRINCIPALS.marketRegulation, 'AdministrativeLicence', [licence()]);
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect(await count('ingest_record_version', 'record_type = ?', ['AdministrativeLicence'])).toBe(0);
  });

  it('a newer asOf updates and keeps the previous version in the history', async () => {
    const newer = { ...licence(), asOf: '2026-01-20T00:00:00Z', status: 'REVOKED' };
    const report = await ok(PRINCIPALS.marketRegulation, 'AdministrativeLicence', [newer]);
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    const res = await as(PRINCIPALS.marketRegulation)<{
      recordHistory: {
        current: Record<string, unknown>;
        withdrawn: boolean;
        versions: { change: string; asOf: string; data: Record<string, unknown> }[];
      };
    }>(
      `{ recordHistory(recordType: AdministrativeLicence, sourceRecordId: "LIC-1") { current withdrawn versions { change asOf data } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const h = res.body.data!.recordHistory;
    expect(h.current.status).toBe('REVOKED');
    expect(h.withdrawn).toBe(false);
    expect(h.versions).toHaveLength(1);
    expect(h.versions[0]).toMatchObject({ change: 'REPLACED', asOf: '2026-01-10T00:00:00.000Z' });
    expect(h.versions[0]!.data.status).toBe('VALID');
  });

  it('an older asOf is refused as STALE_VERSION and changes nothing', async () => {
    const older = { ...licence(), asOf: '2026-01-15', status: 'EXPIRED' };
    const report = await ok(PRINCIPALS.marketRegulation, 'AdministrativeLicence', [older]);
    expect(report).toMatchObject({ updated: 0, rejected: 1 });
    expect(report.rejections[0]).toMatchObject({
      code: 'STALE_VERSION',
      field: 'asOf',
      sourceRecordId: 'LIC-1',
    });
    expect(await count('credit_licence', "source_record_id = 'LIC-1' and status = 'REVOKED'")).toBe(1);
  });

  it('the same asOf with other content is a VERSION_CONFLICT', async () => {
    const changed = { ...licence(), asOf: '2026-01-20T00:00:00Z', status: 'EXPIRED' };
    const report = await ok(PRINCIPALS.marketRegulation, 'AdministrativeLicence', [changed]);
    expect(report.rejections[0]).toMatchObject({ code: 'VERSION_CONFLICT', field: 'asOf' });
  });

  it('a duplicate in the batch is DUPLICATE_IN_BATCH, the first stored', async () => {
    const rec = {
      ...SAMPLES(USCC.b).find((s) => s.recordType === 'TaxArrears')!.record,
      sourceRecordId: 'ARR-DUP',
    };
    const report = await ok(PRINCIPALS.tax, 'TaxArrears', [rec, { ...rec, amountOwed: 1 }]);
    expect(report).toMatchObject({ inserted: 1, rejected: 1 });
    expect(report.rejections[0]).toMatchObject({
      index: 1,
      code: 'DUPLICATE_IN_BATCH',
      field: 'sourceRecordId',
    });
  });

  it('atomic: one bad record stores nothing', async () => {
    const rec = SAMPLES(USCC.b).find((s) => s.recordType === 'PatentCount')!.record;
    const report = await ok(
      PRINCIPALS.sciTech,
      'PatentCount',
      [
        { ...rec, sourceRecordId: 'PC-ATOM-1' },
        { ...rec, sourceRecordId: 'PC-ATOM-2', designs: -1 },
      ],
      { atomic: true },
    );
    expect(report).toMatchObject({ committed: false, inserted: 0, rejected: 1 });
    expect(report.rejections[0]).toMatchObject({ index: 1, code: 'INVALID_VALUE', field: 'designs' });
    expect(await count('st_patent_count', "source_record_id like 'PC-ATOM-%'")).toBe(0);
  });

  it('refuses a batch above INGEST_MAX_BATCH', async () => {
    const records = Array.from({ length: 1001 }, (_, i) => ({ sourceRecordId: `X${i}` }));
    const res = await ingest(PRINCIPALS.tax, 'TaxArrears', records);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/at most 1000 records \(INGEST_MAX_BATCH\), got 1001/);
  });
});

describe('validation through the mutation', () => {
  it('names code and field for each kind of rule', async () => {
    const rec = SAMPLES(USCC.b)[0]!.record;
    const bad = [
      { ...rec, sourceRecordId: 'V1', uscc: '91350100M000100Y44' },
      { ...rec, sourceRecordId: 'V2', penaltyType: 'SPANKING' },
      { ...rec, sourceRecordId: 'V3', amount: 1.234 },
      { ...rec, sourceRecordId: 'V4', decisionDate: '2099-01-01' },
      { ...rec, sourceRecordId: 'V5', publicityEndDate: '2025-01-01' },
      { ...rec, sourceRecordId: 'V6', reason: 'bad\u0000text' },
      { ...rec, sourceRecordId: 'V7', authority: '局'.repeat(101) },
      { ...rec, sourceRecordId: undefined },
      { ...rec, sourceRecordId: 'V9', asOf: undefined },
      { ...rec, sourceRecordId: 'V10', colour: 'red' },
    ];
    const report = await ok(PRINCIPALS.marketRegulation, 'AdministrativePenalty', bad);
    expect(report.rejections.map((r) => [r.index, r.code, r.field])).toEqual([
      [0, 'INVALID_USCC', 'uscc'],
      [1, 'INVALID_VALUE', 'penaltyType'],
      [2, 'INVALID_VALUE', 'amount'],
      [3, 'INVALID_VALUE', 'decisionDate'],
      [4, 'INVALID_VALUE', 'publicityEndDate'],
      [5, 'INVALID_VALUE', 'reason'],
      [6, 'INVALID_VALUE', 'authority'],
      [7, 'MISSING_FIELD', 'sourceRecordId'],
      [8, 'MISSING_FIELD', 'asOf'],
      [9, 'UNKNOWN_FIELD', 'colour'],
    ]);
    expect(report.inserted).toBe(0);
  });
});

describe('withdrawal', () => {
  it('drops the record from a bank’s view and risk signals, keeps it for owner and auditor', async () => {
    const signalsOf = async () => {
      const res = await hub.graphql<{ enterprise: { riskProfile: { signals: { code: string }[] } } }>(
        `{ enterprise(uscc: "${USCC.b}") { riskProfile { signals { code } } } }`,
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.enterprise.riskProfile.signals.map((s) => s.code);
    };
    const codesBefore = await signalsOf();
    expect(codesBefore).toContain('TAX_ARREARS');
    const res = await as(PRINCIPALS.tax)<{ withdrawRecords: { withdrawn: number; notFound: string[] } }>(
      `mutation { withdrawRecords(recordType: TaxArrears, sourceRecordIds: ["ARR-1", "ARR-DUP", "NOPE"], reason: "published in error") { withdrawn notFound } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.withdrawRecords).toEqual({ withdrawn: 2, notFound: ['NOPE'] });
    const view = await hub.graphql<{ enterprise: { taxArrears: { totalCount: number } } }>(
      `{ enterprise(uscc: "${USCC.b}") { taxArrears { totalCount } } }`,
    );
    expect(view.body.data!.enterprise.taxArrears.totalCount).toBe(0);
    expect(await signalsOf()).not.toContain('TAX_ARREARS');
    const history = `{ recordHistory(recordType: TaxArrears, sourceRecordId: "ARR-1", department: TAX) { withdrawn current versions { change reason data } } }`;
    for (const principal of [PRINCIPALS.tax, PRINCIPALS.auditor]) {
      const h = await as(principal)<{
        recordHistory: {
          withdrawn: boolean;
          current: unknown;
          versions: { change: string; reason: string; data: Record<string, unknown> }[];
        };
      }>(history);
      expect(h.body.errors).toBeUndefined();
      expect(h.body.data!.recordHistory).toMatchObject({ withdrawn: true, current: null });
      expect(h.body.data!.recordHistory.versions[0]).toMatchObject({
        change: 'WITHDRAWN',
        reason: 'published in error',
      });
      expect(h.body.data!.recordHistory.versions[0]!.data.tax_type).toBe('VAT');
    }
    const bank = await as(PRINCIPALS.bank)(history);
    expect(bank.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a resend of the withdrawn version is STALE_VERSION; a newer one publishes it again', async () => {
    const rec = SAMPLES(USCC.b).find((s) => s.recordType === 'TaxArrears')!.record;
    const stale = await ok(PRINCIPALS.tax, 'TaxArrears', [rec]);
    expect(stale.rejections[0]).toMatchObject({ code: 'STALE_VERSION', field: 'asOf' });
    const again = await ok(PRINCIPALS.tax, 'TaxArrears', [{ ...rec, asOf: '2026-01-25' }]);
    expect(again).toMatchObject({ inserted: 1, rejected: 0 });
  });

  it('the master record cannot be withdrawn', async () => {
    const res = await as(PRINCIPALS.marketRegulation)(
      `mutation { withdrawRecords(recordType: Enterprise, sourceRecordIds: ["${USCC.b}"], reason: "x") { withdrawn } }`,
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('registry_enterprise', 'uscc = ?', [USCC.b])).toBe(1);
  });
});

describe('access log', () => {
  it('records each accepted batch with who, what, how many and the job, and the chain verifies', async () => {
    const rec = SAMPLES(USCC.b).find((s) => s.recordType === 'RdSpending')!.record;
    const res = await as(PRINCIPALS.sciTech)(
      INGEST,
      { recordType: 'RdSpending', records: [{ ...rec, sourceRecordId: 'RD-LOG' }] },
      { 'x-request-id': 'job-rd-log-1' },
    );
    expect(res.body.errors).toBeUndefined();
    const [row] = await hub.orm.em.fork().execute<
      {
        principal_id: string;
        organisation: string;
        operation_name: string;
        resources: string[];
        decisions: unknown;
      }[]
    >(`select principal_id, organisation, operation_name, resources, decisions from audit_access_log where request_id = ?`, ['job-rd-log-1']);
    const decisions = (typeof row!.decisions === 'string' ? JSON.parse(row!.decisions) : row!.decisions) as {
      writes: unknown[];
    };
    expect(row).toMatchObject({
      principal_id: 'science_technology-system',
      organisation: 'SCIENCE_TECHNOLOGY',
      operation_name: 'ingest RdSpending',
    });
    expect(decisions.writes).toEqual([
      expect.objectContaining({
        recordType: 'RdSpending',
        action: 'INGEST',
        job: 'job-rd-log-1',
        inserted: 1,
        updated: 0,
        rejected: 0,
        owner: 'SCIENCE_TECHNOLOGY',
      }),
    ]);
    const result = await verifyChain(hub.orm.em.fork());
    expect(result.ok).toBe(true);
  });
});

describe('credit repair', () => {
  const REPAIR = `mutation Repair($recordType: IngestRecordType!, $id: String!, $decision: RepairDecisionInput!) {
    repairRecord(recordType: $recordType, sourceRecordId: $id, decision: $decision) { recordType sourceRecordId repairedDate }
  }`;
  const decision = (kind: string, decisionDate = '2026-01-28') => ({
    kind,
    decisionNumber: '信用修复〔2026〕1号',
    decisionDate,
    legalBasis: '《失信行为纠正后的信用信息修复管理办法（试行）》',
  });
  const storedProfile = async () => {
    const [row] = await hub.orm.em
      .fork()
      .execute<
        { dirty: boolean; signal_codes: string[] | string }[]
      >('select dirty, signal_codes from risk_profile where uscc = ?', [USCC.b]);
    return { dirty: row!.dirty, codes: String(row!.signal_codes) };
  };

  it('is refused with REPAIR_NOT_ALLOWED while the publicity period runs, and changes nothing', async () => {
    const res = await as(PRINCIPALS.marketRegulation)(REPAIR, {
      recordType: 'AdministrativePenalty',
      id: 'PEN-1',
      decision: decision('REPAIRED'),
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'REPAIR_NOT_ALLOWED',
      reason: 'PUBLICITY_PERIOD_NOT_ENDED',
      earliest: '2026-11-01',
    });
    expect(await count('credit_penalty', "source_record_id = 'PEN-1' and repaired_date is null")).toBe(1);
  });

  it('a repaired penalty leaves a bank’s view, stays visible to owner and auditor', async () => {
    const old = {
      ...SAMPLES(USCC.b)[0]!.record,
      sourceRecordId: 'PEN-OLD',
      decisionDate: '2024-01-10',
      publicityEndDate: '2025-01-10',
    };
    await ok(PRINCIPALS.marketRegulation, 'AdministrativePenalty', [old]);
    const ids = async (principal: TokenClaims, includeRepaired: boolean) => {
      const res = await as(principal)<{
        enterprise: { penalties: { edges: { node: { provenance: { sourceRecordId: string } } }[] } };
      }>(
        `{ enterprise(uscc: "${USCC.b}") { penalties(includeRepaired: ${includeRepaired}) { edges { node { provenance { sourceRecordId } } } } } }`,
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.enterprise.penalties.edges.map((e) => e.node.provenance.sourceRecordId).sort();
    };
    expect(await ids(PRINCIPALS.reader, false)).toEqual(['PEN-1', 'PEN-OLD']);
    const res = await as(PRINCIPALS.marketRegulation)(REPAIR, {
      recordType: 'AdministrativePenalty',
      id: 'PEN-OLD',
      decision: decision('REPAIRED'),
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      repairRecord: {
        recordType: 'AdministrativePenalty',
        sourceRecordId: 'PEN-OLD',
        repairedDate: '2026-01-28',
      },
    });
    expect(await ids(PRINCIPALS.reader, false)).toEqual(['PEN-1']);
    expect(await ids(PRINCIPALS.marketRegulation, true)).toEqual(['PEN-1', 'PEN-OLD']);
    expect(await ids(PRINCIPALS.auditor, true)).toEqual(['PEN-1', 'PEN-OLD']);
    const h = await as(PRINCIPALS.auditor)<{
      recordHistory: { versions: { change: string; details: Record<string, unknown> }[] };
    }>(
      `{ recordHistory(recordType: AdministrativePenalty, sourceRecordId: "PEN-OLD", department: MARKET_REGULATION) { versions { change details } } }`,
    );
    expect(h.body.data!.recordHistory.versions[0]).toMatchObject({
      change: 'REPAIRED',
      details: { decisionNumber: '信用修复〔2026〕1号', decisionDate: '2026-01-28' },
    });
  });

  it('a dishonest debtor who performed is removed early: gone from the signals, profile recomputed in the same transaction', async () => {
    expect((await storedProfile()).codes).toContain('DISHONEST_JUDGMENT_DEBTOR');
    const tooEarly = await as(PRINCIPALS.court)(REPAIR, {
      recordType: 'CreditListEntry',
      id: 'CL-1',
      decision: decision('REPAIRED'),
    });
    expect(tooEarly.body.errors?.[0]?.extensions).toMatchObject({
      code: 'REPAIR_NOT_ALLOWED',
      earliest: '2027-12-01',
    });
    const logBefore = await count('audit_access_log');
    const res = await as(PRINCIPALS.court)(REPAIR, {
      recordType: 'CreditListEntry',
      id: 'CL-1',
      decision: decision('PERFORMED'),
    });
    expect(res.body.errors).toBeUndefined();
    // Recomputed by the mutation itself, before anyone reads it.
    const stored = await storedProfile();
    expect(stored.dirty).toBe(false);
    expect(stored.codes).not.toContain('DISHONEST_JUDGMENT_DEBTOR');
    expect(await count('audit_access_log')).toBe(logBefore + 1);
    const bank = await hub.graphql<{
      enterprise: { listEntries: { totalCount: number }; riskProfile: { signals: { code: string }[] } };
    }>(
      `{ enterprise(uscc: "${USCC.b}") { listEntries(activeOnly: false) { totalCount } riskProfile { signals { code } } } }`,
    );
    expect(bank.body.errors).toBeUndefined();
    expect(bank.body.data!.enterprise.listEntries.totalCount).toBe(0);
    expect(bank.body.data!.enterprise.riskProfile.signals.map((s) => s.code)).not.toContain(
      'DISHONEST_JUDGMENT_DEBTOR',
    );
    const court = await as(PRINCIPALS.court)<{
      enterprise: { listEntries: { edges: { node: { removalReason: string } }[] } };
    }>(
      `{ enterprise(uscc: "${USCC.b}") { listEntries(activeOnly: false) { edges { node { removalReason } } } } }`,
    );
    expect(court.body.data!.enterprise.listEntries.edges.map((e) => e.node.removalReason)).toEqual([
      'PERFORMED',
    ]);
  });

  it('refuses a second repair, a foreign department and a record type without repair', async () => {
    const again = await as(PRINCIPALS.court)(REPAIR, {
      recordType: 'CreditListEntry',
      id: 'CL-1',
      decision: decision('PERFORMED'),
    });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'REPAIR_NOT_ALLOWED',
      reason: 'ALREADY_REPAIRED',
    });
    const foreign = await as(PRINCIPALS.tax)(REPAIR, {
      recordType: 'TransportEnforcement',
      id: 'TE-1',
      decision: decision('REPAIRED'),
    });
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const none = await as(PRINCIPALS.tax)(REPAIR, {
      recordType: 'TaxCreditEvaluation',
      id: 'TAX-1',
      decision: decision('REPAIRED'),
    });
    expect(none.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('tc_enforcement', 'repaired_date is not null')).toBe(0);
  });
});

describe('README', () => {
  const README = readFileSync('README.md', 'utf8');
  const section = README.slice(README.indexOf('### Why one generic `ingest` mutation'));
  const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('the example mutation registers the enterprise and stores the penalty', async () => {
    const res = await as(PRINCIPALS.marketRegulation)<{ ingest: Report }>(blocks[0]!);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.ingest).toMatchObject({
      inserted: 1,
      rejected: 0,
      enterprises: { inserted: 1, rejected: 0 },
    });
  });

  it('the history example answers the auditor', async () => {
    const query = blocks[1]!.split('\n\n').find((op) => op.includes('recordHistory'))!;
    const res = await as(PRINCIPALS.auditor)<{ recordHistory: { versions: { change: string }[] } }>(query);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.recordHistory.versions[0]!.change).toBe('REPAIRED');
  });
});
