import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  appendAccessLog,
  type AccessLogEntry,
  type AppendedAccessLog,
} from '../../src/audit/access-log.append.js';
import { AccessLogEntity } from '../../src/audit/access-log.entity.js';
import { GENESIS_HASH, accessLogHash } from '../../src/audit/access-log.hash.js';
import { checkAnchors, formatAnchor, parseAnchor, verifyChain } from '../../src/audit/access-log.verify.js';
import type { Denial, ResourceRead } from '../../src/audit/access-recorder.js';
import { SharingClass } from '../../src/auth/catalog.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const CLEAN_MANUFACTURER = '91350100M000100Y43';
const TECH = '91310230MA1K314J7C';
const HOSPITAL = '9135021359498494XQ';

const bank = { id: 'risk-engine', organisation: 'BANK_XM_001', kind: PrincipalKind.BANK };
const otherBank = { id: 'risk-engine', organisation: 'BANK_GZ_002', kind: PrincipalKind.BANK };
const analyst = { id: 'dashboard', organisation: 'STATS_BUREAU', kind: PrincipalKind.ANALYST };
const marketRegulation = {
  id: 'mr-system',
  organisation: 'MARKET_REGULATION',
  kind: PrincipalKind.DEPARTMENT,
};

const read = (resource: string, owner: string, fields: Record<string, number>): ResourceRead => ({
  resource,
  sharing: SharingClass.CONDITIONAL,
  owner,
  fields,
  masked: false,
  agreementId: 'agr-1',
});
const denial = (field: string, resource: string | null, owner: string | null, count = 1): Denial => ({
  field,
  resource,
  owner,
  reason: resource ? 'NO_AGREEMENT' : 'NOT_CATALOGUED',
  count,
});

function entry(
  principal: AccessLogEntry['principal'],
  usccs: string[],
  resources: ResourceRead[],
  denials: Denial[],
  requestId: string,
): AccessLogEntry {
  return {
    principal,
    purpose: Purpose.CREDIT_ASSESSMENT,
    operationName: `Op${requestId}`,
    document: `query Op${requestId} { x }`,
    requestId,
    summary: { usccs, resources, denials },
  };
}

interface LogNode {
  id: string;
  organisation: string;
  usccs: string[];
  owners: string[];
  resources: string[];
  previousHash: string;
  hash: string;
  resourcesRead: { resource: string; owner: string; fields: { field: string; count: number }[] }[];
  denials: { field: string; reason: string; count: number }[];
}
interface LogPage {
  accessLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: LogNode }[];
  };
}
const ACCESS_LOG = `query AccessLog($filter: AccessLogFilter, $first: Int, $after: String) {
  accessLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id organisation usccs owners resources previousHash hash
      resourcesRead { resource owner fields { field count } }
      denials { field reason count }
    } }
  }
}`;

let hub: TestHub;
const sql = (query: string, params: unknown[] = []) => hub.orm.em.fork().execute(query, params);
const append = (e: AccessLogEntry) => appendAccessLog(hub.orm.em.fork(), e);
const allIds = async (): Promise<string[]> =>
  (await hub.orm.em.fork().find(AccessLogEntity, {}, { orderBy: { id: 'asc' } })).map((r) => r.id);

beforeAll(async () => {
  hub = await startTestHub({ enterprises: 30 });
});
afterAll(async () => {
  await hub?.close();
});

// r[0..4], appended in order by the first test and used by the rest.
const r: AppendedAccessLog[] = [];

describe('appendAccessLog and verifyChain', () => {
  it('chains appended records from the genesis hash, and verifies them', async () => {
    expect(await verifyChain(hub.orm.em.fork())).toEqual({ ok: true, count: 0, head: null });
    r.push(
      await append(
        entry(
          bank,
          [CLEAN_MANUFACTURER],
          [read('credit.taxArrears', 'TAX', { 'TaxArrears.amountOwed': 3 })],
          [],
          '1',
        ),
      ),
    );
    r.push(
      await append(
        entry(otherBank, [TECH], [], [denial('CourtCase.caseNumber', 'court.cases', 'COURT', 2)], '2'),
      ),
    );
    r.push(
      await append(
        entry(
          analyst,
          [CLEAN_MANUFACTURER, HOSPITAL],
          [read('medical.violations', 'MEDICAL_INSURANCE', { 'FundViolation.amount': 1 })],
          [denial('TaxCreditEvaluation.grade', 'credit.taxGrades', 'TAX')],
          '3',
        ),
      ),
    );
    r.push(
      await append(
        entry(
          marketRegulation,
          [TECH],
          [read('credit.taxArrears', 'TAX', { 'TaxArrears.taxType': 1 })],
          [],
          '4',
        ),
      ),
    );
    r.push(await append(entry(bank, [], [], [denial('Enterprise.secret', null, null)], '5')));

    expect(r[0]!.previousHash).toBe(GENESIS_HASH);
    for (let i = 1; i < r.length; i++) {
      expect(r[i]!.previousHash).toBe(r[i - 1]!.hash);
      expect(BigInt(r[i]!.id)).toBeGreaterThan(BigInt(r[i - 1]!.id));
    }
    expect(r[2]).toMatchObject({
      usccs: [CLEAN_MANUFACTURER, HOSPITAL],
      resources: ['credit.taxGrades', 'medical.violations'],
      owners: ['MEDICAL_INSURANCE', 'TAX'],
    });
    expect(r[4]).toMatchObject({ resources: [], owners: [] });
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: 5 });
  });

  it('stores what it hashed: occurredAt keeps its milliseconds through timestamptz', async () => {
    const stored = await hub.orm.em.fork().findOneOrFail(AccessLogEntity, { id: r[2]!.id });
    expect(stored.occurredAt.toISOString()).toBe(r[2]!.occurredAt.toISOString());
    expect(stored.hash).toBe(r[2]!.hash);
    expect(stored.decisions.denials).toEqual([
      denial('TaxCreditEvaluation.grade', 'credit.taxGrades', 'TAX'),
    ]);
  });

  it('names the record whose organisation was changed afterwards', async () => {
    await sql('update audit_access_log set organisation = ? where id = ?', ['BANK_INNOCENT', r[2]!.id]);
    const result = await verifyChain(hub.orm.em.fork());
    expect(result).toMatchObject({ ok: false, count: 2, firstBadId: r[2]!.id });
    expect(result.ok || result.problem).toMatch(/changed after it was written/);
    await sql('update audit_access_log set organisation = ? where id = ?', ['STATS_BUREAU', r[2]!.id]);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: 5 });
  });

  it('names the record one of whose usccs was changed afterwards', async () => {
    await sql('update audit_access_log set usccs[2] = ? where id = ?', [TECH, r[2]!.id]);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: false, firstBadId: r[2]!.id });
    await sql('update audit_access_log set usccs[2] = ? where id = ?', [HOSPITAL, r[2]!.id]);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: 5 });
  });

  it('names the record after one that was deleted', async () => {
    await sql('create table audit_access_log_saved as select * from audit_access_log where id = ?', [
      r[1]!.id,
    ]);
    await sql('delete from audit_access_log where id = ?', [r[1]!.id]);
    const result = await verifyChain(hub.orm.em.fork());
    expect(result).toMatchObject({ ok: false, count: 1, firstBadId: r[2]!.id });
    expect(result.ok || result.problem).toMatch(/removed, inserted or reordered/);
    await sql('insert into audit_access_log select * from audit_access_log_saved');
    await sql('drop table audit_access_log_saved');
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: 5 });
  });

  it('names the first record when the chain no longer starts at the genesis hash', async () => {
    await sql('create table audit_access_log_saved as select * from audit_access_log where id = ?', [
      r[0]!.id,
    ]);
    await sql('delete from audit_access_log where id = ?', [r[0]!.id]);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: false, count: 0, firstBadId: r[1]!.id });
    await sql('insert into audit_access_log select * from audit_access_log_saved');
    await sql('drop table audit_access_log_saved');
  });

  it('reports the head as an anchor, and passes while anchored records are unchanged', async () => {
    const result = await verifyChain(hub.orm.em.fork());
    const head = { id: r[4]!.id, hash: r[4]!.hash };
    expect(result).toEqual({ ok: true, count: 5, head });
    expect(parseAnchor(formatAnchor(head))).toEqual(head);
    const anchors = [head, { id: r[1]!.id, hash: r[1]!.hash }, head];
    expect(await verifyChain(hub.orm.em.fork(), anchors)).toEqual({ ok: true, count: 5, head });
    // One record with two hashes is a mistake in the input, not evidence about the log.
    const contradictory = [head, { id: head.id, hash: r[3]!.hash }];
    expect(() => checkAnchors(contradictory)).toThrow(`anchors for record ${head.id} disagree`);
    await expect(verifyChain(hub.orm.em.fork(), contradictory)).rejects.toThrow(/disagree/);
  });

  it('names an anchored record that was cut off the end of the log', async () => {
    const anchor = { id: r[4]!.id, hash: r[4]!.hash };
    await sql('create table audit_access_log_saved as select * from audit_access_log where id >= ?', [
      r[3]!.id,
    ]);
    await sql('delete from audit_access_log where id >= ?', [r[3]!.id]);
    try {
      // The chain alone cannot tell: what is left still links up.
      expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: 3 });
      const result = await verifyChain(hub.orm.em.fork(), [anchor]);
      expect(result).toMatchObject({ ok: false, count: 3, firstBadId: r[4]!.id });
      expect(result.ok || result.problem).toMatch(/no longer in the log: the log was truncated/);
    } finally {
      await sql('insert into audit_access_log select * from audit_access_log_saved');
      await sql('drop table audit_access_log_saved');
    }
    expect(await verifyChain(hub.orm.em.fork(), [anchor])).toMatchObject({ ok: true, count: 5 });
  });

  it('names an anchored record that was changed and rehashed', async () => {
    const anchor = { id: r[4]!.id, hash: r[4]!.hash };
    const record = await hub.orm.em.fork().findOneOrFail(AccessLogEntity, { id: r[4]!.id });
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- the entity's columns are the hashed fields
    const forged = accessLogHash({ ...record, organisation: 'BANK_GZ_002' });
    await sql("update audit_access_log set organisation = 'BANK_GZ_002', hash = ? where id = ?", [
      forged,
      r[4]!.id,
    ]);
    try {
      // Someone who can write the table can recompute an unkeyed hash: the chain still checks out.
      expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: 5 });
      const result = await verifyChain(hub.orm.em.fork(), [anchor]);
      expect(result).toMatchObject({ ok: false, count: 4, firstBadId: r[4]!.id });
      expect(result.ok || result.problem).toMatch(/anchored with .*: the log was rewritten/);
    } finally {
      await sql('update audit_access_log set organisation = ?, hash = ? where id = ?', [
        record.organisation,
        record.hash,
        r[4]!.id,
      ]);
    }
    expect(await verifyChain(hub.orm.em.fork(), [anchor])).toMatchObject({ ok: true, count: 5 });
  });

  it('keeps one unbroken chain when 20 operations append at once', async () => {
    const before = await allIds();
    const appended = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        append(
          entry(
            bank,
            [TECH],
            [read('sci.rd', 'SCIENCE_TECHNOLOGY', { 'RdSpending.amount': i + 1 })],
            [],
            `c${i}`,
          ),
        ),
      ),
    );
    const ids = await allIds();
    expect(ids).toHaveLength(before.length + 20);
    expect(new Set(appended.map((a) => a.previousHash)).size).toBe(20);
    // In id order each record links to the one before it: the appends were serialised.
    const stored = await hub.orm.em.fork().find(AccessLogEntity, {}, { orderBy: { id: 'asc' } });
    for (let i = 1; i < stored.length; i++) expect(stored[i]!.previousHash).toBe(stored[i - 1]!.hash);
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: 25 });
  });
});

describe('accessLog query', () => {
  const idsOf = (page: LogPage) => page.accessLog.edges.map((e) => e.node.id);

  it('shows auditors every record, newest first, in pages', async () => {
    const all = (await allIds()).reverse();
    const res = await hub.as({ principal: PRINCIPALS.auditor })<LogPage>(ACCESS_LOG, { first: 1000 });
    expect(res.body.errors).toBeUndefined();
    expect(idsOf(res.body.data!)).toEqual(all);
    expect(res.body.data!.accessLog.totalCount).toBe(all.length);

    // Each read of the log appends a record after it is served, so the pages are taken
    // against the log as it stands now; new records land in front, not in the pages.
    const now = (await allIds()).reverse();
    expect(now).toHaveLength(all.length + 1);
    const page1 = await hub.as({ principal: PRINCIPALS.auditor })<LogPage>(ACCESS_LOG, { first: 10 });
    const page2 = await hub.as({ principal: PRINCIPALS.auditor })<LogPage>(ACCESS_LOG, {
      first: 10,
      after: page1.body.data!.accessLog.pageInfo.endCursor,
    });
    expect(page1.body.data!.accessLog.pageInfo.hasNextPage).toBe(true);
    expect([...idsOf(page1.body.data!), ...idsOf(page2.body.data!)]).toEqual(now.slice(0, 20));
  });

  it('exposes the decisions as reads with field counts and denials', async () => {
    const res = await hub.as({ principal: PRINCIPALS.auditor })<LogPage>(ACCESS_LOG, { first: 1000 });
    const byId = new Map(res.body.data!.accessLog.edges.map((e) => [e.node.id, e.node]));
    expect(byId.get(r[0]!.id)).toMatchObject({
      organisation: 'BANK_XM_001',
      usccs: [CLEAN_MANUFACTURER],
      owners: ['TAX'],
      previousHash: GENESIS_HASH,
      hash: r[0]!.hash,
      resourcesRead: [
        {
          resource: 'credit.taxArrears',
          owner: 'TAX',
          fields: [{ field: 'TaxArrears.amountOwed', count: 3 }],
        },
      ],
      denials: [],
    });
    expect(byId.get(r[1]!.id)!.denials).toEqual([
      { field: 'CourtCase.caseNumber', reason: 'NO_AGREEMENT', count: 2 },
    ]);
  });

  it('shows the tax department only the records that touched tax data', async () => {
    const res = await hub.as({ principal: PRINCIPALS.tax })<LogPage>(ACCESS_LOG, { first: 1000 });
    expect(res.body.errors).toBeUndefined();
    expect(idsOf(res.body.data!)).toEqual([r[3]!.id, r[2]!.id, r[0]!.id]);
    expect(res.body.data!.accessLog.totalCount).toBe(3);
    for (const e of res.body.data!.accessLog.edges) expect(e.node.owners).toContain('TAX');
  });

  it('keeps a department inside its own records even when it filters for others', async () => {
    const res = await hub.as({ principal: PRINCIPALS.court })<LogPage>(ACCESS_LOG, {
      first: 1000,
      filter: { resource: 'credit.taxArrears' },
    });
    expect(res.body.errors).toBeUndefined();
    expect(idsOf(res.body.data!)).toEqual([]);
  });

  it.each([
    ['a bank', PRINCIPALS.bank],
    ['an analyst', PRINCIPALS.analyst],
    ['an admin', PRINCIPALS.admin],
  ])('refuses %s with FORBIDDEN', async (_name, principal) => {
    const res = await hub.as({ principal })<LogPage>(ACCESS_LOG, { first: 10 });
    expect(res.body.data?.accessLog ?? null).toBeNull();
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('filters by uscc, resource, organisation and time', async () => {
    const auditor = hub.as({ principal: PRINCIPALS.auditor });
    const byUscc = await auditor<LogPage>(ACCESS_LOG, { first: 1000, filter: { uscc: CLEAN_MANUFACTURER } });
    expect(idsOf(byUscc.body.data!)).toEqual([r[2]!.id, r[0]!.id]);

    const byResource = await auditor<LogPage>(ACCESS_LOG, {
      first: 1000,
      filter: { resource: 'credit.taxArrears' },
    });
    expect(idsOf(byResource.body.data!)).toEqual([r[3]!.id, r[0]!.id]);

    const both = await auditor<LogPage>(ACCESS_LOG, {
      first: 1000,
      filter: { uscc: TECH, resource: 'credit.taxArrears', organisation: 'MARKET_REGULATION' },
    });
    expect(idsOf(both.body.data!)).toEqual([r[3]!.id]);

    const taxByUscc = await hub.as({ principal: PRINCIPALS.tax })<LogPage>(ACCESS_LOG, {
      first: 1000,
      filter: { uscc: TECH },
    });
    expect(idsOf(taxByUscc.body.data!)).toEqual([r[3]!.id]);

    const window = await auditor<LogPage>(ACCESS_LOG, {
      first: 1000,
      filter: {
        from: r[1]!.occurredAt.toISOString(),
        to: r[3]!.occurredAt.toISOString(),
        organisation: 'BANK_GZ_002',
      },
    });
    expect(idsOf(window.body.data!)).toEqual([r[1]!.id]);
    const future = await auditor<LogPage>(ACCESS_LOG, {
      first: 1000,
      filter: { from: '2999-01-01T00:00:00Z' },
    });
    expect(idsOf(future.body.data!)).toEqual([]);
  });

  it('rejects a malformed uscc filter as bad input', async () => {
    const res = await hub.as({ principal: PRINCIPALS.auditor })<LogPage>(ACCESS_LOG, {
      filter: { uscc: 'nope' },
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('auditPlugin', () => {
  const TAX_ARREARS = `query Arrears($uscc: USCC!) { enterprise(uscc: $uscc) { name taxArrears { totalCount } } }`;

  it('writes one record for an operation that was refused data', async () => {
    const before = await allIds();
    const res = await hub.as({ principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT })(
      TAX_ARREARS,
      {
        uscc: CLEAN_MANUFACTURER,
      },
    );
    expect(res.status).toBe(200);
    const after = await allIds();
    expect(after).toHaveLength(before.length + 1);
    const record = await hub.orm.em.fork().findOneOrFail(AccessLogEntity, { id: after.at(-1)! });
    expect(record).toMatchObject({
      organisation: 'BANK_XM_001',
      principalKind: PrincipalKind.BANK,
      purpose: Purpose.CREDIT_ASSESSMENT,
      operationName: 'Arrears',
      usccs: [CLEAN_MANUFACTURER],
      resources: ['credit.taxArrears'],
      owners: ['TAX'],
    });
    expect(record.decisions.denials.map((d) => d.field)).toContain('Enterprise.taxArrears');
    expect(await verifyChain(hub.orm.em.fork())).toMatchObject({ ok: true, count: after.length });
  });

  it('withholds the response when the record cannot be written', async () => {
    await sql('alter table audit_access_log rename to audit_access_log_away');
    try {
      const res = await hub.as({ principal: PRINCIPALS.bank })<{ enterprise: unknown }>(TAX_ARREARS, {
        uscc: CLEAN_MANUFACTURER,
      });
      expect(res.status).toBe(500);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toEqual([
        {
          message: 'Internal server error: the access could not be recorded, so no data was served',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
    } finally {
      await sql('alter table audit_access_log_away rename to audit_access_log');
    }
  });
});
