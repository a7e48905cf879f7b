import { Department } from '../../src/common/department.js';
import { addDays, type Rng } from '../rng.js';
import type { ModuleSeeder, SeedContext, SeedEnterprise, SeedSink } from '../seed-types.js';
import {
  TransportBusinessScope as Scope,
  TransportLicenceStatus,
  VehicleCategory,
  isKeyVehicle,
} from '../../src/modules/transport-credit/transport-credit.enums.js';
import { TransportCreditRatingEntity } from '../../src/modules/transport-credit/transport-credit-rating.entity.js';
import { TransportEnforcementEntity } from '../../src/modules/transport-credit/transport-enforcement.entity.js';
import { transportGrade } from '../../src/modules/transport-credit/transport-grade.js';
import { TransportLicenceEntity } from '../../src/modules/transport-credit/transport-licence.entity.js';
import { VehicleEntity } from '../../src/modules/transport-credit/vehicle.entity.js';

/** The demo transport company (DEMO_ENTERPRISES[2]) whose records the README and tests name. */
export const DEMO_TRANSPORT_USCC = '91350200776049653A';

const LICENCE_YEARS = 4;
const MAX_VEHICLES = 40;
const RATING_YEARS = 3;

const PROVINCE_ABBREVIATION: Readonly<Record<string, string>> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '蒙', '21': '辽', '22': '吉', '23': '黑',
  '31': '沪', '32': '苏', '33': '浙', '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫',
  '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼', '50': '渝', '51': '川', '52': '贵',
  '53': '云', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新',
}; // prettier-ignore

/** Plate city letters that differ from A (the provincial capital's). */
const CITY_LETTER: Readonly<Record<string, string>> = {
  '3502': 'D', '3702': 'B', '3715': 'P', '4403': 'B', '4103': 'C', '4112': 'M', '4512': 'M', '3205': 'E',
}; // prettier-ignore

const PLATE_LETTERS: readonly string[] = Array.from('ABCDEFGHJKLMNPQRSTUVWXYZ');

const VIOLATIONS = [
  '超限超载运输',
  '未按规定使用卫星定位装置',
  '驾驶员超时驾驶',
  '危险货物运输车辆未按规定悬挂标志',
  '客运车辆未按批准的线路运营',
  '未按规定进行车辆年度审验',
  '未按规定对从业人员进行安全教育培训',
];

const CATEGORY_WEIGHTS: Readonly<Record<Scope, readonly (readonly [VehicleCategory, number])[]>> = {
  GENERAL_FREIGHT: [
    [VehicleCategory.TRUCK, 6],
    [VehicleCategory.TRACTOR, 2],
  ],
  DANGEROUS_GOODS: [[VehicleCategory.DANGEROUS_GOODS_TANKER, 5]],
  PASSENGER_SCHEDULED: [
    [VehicleCategory.COACH, 5],
    [VehicleCategory.BUS, 2],
  ],
  PASSENGER_CHARTER: [[VehicleCategory.COACH, 5]],
  CONTAINER: [[VehicleCategory.TRACTOR, 3]],
  LARGE_OBJECT: [
    [VehicleCategory.TRACTOR, 2],
    [VehicleCategory.OTHER, 1],
  ],
};

/** Transport is section G's business; a few manufacturers and traders run their own freight fleet. */
function licenceChance(section: string): number {
  if (section === 'G') return 0.85;
  if (section === 'C' || section === 'F') return 0.03;
  return 0.002;
}

function pickScopes(e: SeedEnterprise, rng: Rng): Scope[] {
  if (e.uscc === DEMO_TRANSPORT_USCC) return [Scope.GENERAL_FREIGHT, Scope.DANGEROUS_GOODS, Scope.CONTAINER];
  // GB/T 4754: 5411 bus, 5421 scheduled coach, 5422 charter coach; the rest carry goods.
  if (e.industryCode === '5411' || e.industryCode === '5421') {
    return rng.chance(0.4)
      ? [Scope.PASSENGER_SCHEDULED, Scope.PASSENGER_CHARTER]
      : [Scope.PASSENGER_SCHEDULED];
  }
  if (e.industryCode === '5422') return [Scope.PASSENGER_CHARTER];
  const scopes = [Scope.GENERAL_FREIGHT];
  const chemical = e.industrySection === 'C' && e.industryCode.startsWith('26');
  if (rng.chance(chemical ? 0.5 : 0.12)) scopes.push(Scope.DANGEROUS_GOODS);
  if (rng.chance(0.15)) scopes.push(Scope.CONTAINER);
  if (rng.chance(0.06)) scopes.push(Scope.LARGE_OBJECT);
  return scopes;
}

function platePrefix(regionCode: string): string {
  const province = PROVINCE_ABBREVIATION[regionCode.slice(0, 2)] ?? '京';
  return `${province}${CITY_LETTER[regionCode.slice(0, 4)] ?? 'A'}`;
}

function plateNumber(prefix: string, rng: Rng): string {
  const first = rng.chance(0.3) ? rng.pick([...PLATE_LETTERS]) : String(rng.int(0, 9));
  return `${prefix}${first}${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

const provenance = (e: SeedEnterprise, sourceRecordId: string, asOf: string, ctx: SeedContext) => ({
  uscc: e.uscc,
  department: Department.TRANSPORT,
  source_record_id: sourceRecordId,
  as_of: new Date(`${asOf}T00:00:00Z`),
  received_at: ctx.receivedAt,
});

/** Adds the current licence and, for older operators, the expired one it replaced; returns the first start date. */
function seedLicences(
  e: SeedEnterprise,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
  scopes: Scope[],
): string {
  const demo = e.uscc === DEMO_TRANSPORT_USCC;
  const validFrom = rng.dateBefore(ctx.today, 30, LICENCE_YEARS * 365 - 1);
  const previousFrom = addDays(validFrom, -LICENCE_YEARS * 365);
  const renewed = previousFrom >= e.establishedDate && (demo || rng.chance(0.5));
  const status = demo
    ? TransportLicenceStatus.VALID
    : rng.weighted([
        [TransportLicenceStatus.VALID, 90],
        [TransportLicenceStatus.SUSPENDED, [0, 1, 8, 25][e.troubleLevel]!],
        [TransportLicenceStatus.REVOKED, e.troubleLevel === 3 ? 10 : 0],
      ]);
  const province = PROVINCE_ABBREVIATION[e.regionCode.slice(0, 2)] ?? '京';
  const licences = [{ from: validFrom, to: addDays(validFrom, LICENCE_YEARS * 365), status }];
  if (renewed) {
    licences.push({ from: previousFrom, to: addDays(validFrom, -1), status: TransportLicenceStatus.EXPIRED });
  }
  licences.forEach((licence, i) => {
    sink.add(TransportLicenceEntity, {
      ...provenance(e, `MOT-LIC-${e.index}-${i}`, licence.from, ctx),
      licence_number: `${province}交运管许可字${e.regionCode}${String(rng.int(1, 999999)).padStart(6, '0')}号`,
      // PostgreSQL array literal: enum names need no quoting, and pg and PGlite both cast it to text[].
      business_scopes: `{${scopes.join(',')}}`,
      valid_from: licence.from,
      valid_to: licence.to,
      status: licence.status,
    });
  });
  return licences.at(-1)!.from;
}

function seedVehicles(e: SeedEnterprise, rng: Rng, sink: SeedSink, ctx: SeedContext, scopes: Scope[]): void {
  const demo = e.uscc === DEMO_TRANSPORT_USCC;
  const count = demo ? 12 : rng.chance(0.7) ? rng.int(1, 8) : rng.int(9, MAX_VEHICLES);
  const choices = [...scopes.flatMap((s) => CATEGORY_WEIGHTS[s]), [VehicleCategory.OTHER, 0.5] as const];
  const prefix = platePrefix(e.regionCode);
  for (let i = 0; i < count; i++) {
    // The demo operator must show key vehicles whatever the draws give.
    const category = demo && i < 3 ? VehicleCategory.DANGEROUS_GOODS_TANKER : rng.weighted(choices);
    const drawn = rng.dateBefore(ctx.today, 1, 12 * 365);
    const registrationDate = drawn < e.establishedDate ? e.establishedDate : drawn;
    sink.add(VehicleEntity, {
      ...provenance(e, `MOT-VEH-${e.index}-${i}`, registrationDate, ctx),
      plate_number: plateNumber(prefix, rng),
      category,
      key_vehicle: isKeyVehicle(category),
      registration_date: registrationDate,
      transport_certificate_number: `${e.regionCode}${String(rng.int(0, 999999)).padStart(6, '0')}`,
    });
  }
}

/** Days before today within which a decision falls. */
const DECISION_AGE = [5, 1100] as const;
const DEMO_DECISION_AGE: readonly (readonly [number, number])[] = [
  [10, 300],
  [10, 300],
  [500, 1000],
];

/** Adds enforcement records; returns the unrepaired penalty points per year, which the ratings use. */
function seedEnforcements(
  e: SeedEnterprise,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
): Map<number, number> {
  const demo = e.uscc === DEMO_TRANSPORT_USCC;
  const drawn = [rng.chance(0.1) ? 1 : 0, rng.int(0, 2), rng.int(1, 4), rng.int(2, 6)][e.troubleLevel]!;
  const count = demo ? Math.max(drawn, 4) : drawn;
  const pointsByYear = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    // The demo shows two recent decisions still inside publicity and one old, repaired one.
    const [minDays, maxDays] = demo ? (DEMO_DECISION_AGE[i] ?? DECISION_AGE) : DECISION_AGE;
    const decisionDate = rng.dateBefore(ctx.today, minDays, maxDays);
    const points = rng.pick([0, 1, 3, 3, 6, 6, 10, 12]);
    const repairedDate = addDays(decisionDate, 365 + rng.int(1, 90));
    // Repair needs at least a year of publicity for these general violations.
    const repaired = repairedDate < ctx.today && ((demo && i === 2) || rng.chance(0.35));
    sink.add(TransportEnforcementEntity, {
      ...provenance(e, `MOT-ENF-${e.index}-${i}`, decisionDate, ctx),
      decision_number: `${e.regionCode}交执罚〔${decisionDate.slice(0, 4)}〕${rng.int(1, 9999)}号`,
      decision_date: decisionDate,
      violation: rng.pick(VIOLATIONS),
      penalty_points: points,
      fine: rng.chance(0.85) ? rng.int(4, 60) * 500 : 0,
      authority: '交通运输综合行政执法支队',
      repaired_date: repaired ? repairedDate : null,
    });
    // A repaired record no longer counts against the enterprise's rating.
    if (!repaired) {
      const year = Number(decisionDate.slice(0, 4));
      pointsByYear.set(year, (pointsByYear.get(year) ?? 0) + points);
    }
  }
  return pointsByYear;
}

const SCORE_RANGE: Readonly<Record<SeedEnterprise['troubleLevel'], readonly [number, number]>> = {
  0: [780, 990],
  1: [650, 920],
  2: [450, 800],
  3: [250, 650],
};

function seedRatings(
  e: SeedEnterprise,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
  licensedSince: string,
  pointsByYear: Map<number, number>,
): void {
  const demo = e.uscc === DEMO_TRANSPORT_USCC;
  // The year in progress has not been evaluated yet.
  const latest = Number(ctx.today.slice(0, 4)) - 1;
  for (let year = latest - RATING_YEARS + 1; year <= latest; year++) {
    if (year < Number(licensedSince.slice(0, 4))) continue;
    const [low, high] = demo && year === latest ? [350, 580] : SCORE_RANGE[e.troubleLevel];
    const points = pointsByYear.get(year) ?? 0;
    const score = Math.max(0, rng.int(low, high) - points * 5) / 10;
    sink.add(TransportCreditRatingEntity, {
      ...provenance(e, `MOT-RAT-${e.index}-${year}`, `${year + 1}-03-31`, ctx),
      year,
      score,
      penalty_points: points,
      grade: transportGrade(score, points),
    });
  }
}

export const transportCreditSeeder: ModuleSeeder = {
  seed(e, rng, sink, ctx) {
    if (e.uscc !== DEMO_TRANSPORT_USCC && !rng.chance(licenceChance(e.industrySection))) return;
    const scopes = pickScopes(e, rng);
    const licensedSince = seedLicences(e, rng, sink, ctx, scopes);
    seedVehicles(e, rng, sink, ctx, scopes);
    const pointsByYear = seedEnforcements(e, rng, sink, ctx);
    seedRatings(e, rng, sink, ctx, licensedSince, pointsByYear);
  },
};
