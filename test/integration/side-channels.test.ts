import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mintToken, type TokenClaims } from '../../src/auth/authenticate.js';
import { KEY_MANAGER_SCOPE } from '../../src/auth/api-keys/api-key.policy.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';
import { seedGovernance } from '../../seeds/governance.js';
import { accessLogProbe } from '../helpers/access-log.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type Caller, type GraphQLResponse, type TestHub } from '../helpers/test-hub.js';

/**
 * Issue 7, "no side channels": the four findings with the operations quoted in
 * the issue, for every principal kind, in partial and reject mode. A denied
 * filter, ordering or grouping reveals nothing (no count, no ordering effect),
 * derived texts carry no denied value, statistics cannot be narrowed to one
 * enterprise, and a key cannot outrank its issuer.
 */

const GZ = '91440101MA5CJQ4N59'; // 广州东方商贸有限公司3, region 440101, section F
const CA = Purpose.CREDIT_ASSESSMENT;
const ST = Purpose.STATISTICS;
const ENTERPRISES = 200;

const list = (filter: string, extra = '') =>
  `{ enterprises(filter: { nameContains: "东方商贸有限公司3", regionPrefix: "440101", ${filter} }${extra}) { totalCount } }`;

/** The probes: each tests the risk profile (and hasSignal the tax bureau's arrears). */
const PROBES = {
  'riskGrades [E]': { query: list('riskGrades: [E]'), argument: 'filter.riskGrades' },
  'riskGrades [A]': { query: list('riskGrades: [A]'), argument: 'filter.riskGrades' },
  'maxRiskScore 11': { query: list('maxRiskScore: 11'), argument: 'filter.maxRiskScore' },
  'maxRiskScore 10.9': { query: list('maxRiskScore: 10.9'), argument: 'filter.maxRiskScore' },
  'hasSignal TAX_ARREARS': { query: list('hasSignal: "TAX_ARREARS"'), argument: 'filter.hasSignal' },
  'orderBy RISK_SCORE': {
    query: `{ enterprises(filter: { regionPrefix: "440101" }, orderBy: { field: RISK_SCORE }) { totalCount edges { node { uscc } } } }`,
    argument: 'orderBy.field',
  },
} as const;

const bankGz: TokenClaims = { sub: 'risk-engine', org: 'BANK_GZ_002', kind: PrincipalKind.BANK };

/** Callers who may not read the risk profile, one per principal kind (and a bank under the wrong purpose). */
const DENIED: [string, Caller][] = [
  ['analyst (STATISTICS, no profile agreement)', { principal: PRINCIPALS.analyst, purpose: ST }],
  ['tax department (no profile agreement)', { principal: PRINCIPALS.tax, purpose: CA }],
  ['auditor', { principal: PRINCIPALS.auditor, purpose: CA }],
  ['admin', { principal: PRINCIPALS.admin, purpose: CA }],
  ['bank under the wrong purpose', { principal: PRINCIPALS.bank, purpose: ST }],
];

describe.each(['partial', 'reject'] as const)('AUTHZ_MODE=%s', (mode) => {
  let hub: TestHub;
  const { withLog } = accessLogProbe(() => hub);
  const sql = <T>(q: string, p: unknown[] = []) => hub.orm.em.fork().execute<T[]>(q, p);

  beforeAll(async () => {
    hub = await startTestHub({
      enterprises: ENTERPRISES,
      env: { AUTHZ_MODE: mode, JWT_MACHINE_CLIENTS: 'BANK_XM_001/risk-engine' },
    });
    await seedGovernance(hub.orm.em.fork());
  });
  afterAll(async () => {
    await hub?.close();
  });

  /** Denied: coded FORBIDDEN naming the argument and resource, no count in the body, the denial logged. */
  async function expectDeniedInput(caller: Caller, query: string, argument: string, resource: string) {
    const { res, records } = await withLog(() => hub.as(caller)(query));
    const body = JSON.stringify(res.body);
    expect(body).not.toContain('totalCount');
    expect(body).not.toContain('"uscc"');
    const error = res.body.errors?.find((e) => e.extensions?.code === 'FORBIDDEN');
    expect(error).toBeDefined();
    expect(error!.message).toContain(argument);
    expect(error!.message).toContain(resource);
    if (mode === 'partial') {
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ enterprises: null });
      expect(error!.extensions).toMatchObject({ argument, resource });
    } else {
      expect(res.status).toBe(403);
      expect(res.body.data?.createApiKey ?? null).toBeNull();
      expect(error!.extensions?.arguments).toContain(argument);
    }
    expect(records).toHaveLength(1);
    expect(records[0]!.decisions.denials.map((d) => d.resource)).toContain(resource);
    return res;
  }

  describe('finding 1: filters and ordering are decided as the fields they test', () => {
    it.each(DENIED)('%s: every probe is refused the same way, whatever the value', async (_label, caller) => {
      const bodies = new Map<string, string>();
      for (const [name, probe] of Object.entries(PROBES)) {
        const res = await expectDeniedInput(caller, probe.query, probe.argument, 'risk.profile');
        bodies.set(name, JSON.stringify(res.body));
      }
      // [E] and [A], 11 and 10.9 answer identically: no value is told apart.
      expect(bodies.get('riskGrades [E]')).toBe(bodies.get('riskGrades [A]'));
      expect(bodies.get('maxRiskScore 11')!.replace('maxRiskScore', '')).toBe(
        bodies.get('maxRiskScore 10.9')!.replace('maxRiskScore', ''),
      );
    });

    it('a bank allowed the profile but not tax arrears may not filter by TAX_ARREARS', async () => {
      const caller = { principal: bankGz, purpose: CA };
      await expectDeniedInput(
        caller,
        PROBES['hasSignal TAX_ARREARS'].query,
        'filter.hasSignal',
        'credit.taxArrears',
      );
      // The same shape on a signal whose record it may read is answered (the refusal is for the record).
      const ok = await hub.as(caller)<{ enterprises: { totalCount: number } }>(
        list('hasSignal: "RD_INTENSITY_HIGH"'),
      );
      expect(ok.status).toBe(200);
      expect(typeof ok.body.data!.enterprises.totalCount).toBe('number');
    });

    it('the same shape with unconditional filters only is answered (refused for the argument, not the shape)', async () => {
      for (const [, caller] of DENIED) {
        const res = await hub.as(caller)<{ enterprises: { totalCount: number } }>(
          list('status: [OPERATING]'),
        );
        expect(res.status).toBe(200);
        expect(res.body.data!.enterprises.totalCount).toBe(1);
      }
    });

    it('allowed callers get the true counts, and the filter is logged under the resources it read', async () => {
      for (const caller of [
        { principal: PRINCIPALS.bank, purpose: CA },
        { principal: PRINCIPALS.marketRegulation, purpose: CA },
      ]) {
        const [row] = await sql<{ grade: string; score: number }>(
          'select grade, score from risk_profile where uscc = ?',
          [GZ],
        );
        const e = await withLog(() =>
          hub.as(caller)<{ enterprises: { totalCount: number } }>(list(`riskGrades: [${row!.grade}]`)),
        );
        expect(e.res.body.errors).toBeUndefined();
        expect(e.res.body.data!.enterprises.totalCount).toBe(1);
        if (caller.principal.kind === PrincipalKind.BANK) {
          const read = e.records[0]!.decisions.resources.find((r) => r.resource === 'risk.profile');
          expect(read?.fields).toMatchObject({ 'EnterpriseFilter.riskGrades': 1 });
        }
      }
      const arrears = await withLog(() =>
        hub.as({ principal: PRINCIPALS.bank, purpose: CA })(PROBES['hasSignal TAX_ARREARS'].query),
      );
      expect(arrears.res.body.errors).toBeUndefined();
      const resources = arrears.records[0]!.decisions.resources.map((r) => r.resource);
      expect(resources).toEqual(expect.arrayContaining(['credit.taxArrears', 'risk.profile']));
      expect(arrears.records[0]!.owners).toContain('TAX');
    });
  });

  describe('finding 2: statistics cannot be narrowed to one enterprise', () => {
    const stats = (grade: string) =>
      `{ riskStatistics(groupBy: [RISK_GRADE], filter: { regionPrefix: "440101", industrySection: F, riskGrades: [${grade}] }) { total suppressed suppressionReason buckets { count } } }`;
    const everyone: Caller[] = [
      ...DENIED.map(([, c]) => c),
      { principal: PRINCIPALS.bank, purpose: CA },
      { principal: PRINCIPALS.marketRegulation, purpose: CA },
    ];

    it('every principal gets the same suppressed answer for grades A–E: no total, said so', async () => {
      for (const caller of everyone) {
        const bodies = new Set<string>();
        for (const grade of ['A', 'B', 'C', 'D', 'E']) {
          const res = await hub.as(caller)<{ riskStatistics: { total: number | null; suppressed: boolean } }>(
            stats(grade),
          );
          expect(res.status).toBe(200);
          expect(res.body.data!.riskStatistics).toMatchObject({ total: null, suppressed: true, buckets: [] });
          bodies.add(JSON.stringify(res.body));
        }
        expect(bodies.size).toBe(1);
      }
    });

    it('the same shape over a population above the minimum is answered', async () => {
      const res = await hub.as({ principal: PRINCIPALS.analyst, purpose: ST })<{
        riskStatistics: { total: number; suppressed: boolean };
      }>('{ riskStatistics(groupBy: [RISK_GRADE]) { total suppressed } }');
      expect(res.body.data!.riskStatistics).toEqual({ total: ENTERPRISES, suppressed: false });
    });

    it('differencing pairs: answers one argument apart differ by 0 or at least the minimum cell size', async () => {
      type Filter = { regionPrefix?: string; industrySection?: string; riskGrades?: string[] };
      type Answer = { total: number | null; buckets: { riskGrade: string; count: number }[] };
      const regions = (
        await sql<{ p: string }>(
          `select distinct substr(region_code, 1, 6) as p from registry_enterprise where region_code like '44%' or region_code like '35%'`,
        )
      ).flatMap((r) => [r.p.slice(0, 2), r.p.slice(0, 4), r.p]);
      const sections = (
        await sql<{ s: string }>(
          'select industry_section as s from registry_enterprise group by industry_section order by count(*) desc limit 3',
        )
      ).map((r) => r.s);
      const gradeSets = [undefined, ['E'], ['D', 'E'], ['C', 'D', 'E'], ['A', 'B', 'C', 'D']];
      const filters: Filter[] = [];
      for (const regionPrefix of [undefined, ...new Set(regions)])
        for (const industrySection of [undefined, ...sections])
          for (const riskGrades of gradeSets)
            filters.push({
              ...(regionPrefix ? { regionPrefix } : {}),
              ...(industrySection ? { industrySection } : {}),
              ...(riskGrades ? { riskGrades } : {}),
            });
      const answers = new Map<string, Answer>();
      const Q = `query ($filter: RiskStatisticsFilter) { riskStatistics(groupBy: [RISK_GRADE], filter: $filter) { total buckets { riskGrade count } } }`;
      for (const filter of filters) {
        const res = await hub.as({ principal: PRINCIPALS.analyst, purpose: ST })<{ riskStatistics: Answer }>(
          Q,
          {
            filter,
          },
        );
        const answer = res.body.data!.riskStatistics;
        answers.set(JSON.stringify(filter), answer);
        if (answer.total === null) continue;
        // Within one answer: withheld buckets together are none or at least the minimum.
        const withheld = answer.total - answer.buckets.reduce((t, b) => t + b.count, 0);
        expect({ filter, withheld: withheld === 0 || withheld >= 5 }).toEqual({ filter, withheld: true });
        for (const b of answer.buckets) expect(b.count).toBeGreaterThanOrEqual(5);
      }
      // Pairs one argument apart, by nesting: removed, a coarser region, one grade fewer.
      const apart = (a: Filter, b: Filter): boolean => {
        const diffs = (['regionPrefix', 'industrySection', 'riskGrades'] as const).filter(
          (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
        );
        if (diffs.length !== 1) return false;
        const k = diffs[0]!;
        if (a[k] === undefined) return false; // the coarser one is `b`: seen from the other side
        if (b[k] === undefined) return true;
        if (k === 'regionPrefix') return a.regionPrefix!.startsWith(b.regionPrefix!);
        if (k === 'riskGrades')
          return (
            a.riskGrades!.every((g) => b.riskGrades!.includes(g)) &&
            b.riskGrades!.length === a.riskGrades!.length + 1
          );
        return false;
      };
      let pairs = 0;
      for (const a of filters) {
        for (const b of filters) {
          const x = answers.get(JSON.stringify(a))!;
          const y = answers.get(JSON.stringify(b))!;
          if (!apart(a, b) || x.total === null || y.total === null) continue;
          pairs++;
          const d = Math.abs(x.total - y.total);
          expect({ a, b, difference: d === 0 || d >= 5 }).toEqual({ a, b, difference: true });
          const yb = new Map(y.buckets.map((t) => [t.riskGrade, t.count]));
          for (const t of x.buckets) {
            if (!yb.has(t.riskGrade)) continue;
            const db = Math.abs(t.count - yb.get(t.riskGrade)!);
            expect({ a, b, grade: t.riskGrade, difference: db === 0 || db >= 5 }).toEqual({
              a,
              b,
              grade: t.riskGrade,
              difference: true,
            });
          }
        }
      }
      expect(pairs).toBeGreaterThan(10);
    });
  });

  describe('finding 3: derived texts reveal only what the caller may read', () => {
    const PROFILE = `query ($uscc: USCC!) { enterprise(uscc: $uscc) { taxArrears { edges { node { amountOwed arrearsSince } } }
      riskProfile { signals { code department detail occurredOn } dimensions { contributions { signalCode occurredOn } } sources { department asOf } } } }`;

    it('bank-guangzhou: taxArrears is refused and no amount or date of it appears in the signals', async () => {
      const [arrears] = await sql<{ amount_owed: string; arrears_since: string }>(
        `select amount_owed, to_char(arrears_since, 'YYYY-MM-DD') as arrears_since from credit_tax_arrears where uscc = ? and paid_off_date is null`,
        [GZ],
      );
      expect(arrears).toBeDefined();
      const caller = { principal: bankGz, purpose: CA };
      if (mode === 'reject') {
        const res = await hub.as(caller)(PROFILE, { uscc: GZ });
        expect(res.status).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain(arrears!.arrears_since);
        return;
      }
      const { res, records } = await withLog(() =>
        hub.as(caller)<{ enterprise: { riskProfile: { signals: { code: string; detail: string }[] } } }>(
          PROFILE,
          {
            uscc: GZ,
          },
        ),
      );
      const body = JSON.stringify(res.body);
      expect(res.body.errors?.find((e) => e.path?.includes('taxArrears'))?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect(body).not.toContain(arrears!.arrears_since);
      expect(body).not.toContain(Number(arrears!.amount_owed).toFixed(2));
      const signal = res.body.data!.enterprise.riskProfile.signals.find((s) => s.code === 'TAX_ARREARS');
      expect(signal?.detail).toBe('tax arrears reported by TAX; the record behind it is not shared with you');
      // The profile's derived use of the tax bureau's data is on file under its resources.
      const resources = records[0]!.decisions.resources.map((r) => r.resource);
      expect(resources).toEqual(expect.arrayContaining(['credit.taxArrears', 'risk.profile']));
    });
  });

  describe('finding 4: keys cannot outrank their issuer', () => {
    const CREATE = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { kind organisation } } }`;
    const taxKey = {
      name: `tax sync (${mode})`,
      subject: 'tax-sync',
      organisation: 'TAX',
      kind: 'DEPARTMENT',
    };
    const taxManager: TokenClaims = { ...PRINCIPALS.tax, sub: 'tax-admin', scopes: [KEY_MANAGER_SCOPE] };
    const bankManager: TokenClaims = { ...PRINCIPALS.bank, sub: 'bank-admin', scopes: [KEY_MANAGER_SCOPE] };

    it.each([
      ['the hub admin, a DEPARTMENT key for TAX', PRINCIPALS.admin, taxKey],
      [
        'the hub admin, a BANK key',
        PRINCIPALS.admin,
        { ...taxKey, organisation: 'BANK_XM_001', kind: 'BANK' },
      ],
      [
        'the hub admin, an AUDITOR key',
        PRINCIPALS.admin,
        { ...taxKey, organisation: 'HUB_OPERATOR', kind: 'AUDITOR' },
      ],
      ['a bank administrator, a TAX key', bankManager, taxKey],
      ['the tax system without the manager scope', PRINCIPALS.tax, taxKey],
      [
        'the tax administrator, a key for another department',
        taxManager,
        { ...taxKey, organisation: 'COURT' },
      ],
    ])('refuses %s: FORBIDDEN, no key', async (_label, principal, input) => {
      const res = await hub.as({ principal })(CREATE, { input });
      expect(res.body.data?.createApiKey ?? null).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'KEY_OUTRANKS_ISSUER',
      });
      expect(JSON.stringify(res.body)).not.toMatch(/hub_[0-9a-f]{12}_/);
    });

    it('the admin issues operator keys; the tax administrator issues the tax bureau’s keys', async () => {
      const op = await hub.as({ principal: PRINCIPALS.admin })(CREATE, {
        input: { ...taxKey, name: `operator (${mode})`, organisation: 'HUB_OPERATOR', kind: 'ADMIN' },
      });
      expect(op.body.errors).toBeUndefined();
      const tax = await hub.as({ principal: taxManager })<{ createApiKey: { key: string } }>(CREATE, {
        input: taxKey,
      });
      expect(tax.body.errors).toBeUndefined();
      expect(tax.body.data!.createApiKey.key).toMatch(/^hub_/);
    });

    it('refuses tokens living longer than JWT_MAX_TTL (401, coded), except for registered machine clients', async () => {
      const call = async (claims: TokenClaims, expires: string): Promise<GraphQLResponse> =>
        hub.as({ principal: null })('{ me { organisation } }', undefined, {
          authorization: `Bearer ${await mintToken(hub.config, claims, expires)}`,
        });
      const long = await call(PRINCIPALS.analyst, '25h');
      expect(long.status).toBe(401);
      expect(long.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_LIFETIME_TOO_LONG',
      });
      expect((await call(PRINCIPALS.analyst, '23h')).status).toBe(200);
      expect((await call(PRINCIPALS.bank, '25h')).status).toBe(200);
      expect((await call(PRINCIPALS.bank, '31d')).status).toBe(401);
    });
  });
});
