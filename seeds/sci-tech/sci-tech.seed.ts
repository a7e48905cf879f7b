import { Department } from '../../src/common/department.js';
import { REGIONS } from '../../src/common/regions.js';
import { addDays, type Rng } from '../rng.js';
import type { ModuleSeeder, SeedContext, SeedEnterprise, SeedSink } from '../seed-types.js';
import { TechCertificationEntity } from '../../src/modules/sci-tech/certification.entity.js';
import { PatentCountEntity } from '../../src/modules/sci-tech/patent-count.entity.js';
import { RdSpendingEntity } from '../../src/modules/sci-tech/rd-spending.entity.js';
import { TechCertificationStatus, TechCertificationType } from '../../src/modules/sci-tech/sci-tech.enums.js';

const DEPARTMENT = Department.SCIENCE_TECHNOLOGY;
/** Certificate validity in years: 高新技术企业 3, 科技型中小企业 re-evaluated every year. */
const VALID_YEARS: Record<TechCertificationType, number> = {
  HIGH_TECH_ENTERPRISE: 3,
  TECH_SME: 1,
  SPECIALISED_NEW: 3,
  OTHER: 3,
};

interface Propensity {
  readonly highTech: number;
  readonly techSme: number;
  readonly specialised: number;
  readonly other: number;
  /** Chance that an uncertified enterprise still reports R&D spending and patents. */
  readonly uncertifiedRd: number;
}

// ICT (I) and R&D services (M) are where tech certifications concentrate; manufacturing (C) follows.
const TECH_SECTIONS: Record<string, Propensity> = {
  I: { highTech: 0.3, techSme: 0.45, specialised: 0.03, other: 0.03, uncertifiedRd: 0.1 },
  M: { highTech: 0.3, techSme: 0.45, specialised: 0.03, other: 0.03, uncertifiedRd: 0.1 },
  C: { highTech: 0.12, techSme: 0.2, specialised: 0.06, other: 0.01, uncertifiedRd: 0.12 },
};
const ELSEWHERE: Propensity = {
  highTech: 0.005,
  techSme: 0.015,
  specialised: 0.002,
  other: 0.002,
  uncertifiedRd: 0.01,
};

/** 科技型中小企业 are limited to 500 staff and 200 million revenue; very large capital rarely qualifies. */
const TECH_SME_MAX_CAPITAL = 100_000_000;

function province(regionCode: string): string {
  return REGIONS.find((r) => r.code.startsWith(regionCode.slice(0, 2)))?.province ?? '';
}

function city(regionCode: string): string {
  return REGIONS.find((r) => r.code.startsWith(regionCode.slice(0, 4)))?.city ?? province(regionCode);
}

function addYears(isoDate: string, years: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const roundTo = (value: number, unit: number): number => Math.round(value / unit) * unit;

function issuer(type: TechCertificationType, regionCode: string): string {
  const p = province(regionCode);
  // Municipalities directly under the central government name their S&T department 科学技术局/委员会, not 厅.
  const stDept = p.endsWith('市') ? `${p}科学技术局` : `${p}科学技术厅`;
  switch (type) {
    case TechCertificationType.HIGH_TECH_ENTERPRISE:
      return `${stDept}、${p}财政${p.endsWith('市') ? '局' : '厅'}、国家税务总局${p}税务局`;
    case TechCertificationType.TECH_SME:
      return stDept;
    case TechCertificationType.SPECIALISED_NEW:
      return `${p}${p.endsWith('市') ? '经济和信息化局' : '工业和信息化厅'}`;
    case TechCertificationType.OTHER:
      return `${city(regionCode)}科学技术局`;
  }
}

function certificateNumber(
  type: TechCertificationType,
  e: SeedEnterprise,
  validFrom: string,
  rng: Rng,
): string {
  const year = validFrom.slice(0, 4);
  const prov = e.regionCode.slice(0, 2);
  switch (type) {
    case TechCertificationType.HIGH_TECH_ENTERPRISE:
      return `GR${year}${prov}${pad(rng.int(1, 9999), 6)}`;
    case TechCertificationType.TECH_SME:
      // 入库登记编号: year, division, batch, serial.
      return `${year}${e.regionCode}${pad(rng.int(1, 12), 2)}${pad(rng.int(1, 9999), 6)}`;
    case TechCertificationType.SPECIALISED_NEW:
      return `ZJTX${year}${prov}${pad(rng.int(1, 9999), 4)}`;
    case TechCertificationType.OTHER:
      return `KJ${year}${e.regionCode}${pad(rng.int(1, 999), 3)}`;
  }
}

function statusOn(validTo: string, today: string): TechCertificationStatus {
  return validTo < today ? TechCertificationStatus.EXPIRED : TechCertificationStatus.VALID;
}

interface CertificationRow {
  readonly type: TechCertificationType;
  readonly number: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly status: TechCertificationStatus;
}

function addCertification(
  sink: SeedSink,
  e: SeedEnterprise,
  ctx: SeedContext,
  n: number,
  c: CertificationRow,
) {
  sink.add(TechCertificationEntity, {
    uscc: e.uscc,
    department: DEPARTMENT,
    source_record_id: `ST-CERT-${e.index}-${n}`,
    as_of: new Date(`${c.validFrom}T00:00:00Z`),
    received_at: ctx.receivedAt,
    certification_type: c.type,
    certificate_number: c.number,
    issuing_authority: issuer(c.type, e.regionCode),
    valid_from: c.validFrom,
    valid_to: c.validTo,
    status: c.status,
  });
}

/**
 * Consecutive certification periods of one type: usually the latest is still running,
 * sometimes it lapsed within the last year without renewal. None starts before the
 * enterprise was a year old (the high-tech rules require a year of registration).
 */
function certificationRun(
  type: TechCertificationType,
  e: SeedEnterprise,
  rng: Rng,
  ctx: SeedContext,
  maxPeriods: number,
): CertificationRow[] {
  const years = VALID_YEARS[type];
  const eligibleFrom = addYears(e.establishedDate, 1);
  const latest = rng.chance(0.8)
    ? rng.dateBefore(ctx.today, 10, years * 365 - 10)
    : rng.dateBefore(ctx.today, years * 365 + 10, years * 365 + 365);
  const periods = rng.int(1, maxPeriods);
  const rows: CertificationRow[] = [];
  for (let p = 0; p < periods; p++) {
    const validFrom = addYears(latest, -years * p);
    if (validFrom < eligibleFrom) break;
    const validTo = addDays(addYears(validFrom, years), -1);
    rows.push({
      type,
      number: certificateNumber(type, e, validFrom, rng),
      validFrom,
      validTo,
      status: statusOn(validTo, ctx.today),
    });
  }
  return rows;
}

interface Profile {
  readonly certifications: CertificationRow[];
  readonly reportsRd: boolean;
  /** R&D intensity range in per mille. */
  readonly intensity: readonly [number, number];
}

function profile(e: SeedEnterprise, rng: Rng, ctx: SeedContext): Profile {
  const p = TECH_SECTIONS[e.industrySection] ?? ELSEWHERE;
  const certs: CertificationRow[] = [];
  // The demo manufacturer (index 0) reports R&D and patents but deliberately holds no certification.
  const certifiable = e.index !== 0;
  const highTech = certifiable && rng.chance(p.highTech);
  if (highTech) {
    const run = certificationRun(TechCertificationType.HIGH_TECH_ENTERPRISE, e, rng, ctx, 3);
    // Serious dishonesty gets recognition revoked (高新技术企业认定管理办法 第十九条).
    const current = run[0];
    if (
      current?.status === TechCertificationStatus.VALID &&
      rng.chance([0, 0.02, 0.1, 0.5][e.troubleLevel]!)
    ) {
      run[0] = { ...current, status: TechCertificationStatus.REVOKED };
    }
    certs.push(...run);
  }
  if (certifiable && e.registeredCapital <= TECH_SME_MAX_CAPITAL && rng.chance(highTech ? 0.7 : p.techSme)) {
    certs.push(...certificationRun(TechCertificationType.TECH_SME, e, rng, ctx, 3));
  }
  if (certifiable && rng.chance(p.specialised)) {
    certs.push(...certificationRun(TechCertificationType.SPECIALISED_NEW, e, rng, ctx, 2));
  }
  if (certifiable && rng.chance(p.other)) {
    certs.push(...certificationRun(TechCertificationType.OTHER, e, rng, ctx, 1));
  }
  const reportsRd = certs.length > 0 || e.index === 0 || rng.chance(p.uncertifiedRd);
  const intensity: readonly [number, number] = highTech ? [35, 120] : certs.length > 0 ? [30, 90] : [5, 30];
  return { certifications: certs, reportsRd, intensity };
}

/**
 * The last three fiscal years whose R&D figures are filed: a year's figures arrive
 * with the annual tax settlement, due by 31 May of the next year.
 */
function reportedYears(e: SeedEnterprise, ctx: SeedContext): number[] {
  const thisYear = Number(ctx.today.slice(0, 4));
  const last = ctx.today.slice(5) > '05-31' ? thisYear - 1 : thisYear - 2;
  const founded = Number(e.establishedDate.slice(0, 4));
  return [last - 2, last - 1, last].filter((y) => y >= founded);
}

function addRdSpending(
  sink: SeedSink,
  e: SeedEnterprise,
  ctx: SeedContext,
  year: number,
  values: { revenue: number; rd: number; staff: number },
) {
  sink.add(RdSpendingEntity, {
    uscc: e.uscc,
    department: DEPARTMENT,
    source_record_id: `ST-RD-${e.index}-${year}`,
    as_of: new Date(`${year + 1}-05-31T00:00:00Z`),
    received_at: ctx.receivedAt,
    year,
    rd_expenditure: values.rd,
    operating_revenue: values.revenue,
    rd_staff_count: values.staff,
  });
}

function addPatentCount(
  sink: SeedSink,
  e: SeedEnterprise,
  ctx: SeedContext,
  year: number,
  counts: { invention: number; utility: number; designs: number; pending: number },
) {
  sink.add(PatentCountEntity, {
    uscc: e.uscc,
    department: DEPARTMENT,
    source_record_id: `ST-PAT-${e.index}-${year}`,
    as_of: new Date(`${year}-12-31T00:00:00Z`),
    received_at: ctx.receivedAt,
    year,
    invention_patents_granted: counts.invention,
    utility_models: counts.utility,
    designs: counts.designs,
    invention_applications_pending: counts.pending,
  });
}

function seedRdAndPatents(e: SeedEnterprise, rng: Rng, sink: SeedSink, ctx: SeedContext, p: Profile) {
  const years = reportedYears(e, ctx);
  if (years.length === 0) return;
  // Revenue is a multiple (0.3–5x) of registered capital, then grows or shrinks a little each year.
  let revenue = e.registeredCapital * 10 ** (rng.int(-5, 7) / 10);
  let intensity = rng.int(p.intensity[0], p.intensity[1]) / 1000;
  const costPerStaff = rng.int(180, 320) * 1000;
  // Patent stock scales with size: log10 of capital runs from 5 to about 8.5.
  const scale = Math.max(0.3, Math.log10(e.registeredCapital) - 5) * (p.certifications.length > 0 ? 1.5 : 1);
  let invention = Math.round(rng.int(0, 4) * scale);
  let utility = Math.round(rng.int(1, 8) * scale);
  let designs = rng.chance(0.4) ? Math.round(rng.int(0, 3) * scale) : 0;
  for (const year of years) {
    const rd = roundTo(revenue * intensity, 100);
    addRdSpending(sink, e, ctx, year, {
      revenue: roundTo(revenue, 100),
      rd,
      staff: Math.max(1, Math.round(rd / costPerStaff)),
    });
    addPatentCount(sink, e, ctx, year, {
      invention,
      utility,
      designs,
      pending: Math.round(rng.int(0, 5) * scale),
    });
    revenue *= 1 + rng.int(-8, 30) / 100;
    intensity = Math.max(0.002, intensity + rng.int(-5, 8) / 1000);
    invention += Math.round(rng.int(0, 2) * scale);
    utility += Math.round(rng.int(0, 4) * scale);
    designs += rng.chance(0.3) ? rng.int(1, 3) : 0;
  }
}

/**
 * Fixed records of the demo technology enterprise (index 1), which the README and tests
 * name; statuses are as of the demo date 2026-11-01 (SEED_CONTEXT.today).
 */
function seedDemoTechEnterprise(e: SeedEnterprise, sink: SeedSink, ctx: SeedContext) {
  const certs: CertificationRow[] = [
    {
      type: TechCertificationType.TECH_SME,
      number: '202631023002000418',
      validFrom: '2026-04-28',
      validTo: '2027-04-27',
      status: TechCertificationStatus.VALID,
    },
    {
      type: TechCertificationType.TECH_SME,
      number: '202531023002000377',
      validFrom: '2025-05-20',
      validTo: '2026-05-19',
      status: TechCertificationStatus.EXPIRED,
    },
    {
      type: TechCertificationType.HIGH_TECH_ENTERPRISE,
      number: 'GR202431001234',
      validFrom: '2024-12-04',
      validTo: '2027-12-03',
      status: TechCertificationStatus.VALID,
    },
    {
      type: TechCertificationType.TECH_SME,
      number: '202431023002000291',
      validFrom: '2024-05-20',
      validTo: '2025-05-19',
      status: TechCertificationStatus.EXPIRED,
    },
    {
      type: TechCertificationType.HIGH_TECH_ENTERPRISE,
      number: 'GR202131000456',
      validFrom: '2021-12-15',
      validTo: '2024-12-14',
      status: TechCertificationStatus.EXPIRED,
    },
  ];
  certs.forEach((c, n) => addCertification(sink, e, ctx, n, c));
  const figures = [
    {
      year: 2023,
      revenue: 18_600_000,
      rd: 1_120_000,
      staff: 18,
      invention: 4,
      utility: 12,
      designs: 2,
      pending: 5,
    },
    {
      year: 2024,
      revenue: 23_400_000,
      rd: 1_450_000,
      staff: 22,
      invention: 7,
      utility: 15,
      designs: 2,
      pending: 6,
    },
    {
      year: 2025,
      revenue: 29_800_000,
      rd: 1_920_000,
      staff: 27,
      invention: 11,
      utility: 19,
      designs: 3,
      pending: 8,
    },
  ];
  for (const f of figures) {
    addRdSpending(sink, e, ctx, f.year, f);
    addPatentCount(sink, e, ctx, f.year, f);
  }
}

export const sciTechSeeder: ModuleSeeder = {
  seed(e, rng, sink, ctx) {
    if (e.index === 1) {
      seedDemoTechEnterprise(e, sink, ctx);
      return;
    }
    const p = profile(e, rng, ctx);
    p.certifications.forEach((c, n) => addCertification(sink, e, ctx, n, c));
    if (p.reportsRd) seedRdAndPatents(e, rng, sink, ctx, p);
  },
};
