import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import type { EntityClass } from '@mikro-orm/core';
import { enterpriseFacts } from '../../../seeds/enterprise-facts.js';
import { Rng } from '../../../seeds/rng.js';
import { DEFAULT_SEED, SEED_CONTEXT } from '../../../seeds/seed-database.js';
import type { SeedEnterprise, SeedRow, SeedSink } from '../../../seeds/seed-types.js';
import { CreditListEntryEntity } from '../../../src/modules/credit/credit-list-entry.entity.js';
import { creditSeeder } from '../../../seeds/credit/credit.seed.js';
import { LicenceEntity } from '../../../src/modules/credit/licence.entity.js';
import { RiskClassificationEntity } from '../../../src/modules/credit/risk-classification.entity.js';
import { TaxArrearsEntity } from '../../../src/modules/credit/tax-arrears.entity.js';
import { TaxCreditEvaluationEntity } from '../../../src/modules/credit/tax-credit-evaluation.entity.js';

class ArraySink implements SeedSink {
  readonly rows: { entity: EntityClass<object>; row: SeedRow }[] = [];
  add<T extends object>(entity: EntityClass<T>, row: SeedRow): void {
    this.rows.push({ entity: entity, row });
  }
  of(entity: EntityClass<object>): SeedRow[] {
    return this.rows.filter((r) => r.entity === entity).map((r) => r.row);
  }
}

function seed(from: number, to: number): { sink: ArraySink; facts: SeedEnterprise[] } {
  const sink = new ArraySink();
  const facts: SeedEnterprise[] = [];
  for (let i = from; i < to; i++) {
    const e = enterpriseFacts(DEFAULT_SEED, i);
    facts.push(e);
    creditSeeder.seed(e, Rng.derive(DEFAULT_SEED, i, 'credit'), sink, SEED_CONTEXT);
  }
  return { sink, facts };
}

const N = 20_000;
const { sink, facts } = seed(0, N);
const byUscc = new Map(facts.map((e) => [e.uscc, e]));
const level = (row: SeedRow): number => byUscc.get(row.uscc as string)!.troubleLevel;
const share = (usccs: Iterable<unknown>, of: SeedEnterprise[]): number => {
  const set = new Set(usccs);
  return of.filter((e) => set.has(e.uscc)).length / of.length;
};

describe('credit seeder', () => {
  it('produces the same rows for the same seed', () => {
    const again = seed(0, 300).sink.rows;
    expect(again).toEqual(sink.rows.slice(0, again.length));
  });

  it('keys rows by snake_case column names, as the bulk insert expects', () => {
    const kinds = new Set(sink.rows.map((r) => r.entity));
    expect(kinds.size).toBe(6);
    const keys = new Set(sink.rows.flatMap(({ row }) => Object.keys(row)));
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z_]*$/);
    expect(Object.keys(sink.of(CreditListEntryEntity as EntityClass<object>)[0]!)).toContain(
      'removal_reason',
    );
    expect(Object.keys(sink.of(TaxArrearsEntity as EntityClass<object>)[0]!)).toContain('paid_off_date');
  });

  it('gives licences to about 30 % of enterprises', () => {
    const withLicence = share(
      sink.of(LicenceEntity as EntityClass<object>).map((r) => r.uscc),
      facts,
    );
    expect(withLicence).toBeGreaterThan(0.25);
    expect(withLicence).toBeLessThan(0.35);
  });

  it('lists few clean enterprises and every seriously dishonest one', () => {
    const entries = sink.of(CreditListEntryEntity);
    const active = entries.filter((r) => r.removed_date === null);
    const byLevel = (l: number) => facts.filter((e) => e.troubleLevel === l);
    expect(
      share(
        active.map((r) => r.uscc),
        facts,
      ),
    ).toBeLessThan(0.1);
    expect(active.filter((r) => level(r) === 0)).toEqual([]);
    for (const list of ['SERIOUS_DISHONESTY', 'DISHONEST_JUDGMENT_DEBTOR']) {
      expect(
        share(
          entries.filter((r) => r.list === list).map((r) => r.uscc),
          byLevel(3),
        ),
      ).toBe(1);
    }
    expect(
      share(
        active.filter((r) => r.list === 'BUSINESS_ANOMALY').map((r) => r.uscc),
        byLevel(2),
      ),
    ).toBeGreaterThan(0.2);
    const reasons = new Set(entries.map((r) => r.removal_reason));
    for (const reason of ['EXPIRED', 'REPAIRED', 'PERFORMED']) expect(reasons).toContain(reason);
    for (const r of entries) {
      expect(r.department).toBe(r.list === 'DISHONEST_JUDGMENT_DEBTOR' ? 'COURT' : 'MARKET_REGULATION');
      expect(r.case_number === null).toBe(r.list !== 'DISHONEST_JUDGMENT_DEBTOR');
      if (r.removed_date !== null) expect((r.removed_date as string) < SEED_CONTEXT.today).toBe(true);
      expect((r.removed_date === null) === (r.removal_reason === null)).toBe(true);
    }
  });

  it('grades most enterprises, A mostly for clean ones and C/D for troubled ones', () => {
    const grades = sink.of(TaxCreditEvaluationEntity);
    expect(
      share(
        grades.map((r) => r.uscc),
        facts,
      ),
    ).toBeGreaterThan(0.85);
    const rate = (l: number, wanted: string[]) => {
      const at = grades.filter((r) => level(r) === l);
      return at.filter((r) => wanted.includes(r.grade as string)).length / at.length;
    };
    expect(rate(0, ['A'])).toBeGreaterThan(0.3);
    expect(rate(0, ['C', 'D'])).toBe(0);
    expect(rate(3, ['C', 'D'])).toBe(1);
  });

  it('gives arrears only to enterprises with issues, and six monthly risk classes', () => {
    const arrears = sink.of(TaxArrearsEntity);
    expect(arrears.filter((r) => level(r) === 0)).toEqual([]);
    expect(arrears.length).toBeGreaterThan(0);
    const risk = sink.of(RiskClassificationEntity);
    const months = new Set(risk.map((r) => r.month));
    expect([...months].sort()).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    const perEnterprise = new Map<unknown, number>();
    for (const r of risk) perEnterprise.set(r.uscc, (perEnterprise.get(r.uscc) ?? 0) + 1);
    expect(Math.max(...perEnterprise.values())).toBe(6);
  });

  it('keeps source record ids unique per department', () => {
    for (const entity of [
      CreditListEntryEntity,
      TaxCreditEvaluationEntity,
      TaxArrearsEntity,
      RiskClassificationEntity,
      LicenceEntity,
    ]) {
      const rows = sink.of(entity);
      const keys = new Set(rows.map((r) => `${String(r.department)}|${String(r.source_record_id)}`));
      expect(keys.size).toBe(rows.length);
    }
  });
});
