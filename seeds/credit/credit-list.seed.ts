import { Department } from '../../src/common/department.js';
import { addDays, type Rng } from '../rng.js';
import type { SeedContext, SeedEnterprise, SeedSink } from '../seed-types.js';
import { CreditListEntryEntity } from '../../src/modules/credit/credit-list-entry.entity.js';
import { CreditList, CreditListRemovalReason } from '../../src/modules/credit/credit.enums.js';
import { caseNumber, localName, maxDate, type DemoCreditProfile } from './credit.seed-context.js';

interface ListRules {
  readonly department: Department;
  readonly sourcePrefix: string;
  readonly reasons: readonly string[];
  /** Days after which an entry leaves the list by itself (EXPIRED). */
  readonly periodDays: number;
  /** How a listing ends before its period is over, by weight. */
  readonly earlyRemoval: readonly (readonly [CreditListRemovalReason, number])[];
  /** Chance that a listing ends early at all. */
  readonly earlyRemovalChance: number;
}

const RULES: Readonly<Record<CreditList, ListRules>> = {
  BUSINESS_ANOMALY: {
    department: Department.MARKET_REGULATION,
    sourcePrefix: 'SAMR-JYYC',
    reasons: [
      '未按照规定期限公示年度报告',
      '通过登记的住所或者经营场所无法联系',
      '公示企业信息隐瞒真实情况、弄虚作假',
      '未在责令的期限内公示有关企业信息',
    ],
    // After 3 years an anomaly listing is moved to the serious-dishonesty list.
    periodDays: 1095,
    earlyRemoval: [
      [CreditListRemovalReason.REPAIRED, 90],
      [CreditListRemovalReason.CORRECTED, 10],
    ],
    earlyRemovalChance: 0.6,
  },
  SERIOUS_DISHONESTY: {
    department: Department.MARKET_REGULATION,
    sourcePrefix: 'SAMR-YZSX',
    reasons: [
      '被列入经营异常名录届满3年仍未履行相关义务',
      '提交虚假材料或者采取其他欺诈手段隐瞒重要事实取得登记',
      '实施危害食品药品安全的严重违法行为',
      '拒不履行已生效行政处罚决定',
    ],
    periodDays: 1095,
    earlyRemoval: [
      [CreditListRemovalReason.REPAIRED, 85],
      [CreditListRemovalReason.CORRECTED, 15],
    ],
    earlyRemovalChance: 0.2,
  },
  DISHONEST_JUDGMENT_DEBTOR: {
    department: Department.COURT,
    sourcePrefix: 'COURT-SXBZXR',
    reasons: [
      '有履行能力而拒不履行生效法律文书确定义务',
      '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
      '违反财产报告制度',
      '违反限制消费令',
    ],
    // Listed for 2 years; aggravation can add 1 to 3 more, which the seed ignores.
    periodDays: 730,
    earlyRemoval: [
      [CreditListRemovalReason.PERFORMED, 90],
      [CreditListRemovalReason.CORRECTED, 10],
    ],
    earlyRemovalChance: 0.45,
  },
};

/** Entries per list for each trouble level: [chance of any, fewest, most]. */
const ENTRY_COUNTS: Readonly<Record<CreditList, readonly (readonly [number, number, number])[]>> = {
  BUSINESS_ANOMALY: [
    [0.02, 1, 1],
    [0.12, 1, 1],
    [0.55, 1, 2],
    [0.6, 1, 2],
  ],
  SERIOUS_DISHONESTY: [
    [0, 0, 0],
    [0, 0, 0],
    [0.1, 1, 1],
    [1, 1, 1],
  ],
  DISHONEST_JUDGMENT_DEBTOR: [
    [0, 0, 0],
    [0.02, 1, 1],
    [0.12, 1, 1],
    [1, 1, 3],
  ],
};

const LISTS = [
  CreditList.BUSINESS_ANOMALY,
  CreditList.SERIOUS_DISHONESTY,
  CreditList.DISHONEST_JUDGMENT_DEBTOR,
];

export function seedCreditListEntries(
  e: SeedEnterprise,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
  demo: DemoCreditProfile,
): void {
  if (demo.clean) return;
  for (const list of LISTS) {
    const [chance, fewest, most] = ENTRY_COUNTS[list][e.troubleLevel]!;
    const forced = demo.activeLists?.includes(list) ?? false;
    const drawn = rng.chance(chance) ? rng.int(fewest, most) : 0;
    const count = forced ? Math.max(1, drawn) : drawn;
    for (let i = 0; i < count; i++) {
      // A clean enterprise may have been listed once, but it has since been removed.
      const state = forced && i === 0 ? 'active' : e.troubleLevel === 0 ? 'ended' : 'drawn';
      addEntry(e, rng, sink, ctx, list, i, state);
    }
  }
}

function addEntry(
  e: SeedEnterprise,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
  list: CreditList,
  i: number,
  state: 'active' | 'ended' | 'drawn',
): void {
  const rules = RULES[list];
  const listedDate = maxDate(
    e.establishedDate,
    state === 'active'
      ? rng.dateBefore(ctx.today, 20, rules.periodDays - 30)
      : state === 'ended'
        ? rng.dateBefore(ctx.today, 200, 1800)
        : rng.dateBefore(ctx.today, 20, 1800),
  );
  let removedDate: string | null = null;
  let removalReason: CreditListRemovalReason | null = null;
  if (state === 'ended') {
    removalReason = rng.weighted(rules.earlyRemoval);
    removedDate = addDays(listedDate, rng.int(15, 180));
    // Registered too recently to have been listed and removed already.
    if (removedDate >= ctx.today) return;
  } else if (state === 'drawn') {
    const expiry = addDays(listedDate, rules.periodDays);
    if (rng.chance(rules.earlyRemovalChance)) {
      removalReason = rng.weighted(rules.earlyRemoval);
      removedDate = addDays(listedDate, rng.int(15, rules.periodDays - 1));
    } else if (expiry < ctx.today) {
      removalReason = CreditListRemovalReason.EXPIRED;
      removedDate = expiry;
    }
    // A removal that would lie in the future has not happened yet.
    if (removedDate !== null && removedDate >= ctx.today) {
      removedDate = null;
      removalReason = null;
    }
  }
  const court = rules.department === Department.COURT;
  const place = localName(e.regionCode);
  sink.add(CreditListEntryEntity, {
    uscc: e.uscc,
    department: rules.department,
    source_record_id: `${rules.sourcePrefix}-${e.index}-${i}`,
    as_of: new Date(`${removedDate ?? listedDate}T00:00:00Z`),
    received_at: ctx.receivedAt,
    list,
    reason: rng.pick(rules.reasons),
    listed_date: listedDate,
    removed_date: removedDate,
    removal_reason: removalReason,
    authority: court ? `${place}人民法院` : `${place}市场监督管理局`,
    case_number: court ? caseNumber(e.regionCode, listedDate.slice(0, 4), rng.int(1, 9999)) : null,
  });
}
