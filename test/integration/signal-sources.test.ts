import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Department } from '../../src/common/department.js';
import {
  SignalCategory,
  type EnterpriseSignals,
  type RiskSignal,
  type SignalSource,
} from '../../src/common/risk-signal.js';
import { MODULES } from '../../src/modules/index.js';
import { creditSignalSource } from '../../src/modules/credit/index.js';
import { medicalInsuranceSignalSource } from '../../src/modules/medical-insurance/index.js';
import { registrySignalSource } from '../../src/modules/registry/index.js';
import { sciTechSignalSource } from '../../src/modules/sci-tech/index.js';
import { transportCreditSignalSource } from '../../src/modules/transport-credit/index.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const TODAY = '2026-11-01';
const SEED_ENTERPRISES = 30;
const CLEAN = '91350100M000100Y43';
const TECH = '91310230MA1K314J7C';
const TRANSPORT = '91350200776049653A';
const DISHONEST = '91440101MA5CJQ4N59';
const HOSPITAL = '9135021359498494XQ';

const SOURCES: readonly [string, SignalSource, number][] = [
  // [module, source, statements per batch: one per table read]
  ['registry', registrySignalSource, 1],
  ['credit', creditSignalSource, 6],
  ['medical-insurance', medicalInsuranceSignalSource, 4],
  ['transport-credit', transportCreditSignalSource, 4],
  ['sci-tech', sciTechSignalSource, 3],
];

let hub: TestHub;
let usccs: string[];
/** Every module's signals for every seeded enterprise, loaded once as a batch. */
const loaded = new Map<string, Map<string, EnterpriseSignals>>();

beforeAll(async () => {
  hub = await startTestHub({ enterprises: SEED_ENTERPRISES });
  const rows = await hub.orm.em
    .fork()
    .execute<{ uscc: string }[]>('select uscc from registry_enterprise order by uscc');
  usccs = rows.map((r) => r.uscc);
  for (const [name, source] of SOURCES) loaded.set(name, await source.load(hub.orm.em.fork(), usccs, TODAY));
});
afterAll(async () => {
  await hub?.close();
});

const signalsOf = (uscc: string): RiskSignal[] =>
  [...loaded.values()].flatMap((byUscc) => byUscc.get(uscc)?.signals ?? []);
const activeCodes = (uscc: string): string[] =>
  signalsOf(uscc)
    .filter((s) => s.active)
    .map((s) => s.code);

describe('signal sources', () => {
  it('every module with records has its source registered on the module', () => {
    const registered = new Map(MODULES.map((m) => [m.name, m.signals]));
    for (const [name, source] of SOURCES) {
      expect(registered.get(name)).toBe(source);
      expect(source.module).toBe(name);
    }
  });

  it.each(SOURCES)(
    '%s loads 30 enterprises with the same number of SQL statements as 1',
    async (_name, source, statements) => {
      hub.counter.reset();
      await source.load(hub.orm.em.fork(), usccs.slice(0, 1), TODAY);
      const one = hub.counter.count;
      hub.counter.reset();
      const all = await source.load(hub.orm.em.fork(), usccs, TODAY);
      const thirty = hub.counter.count;
      expect(usccs).toHaveLength(SEED_ENTERPRISES);
      expect(one).toBe(statements);
      expect(thirty).toBe(one);
      expect([...all.keys()].sort()).toEqual(usccs);
    },
  );

  it.each(SOURCES)('%s lists only tables that exist in the schema', async (_name, source) => {
    const rows = await hub.orm.em
      .fork()
      .execute<
        { table_name: string }[]
      >(`select table_name from information_schema.tables where table_name in (${source.tables.map(() => '?').join(', ')})`, [...source.tables]);
    expect(rows.map((r) => r.table_name).sort()).toEqual([...source.tables].sort());
  });

  it('an empty batch costs no statement', async () => {
    hub.counter.reset();
    for (const [, source] of SOURCES) expect((await source.load(hub.orm.em.fork(), [], TODAY)).size).toBe(0);
    expect(hub.counter.count).toBe(0);
  });

  it('the seriously dishonest trader has active court, list, tax grade and arrears signals', async () => {
    const codes = activeCodes(DISHONEST);
    for (const code of [
      'DISHONEST_JUDGMENT_DEBTOR',
      'SERIOUS_DISHONESTY_LIST',
      'TAX_GRADE_D',
      'TAX_ARREARS',
    ]) {
      expect(codes).toContain(code);
    }
    const debtor = signalsOf(DISHONEST).find((s) => s.code === 'DISHONEST_JUDGMENT_DEBTOR' && s.active)!;
    expect([debtor.category, debtor.department, debtor.recordType]).toEqual([
      SignalCategory.JUDICIAL,
      Department.COURT,
      'CreditListEntry',
    ]);
    // The signal points at the real row: the right enterprise, list and listing date, still on the list.
    const [row] = await hub.orm.em
      .fork()
      .execute<
        { uscc: string; list: string; listed: string; removed: string | null }[]
      >(`select uscc, list, to_char(listed_date, 'YYYY-MM-DD') as listed, removed_date as removed from credit_list_entry where id = ?`, [debtor.recordId]);
    expect(row).toEqual({
      uscc: DISHONEST,
      list: 'DISHONEST_JUDGMENT_DEBTOR',
      listed: debtor.occurredOn,
      removed: null,
    });
  });

  it('the clean manufacturer has tax grade A and no active negative signal', () => {
    expect(activeCodes(CLEAN)).toContain('TAX_GRADE_A');
    const negative = signalsOf(CLEAN).filter((s) => s.active && s.category !== SignalCategory.POSITIVE);
    expect(negative).toEqual([]);
  });

  it('the technology enterprise is an active high-tech enterprise with tax grade A', () => {
    const codes = activeCodes(TECH);
    expect(codes).toContain('HIGH_TECH_CERTIFIED');
    expect(codes).toContain('TAX_GRADE_A');
    // Its expired tech SME certificates stay as history, inactive.
    const sme = signalsOf(TECH).filter((s) => s.code === 'TECH_SME_CERTIFIED');
    expect(sme.filter((s) => !s.active).length).toBeGreaterThan(0);
  });

  it('the transport company has an active C/D transport grade and a business anomaly listing', () => {
    const codes = activeCodes(TRANSPORT);
    expect(codes).toContain('TRANSPORT_GRADE_C_OR_D');
    expect(codes).toContain('BUSINESS_ANOMALY');
    // Its old enforcement was repaired and must not count.
    const enforcements = signalsOf(TRANSPORT).filter((s) => s.code === 'TRANSPORT_ENFORCEMENT');
    expect(enforcements.some((s) => !s.active)).toBe(true);
    expect(enforcements.some((s) => s.active)).toBe(true);
  });

  it('the designated hospital has an active medical fund violation', () => {
    const violation = signalsOf(HOSPITAL).find((s) => s.code === 'MEDICAL_FUND_VIOLATION' && s.active);
    expect(violation).toMatchObject({
      category: SignalCategory.SECTOR_COMPLIANCE,
      department: Department.MEDICAL_INSURANCE,
      recordType: 'MedicalFundViolation',
    });
  });

  it('no signal detail carries the legal representative’s name or identity number', async () => {
    const reps = await hub.orm.em
      .fork()
      .execute<
        { name: string; id: string }[]
      >('select legal_representative_name as name, legal_representative_id_number as id from registry_enterprise');
    const details = usccs.flatMap(signalsOf).map((s) => s.detail);
    expect(details.length).toBeGreaterThan(0);
    for (const { name, id } of reps) {
      for (const detail of details) {
        expect(detail).not.toContain(name);
        expect(detail).not.toContain(id);
      }
    }
  });

  it('freshness is the latest asOf of each department’s rows, and null where there are none', async () => {
    const credit = loaded.get('credit')!.get(DISHONEST)!.freshness;
    expect(credit.map((f) => f.department).sort()).toEqual(
      [Department.COURT, Department.MARKET_REGULATION, Department.TAX].sort(),
    );
    const [expected] = await hub.orm.em.fork().execute<{ latest: Date | string }[]>(
      `select max(as_of) as latest from (select as_of from credit_tax_evaluation where uscc = ? union all
         select as_of from credit_tax_arrears where uscc = ?) t`,
      [DISHONEST, DISHONEST],
    );
    const tax = credit.find((f) => f.department === Department.TAX)!.asOf;
    expect(tax).toBeInstanceOf(Date);
    expect(tax!.getTime()).toBe(new Date(expected!.latest).getTime());

    // The clean manufacturer runs no transport business.
    expect(loaded.get('transport-credit')!.get(CLEAN)!.freshness).toEqual([
      { department: Department.TRANSPORT, asOf: null },
    ]);
    const registry = loaded.get('registry')!.get(CLEAN)!.freshness;
    expect(registry).toHaveLength(1);
    expect(registry[0]!.asOf).toBeInstanceOf(Date);
  });
});
