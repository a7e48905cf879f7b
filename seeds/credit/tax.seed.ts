import { Department } from '../../src/common/department.js';
import { addDays, type Rng } from '../rng.js';
import type { SeedContext, SeedEnterprise, SeedSink } from '../seed-types.js';
import { TaxCreditGrade } from '../../src/modules/credit/credit.enums.js';
import { maxDate, type DemoCreditProfile } from './credit.seed-context.js';
import { TaxArrearsEntity } from '../../src/modules/credit/tax-arrears.entity.js';
import { TaxCreditEvaluationEntity } from '../../src/modules/credit/tax-credit-evaluation.entity.js';

const GRADE_WEIGHTS: readonly (readonly (readonly [TaxCreditGrade, number])[])[] = [
  [
    [TaxCreditGrade.A, 45],
    [TaxCreditGrade.B, 47],
    [TaxCreditGrade.M, 8],
  ],
  [
    [TaxCreditGrade.A, 10],
    [TaxCreditGrade.B, 55],
    [TaxCreditGrade.M, 10],
    [TaxCreditGrade.C, 25],
  ],
  [
    [TaxCreditGrade.B, 25],
    [TaxCreditGrade.C, 50],
    [TaxCreditGrade.D, 25],
  ],
  [
    [TaxCreditGrade.C, 25],
    [TaxCreditGrade.D, 75],
  ],
];

const TAX_TYPES = ['增值税', '企业所得税', '城市维护建设税', '房产税', '城镇土地使用税', '印花税'];
/** Chance of any arrears, and of each being paid off, by trouble level. */
const ARREARS_CHANCE = [0, 0.04, 0.35, 0.85];
const PAID_OFF_CHANCE = [1, 0.7, 0.45, 0.15];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Grades for the last three tax years; each year is evaluated the following April. */
export function seedTaxGrades(
  e: SeedEnterprise,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
  demo: DemoCreditProfile,
): void {
  const thisYear = Number(ctx.today.slice(0, 4));
  for (let year = thisYear - 3; year < thisYear; year++) {
    // Enterprises registered after the year ended were not evaluated for it.
    if (e.establishedDate > `${year}-12-31`) continue;
    // Some taxpayers have no evaluation: not filing, deregistered, or exempt.
    if (!demo.taxGrade && rng.chance(0.08)) continue;
    const newTaxpayer = e.establishedDate >= `${year - 1}-01-01`;
    const grade =
      demo.taxGrade ??
      (newTaxpayer && e.troubleLevel < 2 && rng.chance(0.6)
        ? TaxCreditGrade.M
        : rng.weighted(GRADE_WEIGHTS[e.troubleLevel]!));
    const evaluatedDate = `${year + 1}-04-${pad2(rng.int(10, 28))}`;
    sink.add(TaxCreditEvaluationEntity, {
      uscc: e.uscc,
      department: Department.TAX,
      source_record_id: `TAX-NSXY-${e.index}-${year}`,
      as_of: new Date(`${evaluatedDate}T00:00:00Z`),
      received_at: ctx.receivedAt,
      year,
      grade,
      evaluated_date: evaluatedDate,
    });
  }
}

export function seedTaxArrears(
  e: SeedEnterprise,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
  demo: DemoCreditProfile,
): void {
  if (demo.clean) return;
  const drawn = rng.chance(ARREARS_CHANCE[e.troubleLevel]!) ? rng.int(1, e.troubleLevel === 3 ? 3 : 2) : 0;
  const count = demo.outstandingArrears ? Math.max(1, drawn) : drawn;
  for (let i = 0; i < count; i++) {
    const arrearsSince = maxDate(e.establishedDate, rng.dateBefore(ctx.today, 30, 1500));
    const forcedOutstanding = demo.outstandingArrears === true && i === 0;
    let paidOffDate: string | null = null;
    if (!forcedOutstanding && rng.chance(PAID_OFF_CHANCE[e.troubleLevel]!)) {
      const paid = addDays(arrearsSince, rng.int(20, 400));
      paidOffDate = paid < ctx.today ? paid : null;
    }
    // Cents matter: arrears include late-payment surcharges (滞纳金) of 0.05 % a day.
    const amountOwed = Math.round((rng.int(2, 800) * 1000 + rng.next() * 1000) * 100) / 100;
    sink.add(TaxArrearsEntity, {
      uscc: e.uscc,
      department: Department.TAX,
      source_record_id: `TAX-QS-${e.index}-${i}`,
      as_of: new Date(`${paidOffDate ?? arrearsSince}T00:00:00Z`),
      received_at: ctx.receivedAt,
      tax_type: rng.pick(TAX_TYPES),
      amount_owed: amountOwed,
      arrears_since: arrearsSince,
      paid_off_date: paidOffDate,
    });
  }
}
