import { Department } from '../../src/common/department.js';
import type { Rng } from '../rng.js';
import type { SeedContext, SeedEnterprise, SeedSink } from '../seed-types.js';
import { EnterpriseCreditRiskClass } from '../../src/modules/credit/credit.enums.js';
import type { DemoCreditProfile } from './credit.seed-context.js';
import { RiskClassificationEntity } from '../../src/modules/credit/risk-classification.entity.js';

const CLASSES = [
  EnterpriseCreditRiskClass.A,
  EnterpriseCreditRiskClass.B,
  EnterpriseCreditRiskClass.C,
  EnterpriseCreditRiskClass.D,
] as const;

/** Starting class index (0 = A) by trouble level. */
const START_WEIGHTS: readonly (readonly (readonly [number, number])[])[] = [
  [
    [0, 70],
    [1, 28],
    [2, 2],
  ],
  [
    [0, 25],
    [1, 55],
    [2, 20],
  ],
  [
    [1, 30],
    [2, 50],
    [3, 20],
  ],
  [
    [2, 30],
    [3, 70],
  ],
];

const MONTHS = 6;

/** The months before `today`'s month, oldest first, as YYYY-MM. */
function previousMonths(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let back = count; back >= 1; back--) {
    const m = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** One class per month for the last six months; classes drift by at most one step a month. */
export function seedRiskClassifications(
  e: SeedEnterprise,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
  demo: DemoCreditProfile,
): void {
  let level = rng.weighted(START_WEIGHTS[e.troubleLevel]!);
  for (const month of previousMonths(ctx.today, MONTHS)) {
    // "-31" sorts after every day of the month, so this skips months before registration.
    if (e.establishedDate > `${month}-31`) continue;
    if (rng.chance(0.1)) level = Math.min(3, Math.max(0, level + (rng.chance(0.5) ? 1 : -1)));
    sink.add(RiskClassificationEntity, {
      uscc: e.uscc,
      department: Department.MARKET_REGULATION,
      source_record_id: `SAMR-FXFL-${e.index}-${month}`,
      as_of: new Date(`${month}-01T00:00:00Z`),
      received_at: ctx.receivedAt,
      month,
      risk_class: demo.riskClass ?? CLASSES[level]!,
    });
  }
}
