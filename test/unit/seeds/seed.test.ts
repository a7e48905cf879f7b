import { describe, expect, it } from '@jest/globals';
import { checkUscc } from '../../../src/common/uscc.js';
import { REGIONS } from '../../../src/common/regions.js';
import { DEMO_ENTERPRISES, enterpriseFacts } from '../../../seeds/enterprise-facts.js';
import { DEFAULT_SEED, generateChunk } from '../../../seeds/seed-database.js';
import { MODULES } from '../../../src/modules/index.js';
import { EnterpriseEntity } from '../../../src/modules/registry/enterprise.entity.js';

const tables = (seed: number, from: number, to: number) => {
  const sink = generateChunk(MODULES, seed, from, to);
  return new Map([...sink.rows].map(([entity, rows]) => [(entity as { name: string }).name, rows]));
};

describe('seed generator', () => {
  it('gives the same rows for the same seed, and different rows for another seed', () => {
    const a = tables(DEFAULT_SEED, 0, 300);
    const b = tables(DEFAULT_SEED, 0, 300);
    expect(JSON.stringify([...b])).toBe(JSON.stringify([...a]));
    const c = tables(DEFAULT_SEED + 1, 0, 300);
    expect(JSON.stringify([...c])).not.toBe(JSON.stringify([...a]));
  });

  it('generates an enterprise the same way whatever chunk it falls in', () => {
    const whole = tables(DEFAULT_SEED, 0, 40).get(EnterpriseEntity.name)!;
    const part = tables(DEFAULT_SEED, 20, 40).get(EnterpriseEntity.name)!;
    expect(part).toEqual(whole.slice(20));
  });

  it('makes only valid, unique USCCs', () => {
    const usccs = Array.from({ length: 20_000 }, (_, i) => enterpriseFacts(DEFAULT_SEED, i).uscc);
    expect(usccs.filter((u) => !checkUscc(u).valid)).toEqual([]);
    expect(new Set(usccs).size).toBe(usccs.length);
  });

  it('starts with the five demo enterprises of DOMAIN.md', () => {
    expect(DEMO_ENTERPRISES.map((_, i) => enterpriseFacts(DEFAULT_SEED, i).uscc)).toEqual([
      '91350100M000100Y43',
      '91310230MA1K314J7C',
      '91350200776049653A',
      '91440101MA5CJQ4N59',
      '9135021359498494XQ',
    ]);
  });

  it('spreads enterprises over regions and sections, and keeps most of them clean', () => {
    const facts = Array.from({ length: 10_000 }, (_, i) => enterpriseFacts(DEFAULT_SEED, i));
    const regions = new Set(facts.map((f) => f.regionCode));
    expect(regions.size).toBeGreaterThanOrEqual(REGIONS.length - 1);
    const sections = new Set(facts.map((f) => f.industrySection));
    expect(sections.size).toBeGreaterThanOrEqual(15);
    const clean = facts.filter((f) => f.troubleLevel === 0).length / facts.length;
    expect(clean).toBeGreaterThan(0.7);
    expect(clean).toBeLessThan(0.8);
    const share = (s: string) => facts.filter((f) => f.industrySection === s).length / facts.length;
    expect(share('F')).toBeGreaterThan(share('J'));
  });
});
