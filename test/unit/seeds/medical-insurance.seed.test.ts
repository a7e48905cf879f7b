import { describe, expect, it } from '@jest/globals';
import type { EntityClass } from '@mikro-orm/core';
import { enterpriseFacts } from '../../../seeds/enterprise-facts.js';
import { Rng } from '../../../seeds/rng.js';
import { DEFAULT_SEED, SEED_CONTEXT } from '../../../seeds/seed-database.js';
import type { SeedRow, SeedSink } from '../../../seeds/seed-types.js';
import { DesignatedInstitutionEntity } from '../../../src/modules/medical-insurance/designated-institution.entity.js';
import { MedicalFundViolationEntity } from '../../../src/modules/medical-insurance/fund-violation.entity.js';
import { InstitutionCreditGradeEntity } from '../../../src/modules/medical-insurance/institution-credit-grade.entity.js';
import { medicalInsuranceSeeder } from '../../../seeds/medical-insurance/medical-insurance.seed.js';
import { SocialInsuranceAccountEntity } from '../../../src/modules/medical-insurance/social-insurance-account.entity.js';

type Rows = Map<EntityClass<object>, SeedRow[]>;

function generate(count: number): Rows {
  const rows: Rows = new Map();
  const sink: SeedSink = {
    add(entity, row) {
      const list = rows.get(entity) ?? [];
      list.push(row);
      rows.set(entity, list);
    },
  };
  for (let index = 0; index < count; index++) {
    const facts = enterpriseFacts(DEFAULT_SEED, index);
    medicalInsuranceSeeder.seed(
      facts,
      Rng.derive(DEFAULT_SEED, index, 'medical-insurance'),
      sink,
      SEED_CONTEXT,
    );
  }
  return rows;
}

const COUNT = 20_000;
const rows = generate(COUNT);
const of = (entity: EntityClass<object>): SeedRow[] => rows.get(entity) ?? [];
const accounts = of(SocialInsuranceAccountEntity);
const institutions = of(DesignatedInstitutionEntity);
const grades = of(InstitutionCreditGradeEntity);
const violations = of(MedicalFundViolationEntity);

describe('medical insurance seeder', () => {
  it('is deterministic', () => {
    expect(generate(300)).toEqual(generate(300));
  });

  it('gives every record a unique source id', () => {
    for (const list of [accounts, institutions, grades, violations]) {
      expect(new Set(list.map((r) => r.source_record_id)).size).toBe(list.length);
    }
  });

  it('keeps arrears equal to due minus paid, never negative', () => {
    // One assertion over all rows: per-row expect calls would dominate the run time.
    const bad = accounts.filter((r) => {
      const due = r.contributions_due as number;
      const paid = r.contributions_paid as number;
      return (
        !/^2026-(0[5-9]|10)$/.test(r.period as string) ||
        (r.insured_headcount as number) < 1 ||
        r.arrears !== Math.round(Math.max(due - paid, 0) * 100) / 100
      );
    });
    expect(accounts.length).toBeGreaterThan(COUNT * 4);
    expect(bad).toEqual([]);
    const inArrears = new Set(accounts.filter((r) => (r.arrears as number) > 0).map((r) => r.uscc));
    // Roughly 8 % of enterprises are troubled (level 2 or 3) and about half of those owe contributions.
    expect(inArrears.size / COUNT).toBeGreaterThan(0.02);
    expect(inArrears.size / COUNT).toBeLessThan(0.08);
  });

  it('designates about 60 % of health enterprises and a few retailers', () => {
    const facts = Array.from({ length: COUNT }, (_, i) => enterpriseFacts(DEFAULT_SEED, i));
    const designated = new Set(institutions.map((r) => r.uscc));
    const share = (section: string): number => {
      const inSection = facts.filter((f) => f.industrySection === section);
      return inSection.filter((f) => designated.has(f.uscc)).length / inSection.length;
    };
    expect(share('Q')).toBeGreaterThan(0.5);
    expect(share('Q')).toBeLessThan(0.7);
    expect(share('F')).toBeGreaterThan(0);
    expect(share('F')).toBeLessThan(0.03);
    expect(share('C')).toBe(0);
    for (const r of institutions) {
      expect(r.institution_code).toMatch(r.institution_type === 'HOSPITAL' ? /^H\d{11}$/ : /^P\d{11}$/);
      expect((r.designated_from as string) < SEED_CONTEXT.today).toBe(true);
      expect(r.status_changed_date === null).toBe(r.designation_status === 'DESIGNATED');
    }
  });

  it('grades match their score band and follow the designation', () => {
    const band = (s: number): string =>
      s >= 900 ? 'A' : s >= 800 ? 'B' : s >= 700 ? 'C' : s >= 600 ? 'D' : 'E';
    const codes = new Set(institutions.map((r) => r.institution_code));
    expect(grades.length).toBeGreaterThan(institutions.length);
    for (const r of grades) {
      expect(r.grade).toBe(band(r.score as number));
      expect([2023, 2024, 2025]).toContain(r.year);
      expect(codes.has(r.institution_code)).toBe(true);
    }
  });

  it('finds violations after designation, fines them by the regulation, repairs only after a year', () => {
    const designatedFrom = new Map(
      institutions.map((r) => [
        `${String(r.uscc)}|${String(r.institution_code)}`,
        r.designated_from as string,
      ]),
    );
    expect(violations.length).toBeGreaterThan(0);
    for (const r of violations) {
      const found = r.found_date as string;
      expect(found > designatedFrom.get(`${String(r.uscc)}|${String(r.institution_code)}`)!).toBe(true);
      expect(found < SEED_CONTEXT.today).toBe(true);
      const involved = r.amount_involved as number;
      const ratio = (r.penalty_amount as number) / involved;
      const [low, high] = r.violation_type === 'FALSE_CLAIMS' ? [2, 5] : [1, 2];
      expect(ratio).toBeGreaterThanOrEqual(low - 0.001);
      expect(ratio).toBeLessThanOrEqual(high + 0.001);
      expect(r.amount_recovered as number).toBeLessThanOrEqual(involved);
      if (r.repaired_date !== null) {
        expect((r.repaired_date as string) > found).toBe(true);
        expect((r.repaired_date as string) < SEED_CONTEXT.today).toBe(true);
      }
      if (r.detected_by === 'DRG_AUDIT') expect(r.institution_code).toMatch(/^H/);
    }
  });

  it('gives the demo hospital and the demo trader their documented records', () => {
    const hospital = '9135021359498494XQ';
    const trader = '91440101MA5CJQ4N59';
    expect(institutions.filter((r) => r.uscc === hospital)).toEqual([
      expect.objectContaining({ institution_type: 'HOSPITAL', designation_status: 'DESIGNATED' }),
    ]);
    expect(grades.filter((r) => r.uscc === hospital).map((r) => r.year)).toEqual([2023, 2024, 2025]);
    expect(violations).toContainEqual(
      expect.objectContaining({ uscc: hospital, detected_by: 'DRG_AUDIT', repaired_date: null }),
    );
    expect(
      accounts.filter((r) => r.uscc === trader && (r.arrears as number) > 0).length,
    ).toBeGreaterThanOrEqual(2);
    expect(institutions.some((r) => r.uscc === trader)).toBe(false);
  });
});
