import { Department } from '../../src/common/department.js';
import { addDays } from '../rng.js';
import type { ModuleSeeder } from '../seed-types.js';
import { seedCreditListEntries } from './credit-list.seed.js';
import { PenaltySeverity, PenaltyType } from '../../src/modules/credit/credit.enums.js';
import { DEMO_CREDIT } from './credit.seed-context.js';
import { seedLicences } from './licence.seed.js';
import { PenaltyEntity } from '../../src/modules/credit/penalty.entity.js';
import { seedRiskClassifications } from './risk-classification.seed.js';
import { seedTaxArrears, seedTaxGrades } from './tax.seed.js';

const PENALTY_REASONS = [
  '未按规定公示年度报告',
  '销售不符合食品安全标准的食品',
  '虚假宣传',
  '未取得许可从事经营活动',
  '产品质量抽检不合格',
  '违反价格管理规定',
];
const PUBLICITY_DAYS: Record<PenaltySeverity, number> = { MINOR: 90, GENERAL: 365, SERIOUS: 1095 };

export const creditSeeder: ModuleSeeder = {
  seed(e, rng, sink, ctx) {
    // Most enterprises are clean; the number of penalties grows with the trouble level.
    const penalties = [0, rng.int(0, 2), rng.int(1, 4), rng.int(2, 6)][e.troubleLevel]!;
    for (let i = 0; i < penalties; i++) {
      const decisionDate = rng.dateBefore(ctx.today, 10, 2000);
      const severity = rng.weighted([
        [PenaltySeverity.MINOR, 55],
        [PenaltySeverity.GENERAL, 35],
        [PenaltySeverity.SERIOUS, e.troubleLevel >= 2 ? 25 : 5],
      ]);
      const penaltyType = rng.weighted([
        [PenaltyType.WARNING, 25],
        [PenaltyType.FINE, 60],
        [PenaltyType.CONFISCATION, 8],
        [PenaltyType.SUSPENSION, 5],
        [PenaltyType.LICENCE_REVOCATION, severity === PenaltySeverity.SERIOUS ? 4 : 0],
      ]);
      const publicityEndDate = addDays(decisionDate, PUBLICITY_DAYS[severity]);
      const repaired = publicityEndDate < ctx.today && rng.chance(0.3);
      sink.add(PenaltyEntity, {
        uscc: e.uscc,
        department: Department.MARKET_REGULATION,
        source_record_id: `SAMR-PEN-${e.index}-${i}`,
        as_of: new Date(`${decisionDate}T00:00:00Z`),
        received_at: ctx.receivedAt,
        decision_number: `${e.regionCode}市监罚〔${decisionDate.slice(0, 4)}〕${rng.int(1, 999)}号`,
        decision_date: decisionDate,
        authority: '市场监督管理局',
        penalty_type: penaltyType,
        severity,
        reason: rng.pick(PENALTY_REASONS),
        amount: penaltyType === PenaltyType.WARNING ? 0 : rng.int(1, 500) * 1000,
        publicity_end_date: publicityEndDate,
        repaired_date: repaired ? addDays(publicityEndDate, rng.int(1, 60)) : null,
      });
    }
    // Penalties draw first, so adding record kinds after them leaves the penalty rows unchanged.
    const demo = DEMO_CREDIT[e.uscc] ?? {};
    seedLicences(e, rng, sink, ctx, demo);
    seedCreditListEntries(e, rng, sink, ctx, demo);
    seedTaxGrades(e, rng, sink, ctx, demo);
    seedTaxArrears(e, rng, sink, ctx, demo);
    seedRiskClassifications(e, rng, sink, ctx, demo);
  },
};
