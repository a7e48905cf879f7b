import { INDUSTRY_SECTIONS, IndustrySection } from '../src/common/industry.js';
import { REGIONS } from '../src/common/regions.js';
import { USCC_CHARSET, completeUscc } from '../src/common/uscc.js';
import { Rng } from './rng.js';
import type { SeedEnterprise } from './seed-types.js';

/**
 * Five well-known codes (the valid examples of DOMAIN.md) come first, with fixed
 * profiles, so the README, the tests and a person trying the hub can name them.
 */
export const DEMO_ENTERPRISES: readonly (Omit<SeedEnterprise, 'index'> & { readonly role: string })[] = [
  {
    uscc: '91350100M000100Y43',
    regionCode: '350100',
    industrySection: 'C',
    industryCode: '3511',
    establishedDate: '2003-05-16',
    troubleLevel: 0,
    registeredCapital: 50_000_000,
    role: 'clean manufacturer',
  },
  {
    uscc: '91310230MA1K314J7C',
    regionCode: '310230',
    industrySection: 'I',
    industryCode: '6513',
    establishedDate: '2016-03-08',
    troubleLevel: 0,
    registeredCapital: 10_000_000,
    role: 'technology enterprise',
  },
  {
    uscc: '91350200776049653A',
    regionCode: '350200',
    industrySection: 'G',
    industryCode: '5436',
    establishedDate: '2005-09-21',
    troubleLevel: 2,
    registeredCapital: 20_000_000,
    role: 'transport company with violations',
  },
  {
    uscc: '91440101MA5CJQ4N59',
    regionCode: '440101',
    industrySection: 'F',
    industryCode: '5139',
    establishedDate: '2018-11-30',
    troubleLevel: 3,
    registeredCapital: 5_000_000,
    role: 'seriously dishonest trader',
  },
  {
    uscc: '9135021359498494XQ',
    regionCode: '350213',
    industrySection: 'Q',
    industryCode: '8411',
    establishedDate: '2012-07-02',
    troubleLevel: 1,
    registeredCapital: 30_000_000,
    role: 'designated hospital',
  },
];

const ORG_SPACE = 31 ** 6;

/** A unique six-character organisation serial for each index (a bijection on 0..31^6-1). */
function orgSerial(index: number): string {
  let n = (index * 48271 + 12345) % ORG_SPACE;
  let out = '';
  for (let i = 0; i < 6; i++) {
    out = USCC_CHARSET[n % 31]! + out;
    n = Math.floor(n / 31);
  }
  return out;
}

const regionChoices = REGIONS.map((r) => [r, r.weight] as const);
const sectionChoices = (Object.keys(INDUSTRY_SECTIONS) as IndustrySection[])
  .filter((s) => INDUSTRY_SECTIONS[s].weight > 0)
  .map((s) => [s, INDUSTRY_SECTIONS[s].weight] as const);

export function enterpriseFacts(seed: number, index: number): SeedEnterprise {
  const demo = DEMO_ENTERPRISES[index];
  if (demo) {
    const { role: _role, ...facts } = demo;
    return { ...facts, index };
  }
  const rng = Rng.derive(seed, index, 'enterprise');
  const region = rng.weighted(regionChoices);
  const section = rng.weighted(sectionChoices);
  const category = section === 'A' && rng.chance(0.4) ? '93' : rng.chance(0.08) ? '92' : '91';
  const uscc = completeUscc(`${category}${region.code}MA${orgSerial(index)}`);
  const year = rng.int(1995, 2025);
  return {
    index,
    uscc,
    regionCode: region.code,
    industrySection: section,
    industryCode: rng.pick(INDUSTRY_SECTIONS[section].classes),
    establishedDate: `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    troubleLevel: rng.weighted([
      [0, 75],
      [1, 17],
      [2, 6],
      [3, 2],
    ] as const),
    registeredCapital: Math.round(10 ** (rng.int(50, 85) / 10) / 1000) * 1000,
  };
}
