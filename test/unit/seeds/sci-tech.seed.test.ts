import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import type { EntityClass } from '@mikro-orm/core';
import { enterpriseFacts } from '../../../seeds/enterprise-facts.js';
import { Rng } from '../../../seeds/rng.js';
import { DEFAULT_SEED, SEED_CONTEXT } from '../../../seeds/seed-database.js';
import type { SeedEnterprise, SeedRow, SeedSink } from '../../../seeds/seed-types.js';
import { TechCertificationEntity } from '../../../src/modules/sci-tech/certification.entity.js';
import { PatentCountEntity } from '../../../src/modules/sci-tech/patent-count.entity.js';
import { RdSpendingEntity } from '../../../src/modules/sci-tech/rd-spending.entity.js';
import { sciTechSeeder } from '../../../seeds/sci-tech/sci-tech.seed.js';

interface Seeded {
  readonly enterprises: SeedEnterprise[];
  readonly rows: Map<EntityClass<object>, SeedRow[]>;
}

function seed(count: number): Seeded {
  const rows = new Map<EntityClass<object>, SeedRow[]>();
  const sink: SeedSink = {
    add(entity, row) {
      const list = rows.get(entity) ?? [];
      list.push(row);
      rows.set(entity, list);
    },
  };
  const enterprises: SeedEnterprise[] = [];
  for (let index = 0; index < count; index++) {
    const e = enterpriseFacts(DEFAULT_SEED, index);
    enterprises.push(e);
    sciTechSeeder.seed(e, Rng.derive(DEFAULT_SEED, index, 'sci-tech'), sink, SEED_CONTEXT);
  }
  return { enterprises, rows };
}

const rowsOf = (s: Seeded, entity: EntityClass<object>): SeedRow[] => s.rows.get(entity) ?? [];

function addYears(iso: string, years: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

describe('sci-tech seeder', () => {
  const seeded = seed(20_000);
  const certs = rowsOf(seeded, TechCertificationEntity);

  it('is deterministic', () => {
    const again = seed(2_000);
    const first = seed(2_000);
    expect(JSON.stringify([...again.rows.values()])).toBe(JSON.stringify([...first.rows.values()]));
  });

  it('concentrates high-tech certificates in sections I and M, then C', () => {
    const holders = new Set(
      certs.filter((r) => r.certification_type === 'HIGH_TECH_ENTERPRISE').map((r) => r.uscc),
    );
    const share = (sections: string[]) => {
      const inSections = seeded.enterprises.filter((e) => sections.includes(e.industrySection));
      return inSections.filter((e) => holders.has(e.uscc)).length / inSections.length;
    };
    expect(share(['I', 'M'])).toBeGreaterThan(0.22);
    expect(share(['I', 'M'])).toBeLessThan(0.38);
    expect(share(['C'])).toBeGreaterThan(0.07);
    expect(share(['C'])).toBeLessThan(0.17);
    expect(share(['F', 'G', 'H', 'K'])).toBeLessThan(0.02);
    const smeHolders = new Set(certs.filter((r) => r.certification_type === 'TECH_SME').map((r) => r.uscc));
    expect(smeHolders.size).toBeGreaterThan(holders.size);
  });

  it('gives certificates their statutory validity and a status consistent with the demo date', () => {
    for (const r of certs) {
      const years = r.certification_type === 'TECH_SME' ? 1 : 3;
      expect(r.valid_to).toBe(addYears(r.valid_from as string, years));
      if ((r.valid_to as string) < SEED_CONTEXT.today) expect(r.status).toBe('EXPIRED');
      else expect(['VALID', 'REVOKED']).toContain(r.status);
      if (r.certification_type === 'HIGH_TECH_ENTERPRISE') {
        expect(r.certificate_number).toMatch(new RegExp(`^GR${String(r.valid_from).slice(0, 4)}\\d{8}$`));
      }
    }
  });

  it('keys source record ids uniquely', () => {
    const ids = [...seeded.rows.values()].flat().map((r) => r.source_record_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports R&D and patents for every certified enterprise, with plausible magnitudes', () => {
    const rd = rowsOf(seeded, RdSpendingEntity);
    const withRd = new Set(rd.map((r) => r.uscc));
    const certified = new Set(certs.map((r) => r.uscc));
    const recentEnough = seeded.enterprises.filter(
      (e) => certified.has(e.uscc) && e.establishedDate < '2025-01-01',
    );
    expect(recentEnough.every((e) => withRd.has(e.uscc))).toBe(true);
    expect(withRd.size).toBeGreaterThan(certified.size);
    for (const r of rd) {
      expect(r.rd_expenditure as number).toBeLessThan(r.operating_revenue as number);
      expect(r.rd_staff_count as number).toBeGreaterThanOrEqual(1);
      expect([2023, 2024, 2025]).toContain(r.year);
    }
    const patents = rowsOf(seeded, PatentCountEntity);
    expect(patents.length).toBe(rd.length);
    const byUscc = new Map<unknown, SeedRow[]>();
    for (const p of patents) byUscc.set(p.uscc, [...(byUscc.get(p.uscc) ?? []), p]);
    for (const list of byUscc.values()) {
      for (let i = 1; i < list.length; i++) {
        expect(list[i]!.invention_patents_granted as number).toBeGreaterThanOrEqual(
          list[i - 1]!.invention_patents_granted as number,
        );
      }
    }
  });

  it('gives the demo manufacturer patents but no certificate', () => {
    const manufacturer = seeded.enterprises[0]!.uscc;
    expect(certs.filter((r) => r.uscc === manufacturer)).toEqual([]);
    expect(rowsOf(seeded, PatentCountEntity).filter((r) => r.uscc === manufacturer)).toHaveLength(3);
  });
});
