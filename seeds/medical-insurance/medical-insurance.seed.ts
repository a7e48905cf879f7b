import { Department } from '../../src/common/department.js';
import { REGIONS } from '../../src/common/regions.js';
import { addDays, type Rng } from '../rng.js';
import type { ModuleSeeder, SeedContext, SeedEnterprise, SeedSink } from '../seed-types.js';
import { DesignatedInstitutionEntity } from '../../src/modules/medical-insurance/designated-institution.entity.js';
import { MedicalFundViolationEntity } from '../../src/modules/medical-insurance/fund-violation.entity.js';
import { InstitutionCreditGradeEntity } from '../../src/modules/medical-insurance/institution-credit-grade.entity.js';
import {
  MedicalCreditGrade,
  MedicalDesignationStatus,
  MedicalFundDetectionMethod,
  MedicalFundViolationType,
  MedicalInstitutionType,
} from '../../src/modules/medical-insurance/medical-insurance.enums.js';
import { SocialInsuranceAccountEntity } from '../../src/modules/medical-insurance/social-insurance-account.entity.js';

/** Demo enterprises whose medical insurance records the README and tests rely on. */
export const DEMO_HOSPITAL_USCC = '9135021359498494XQ';
export const DEMO_ARREARS_USCC = '91440101MA5CJQ4N59';

const DEPARTMENT = Department.MEDICAL_INSURANCE;
const MONTHS_OF_ACCOUNTS = 6;
const YEARS_OF_GRADES = 3;
// Employee basic medical insurance: employer about 7.5 % plus employee 2 % of the wage base.
const CONTRIBUTION_RATE = 0.095;
// Medical insurance agreements date from the 1998 reform; none in the demo data predate 2001.
const EARLIEST_DESIGNATION = '2001-01-01';
const BRANDS = [
  '仁爱',
  '康宁',
  '博爱',
  '同济',
  '华康',
  '益民',
  '安泰',
  '惠民',
  '济世',
  '长庚',
  '百姓',
  '一心',
];
const HOSPITAL_KIND: Record<string, string> = {
  '8411': '医院',
  '8412': '中医医院',
  '8425': '门诊部',
  '8491': '健康服务中心',
};

const round2 = (n: number): number => Math.round(n * 100) / 100;
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const atMidnight = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);

/** The `count` months before the month of `today`, oldest first, as YYYY-MM. */
function monthsBefore(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let k = count; k >= 1; k--) {
    const d = new Date(Date.UTC(year, month - 1 - k, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

function seedSocialInsurance(e: SeedEnterprise, rng: Rng, sink: SeedSink, ctx: SeedContext): void {
  const category = e.uscc.slice(0, 2);
  // Individual businesses and cooperatives often have no employees on the books.
  const participation = category === '92' ? 0.3 : category === '93' ? 0.5 : 0.92;
  const demo = e.uscc === DEMO_ARREARS_USCC || e.uscc === DEMO_HOSPITAL_USCC;
  if (!demo && !rng.chance(participation)) return;
  const labourFactor = e.industrySection === 'Q' ? 2 : 1;
  const baseHeadcount = Math.min(
    20_000,
    Math.max(1, Math.round((e.registeredCapital / 250_000) ** 0.8 * labourFactor * (0.6 + rng.next() * 0.8))),
  );
  const wageBase = rng.int(40, 120) * 100;
  const inArrears =
    e.uscc === DEMO_ARREARS_USCC || (e.troubleLevel >= 2 && rng.chance(e.troubleLevel === 3 ? 0.8 : 0.45));
  // Arrears, once they start, run to the newest month: at least the last two months are unpaid in part.
  const arrearsFrom = inArrears ? rng.int(0, MONTHS_OF_ACCOUNTS - 2) : MONTHS_OF_ACCOUNTS;
  const firstMonth = e.establishedDate.slice(0, 7);
  monthsBefore(ctx.today, MONTHS_OF_ACCOUNTS).forEach((period, k) => {
    if (period < firstMonth) return;
    const headcount = Math.max(1, Math.round(baseHeadcount * (0.97 + rng.next() * 0.06)));
    const due = round2(headcount * wageBase * CONTRIBUTION_RATE);
    const paid = k >= arrearsFrom ? round2(due * (rng.chance(0.3) ? 0 : rng.int(1, 7) / 10)) : due;
    const [year, month] = period.split('-').map(Number) as [number, number];
    sink.add(SocialInsuranceAccountEntity, {
      uscc: e.uscc,
      department: DEPARTMENT,
      source_record_id: `NHSA-SI-${e.index}-${period}`,
      // Contributions for a month are settled in the next one.
      as_of: new Date(Date.UTC(year, month, 1)),
      received_at: ctx.receivedAt,
      period,
      insured_headcount: headcount,
      contributions_due: due,
      contributions_paid: paid,
      arrears: round2(Math.max(due - paid, 0)),
    });
  });
}

interface InstitutionPlan {
  readonly type: MedicalInstitutionType;
  readonly count: number;
}

/** Which designated institutions the enterprise runs, if any, from its industry class. */
function institutionPlan(e: SeedEnterprise, rng: Rng): InstitutionPlan | null {
  if (e.uscc === DEMO_HOSPITAL_USCC) return { type: MedicalInstitutionType.HOSPITAL, count: 1 };
  if (e.industryCode === '5251') {
    // Retail pharmacies: chains have each store designated separately.
    if (!rng.chance(0.7)) return null;
    return { type: MedicalInstitutionType.PHARMACY, count: rng.chance(0.15) ? rng.int(2, 4) : 1 };
  }
  if (e.industrySection === 'Q' && e.industryCode.startsWith('84')) {
    return rng.chance(0.58) ? { type: MedicalInstitutionType.HOSPITAL, count: 1 } : null;
  }
  // A few department stores and supermarkets hold a designated pharmacy counter.
  if (e.industrySection === 'F' && e.industryCode === '5211' && rng.chance(0.04)) {
    return { type: MedicalInstitutionType.PHARMACY, count: 1 };
  }
  return null;
}

const STATUS_WEIGHTS: Record<
  SeedEnterprise['troubleLevel'],
  readonly (readonly [MedicalDesignationStatus, number])[]
> = {
  0: [
    [MedicalDesignationStatus.DESIGNATED, 98],
    [MedicalDesignationStatus.SUSPENDED, 2],
  ],
  1: [
    [MedicalDesignationStatus.DESIGNATED, 95],
    [MedicalDesignationStatus.SUSPENDED, 4],
    [MedicalDesignationStatus.TERMINATED, 1],
  ],
  2: [
    [MedicalDesignationStatus.DESIGNATED, 80],
    [MedicalDesignationStatus.SUSPENDED, 14],
    [MedicalDesignationStatus.TERMINATED, 6],
  ],
  3: [
    [MedicalDesignationStatus.DESIGNATED, 55],
    [MedicalDesignationStatus.SUSPENDED, 25],
    [MedicalDesignationStatus.TERMINATED, 20],
  ],
};
const SCORE_RANGE: Record<SeedEnterprise['troubleLevel'], readonly [number, number]> = {
  0: [880, 990],
  1: [800, 960],
  2: [640, 880],
  3: [480, 760],
};

interface Institution {
  readonly code: string;
  readonly type: MedicalInstitutionType;
  readonly status: MedicalDesignationStatus;
  readonly designatedFrom: string;
  readonly statusChangedDate: string | null;
}

function institutionName(e: SeedEnterprise, type: MedicalInstitutionType, rng: Rng, store: number): string {
  const city = REGIONS.find((r) => r.code === e.regionCode)?.city ?? '';
  const brand = rng.pick(BRANDS);
  if (type === MedicalInstitutionType.HOSPITAL)
    return `${city}${brand}${HOSPITAL_KIND[e.industryCode] ?? '医院'}`;
  return `${city}${brand}大药房${store > 0 ? `第${store + 1}分店` : ''}`;
}

function seedInstitution(
  e: SeedEnterprise,
  plan: InstitutionPlan,
  i: number,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
): Institution | null {
  let designatedFrom = addDays(e.establishedDate, rng.int(90, 900));
  if (designatedFrom < EARLIEST_DESIGNATION) designatedFrom = addDays(EARLIEST_DESIGNATION, rng.int(0, 2000));
  // Too new to have signed an agreement yet.
  if (daysBetween(designatedFrom, ctx.today) < 60) return null;
  const status =
    e.uscc === DEMO_HOSPITAL_USCC
      ? MedicalDesignationStatus.DESIGNATED
      : rng.weighted(STATUS_WEIGHTS[e.troubleLevel]);
  const statusChangedDate =
    status === MedicalDesignationStatus.DESIGNATED
      ? null
      : rng.dateBefore(ctx.today, 1, daysBetween(designatedFrom, ctx.today) - 30);
  const prefix = plan.type === MedicalInstitutionType.HOSPITAL ? 'H' : 'P';
  const code = `${prefix}${e.regionCode}${String((e.index * 7 + i) % 100_000).padStart(5, '0')}`;
  sink.add(DesignatedInstitutionEntity, {
    uscc: e.uscc,
    department: DEPARTMENT,
    source_record_id: `NHSA-DI-${e.index}-${i}`,
    as_of: atMidnight(statusChangedDate ?? designatedFrom),
    received_at: ctx.receivedAt,
    institution_code: code,
    institution_type: plan.type,
    institution_name: institutionName(e, plan.type, rng, i),
    designation_status: status,
    designated_from: designatedFrom,
    status_changed_date: statusChangedDate,
  });
  return { code, type: plan.type, status, designatedFrom, statusChangedDate };
}

function violationType(institution: Institution, rng: Rng): MedicalFundViolationType {
  if (institution.type === MedicalInstitutionType.PHARMACY) {
    return rng.weighted([
      [MedicalFundViolationType.FALSE_CLAIMS, 40],
      [MedicalFundViolationType.DRUG_RESALE, 40],
      [MedicalFundViolationType.OTHER, 20],
    ]);
  }
  return rng.weighted([
    [MedicalFundViolationType.FALSE_CLAIMS, 20],
    [MedicalFundViolationType.UPCODING, 25],
    [MedicalFundViolationType.DECOMPOSED_HOSPITALISATION, 20],
    [MedicalFundViolationType.EXCESSIVE_TREATMENT, 20],
    [MedicalFundViolationType.DRUG_RESALE, 5],
    [MedicalFundViolationType.OTHER, 10],
  ]);
}

function detectionMethod(
  institution: Institution,
  type: MedicalFundViolationType,
  rng: Rng,
): MedicalFundDetectionMethod {
  // DRG/DIP payment covers inpatient cases only, so pharmacies are never caught by DRG audit.
  const drg =
    institution.type === MedicalInstitutionType.PHARMACY
      ? 0
      : type === MedicalFundViolationType.UPCODING ||
          type === MedicalFundViolationType.DECOMPOSED_HOSPITALISATION
        ? 60
        : 20;
  return rng.weighted([
    [MedicalFundDetectionMethod.DRG_AUDIT, drg],
    [MedicalFundDetectionMethod.BIG_DATA_SCREENING, 35],
    [MedicalFundDetectionMethod.ON_SITE_INSPECTION, 30],
    [MedicalFundDetectionMethod.REPORT, 10],
  ]);
}

interface ViolationSpec {
  readonly foundDate: string;
  readonly type: MedicalFundViolationType;
  readonly detectedBy: MedicalFundDetectionMethod;
  readonly mayBeRepaired: boolean;
}

function addViolation(
  e: SeedEnterprise,
  institution: Institution,
  spec: ViolationSpec,
  sourceRecordId: string,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
): void {
  const scale = institution.type === MedicalInstitutionType.HOSPITAL ? 800_000 : 150_000;
  const involved = round2(rng.int(2_000, scale) * (e.troubleLevel === 3 ? 2 : 1) + rng.int(0, 99) / 100);
  // 《医疗保障基金使用监督管理条例》: fraud is fined 2–5 times the amount, other misuse 1–2 times.
  const multiple =
    spec.type === MedicalFundViolationType.FALSE_CLAIMS ? rng.int(20, 50) / 10 : rng.int(10, 20) / 10;
  const age = daysBetween(spec.foundDate, ctx.today);
  const recovered = age > 90 ? involved : round2((involved * rng.int(0, 9)) / 10);
  // Credit repair needs at least a year of publicity.
  const repairedDate =
    spec.mayBeRepaired && age > 400 && rng.chance(0.35)
      ? addDays(spec.foundDate, rng.int(366, age - 1))
      : null;
  sink.add(MedicalFundViolationEntity, {
    uscc: e.uscc,
    department: DEPARTMENT,
    source_record_id: sourceRecordId,
    as_of: atMidnight(spec.foundDate),
    received_at: ctx.receivedAt,
    institution_code: institution.code,
    found_date: spec.foundDate,
    violation_type: spec.type,
    detected_by: spec.detectedBy,
    amount_involved: involved,
    amount_recovered: recovered,
    penalty_amount: round2(involved * multiple),
    decision_number: `${e.regionCode}医保罚〔${spec.foundDate.slice(0, 4)}〕${rng.int(1, 300)}号`,
    repaired_date: repairedDate,
  });
}

/** Seeds the institution's violations and returns the years they were found in, for its credit grades. */
function seedViolations(
  e: SeedEnterprise,
  institution: Institution,
  i: number,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
): Set<string> {
  const years = new Set<string>();
  let count = [rng.chance(0.03) ? 1 : 0, rng.chance(0.25) ? 1 : 0, rng.int(0, 2), rng.int(1, 3)][
    e.troubleLevel
  ]!;
  // A suspended or terminated agreement follows a finding.
  if (institution.status !== MedicalDesignationStatus.DESIGNATED) count = Math.max(count, 1);
  const window = daysBetween(institution.designatedFrom, institution.statusChangedDate ?? ctx.today);
  const lastDay = institution.statusChangedDate ?? ctx.today;
  for (let j = 0; j < count && window > 40; j++) {
    const foundDate = rng.dateBefore(lastDay, 5, Math.min(window - 30, 2200));
    const type = violationType(institution, rng);
    const detectedBy = detectionMethod(institution, type, rng);
    addViolation(
      e,
      institution,
      { foundDate, type, detectedBy, mayBeRepaired: true },
      `NHSA-FV-${e.index}-${i}-${j}`,
      rng,
      sink,
      ctx,
    );
    years.add(foundDate.slice(0, 4));
  }
  if (e.uscc === DEMO_HOSPITAL_USCC && i === 0) {
    const spec: ViolationSpec = {
      foundDate: rng.dateBefore(ctx.today, 30, 120),
      type: MedicalFundViolationType.UPCODING,
      detectedBy: MedicalFundDetectionMethod.DRG_AUDIT,
      mayBeRepaired: false,
    };
    addViolation(e, institution, spec, `NHSA-FV-${e.index}-${i}-demo`, rng, sink, ctx);
    years.add(spec.foundDate.slice(0, 4));
  }
  return years;
}

const gradeOf = (score: number): MedicalCreditGrade =>
  score >= 900
    ? MedicalCreditGrade.A
    : score >= 800
      ? MedicalCreditGrade.B
      : score >= 700
        ? MedicalCreditGrade.C
        : score >= 600
          ? MedicalCreditGrade.D
          : MedicalCreditGrade.E;

function seedCreditGrades(
  e: SeedEnterprise,
  institution: Institution,
  i: number,
  violationYears: ReadonlySet<string>,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
): void {
  const [low, high] = SCORE_RANGE[e.troubleLevel];
  const base = rng.int(low, high);
  const lastYear = Number(ctx.today.slice(0, 4)) - 1;
  const firstYear = Math.max(lastYear - YEARS_OF_GRADES + 1, Number(institution.designatedFrom.slice(0, 4)));
  const endYear =
    institution.status === MedicalDesignationStatus.TERMINATED && institution.statusChangedDate
      ? Math.min(lastYear, Number(institution.statusChangedDate.slice(0, 4)))
      : lastYear;
  for (let year = firstYear; year <= endYear; year++) {
    // A finding costs points in the year it was made.
    const penalty = violationYears.has(String(year)) ? 120 : 0;
    const score = Math.min(1000, Math.max(0, base + rng.int(-30, 30) - penalty));
    sink.add(InstitutionCreditGradeEntity, {
      uscc: e.uscc,
      department: DEPARTMENT,
      source_record_id: `NHSA-CG-${e.index}-${i}-${year}`,
      as_of: atMidnight(`${year + 1}-03-31`),
      received_at: ctx.receivedAt,
      institution_code: institution.code,
      year,
      grade: gradeOf(score),
      score,
    });
  }
}

export const medicalInsuranceSeeder: ModuleSeeder = {
  seed(e, rng, sink, ctx) {
    seedSocialInsurance(e, rng, sink, ctx);
    const plan = institutionPlan(e, rng);
    if (!plan) return;
    for (let i = 0; i < plan.count; i++) {
      const institution = seedInstitution(e, plan, i, rng, sink, ctx);
      if (!institution) continue;
      const violationYears = seedViolations(e, institution, i, rng, sink, ctx);
      seedCreditGrades(e, institution, i, violationYears, rng, sink, ctx);
    }
  },
};
