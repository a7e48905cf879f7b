import { Department } from '../../src/common/department.js';
import { addDays, type Rng } from '../rng.js';
import type { SeedContext, SeedEnterprise, SeedSink } from '../seed-types.js';
import { localName, maxDate, type DemoCreditProfile } from './credit.seed-context.js';
import { AdministrativeLicenceStatus } from '../../src/modules/credit/credit.enums.js';
import { LicenceEntity } from '../../src/modules/credit/licence.entity.js';

interface LicenceKind {
  readonly name: string;
  readonly prefix: string;
  readonly content: string;
  /** Validity in years; 0 for no end date. */
  readonly years: number;
  /** Industry sections that hold it; empty for any. */
  readonly sections: string;
}

const LICENCE_KINDS: readonly LicenceKind[] = [
  {
    name: '食品经营许可证',
    prefix: 'JY',
    content: '预包装食品销售；热食类食品制售',
    years: 5,
    sections: 'FH',
  },
  { name: '食品生产许可证', prefix: 'SC', content: '糕点；饮料', years: 5, sections: 'C' },
  {
    name: '工业产品生产许可证',
    prefix: 'XK',
    content: '电线电缆；危险化学品包装物',
    years: 5,
    sections: 'C',
  },
  { name: '特种设备生产许可证', prefix: 'TS', content: '压力容器制造', years: 4, sections: 'CE' },
  { name: '药品经营许可证', prefix: 'YP', content: '中成药、化学药制剂、生物制品', years: 5, sections: 'FQ' },
  {
    name: '第二类医疗器械经营备案凭证',
    prefix: 'BA',
    content: '第二类医疗器械批发、零售',
    years: 0,
    sections: 'FQ',
  },
  { name: '计量器具型式批准证书', prefix: 'JL', content: '电子计价秤型式批准', years: 0, sections: 'CM' },
  { name: '广告发布登记证', prefix: 'GG', content: '利用自有媒介发布广告', years: 3, sections: '' },
];

export function seedLicences(
  e: SeedEnterprise,
  rng: Rng,
  sink: SeedSink,
  ctx: SeedContext,
  demo: DemoCreditProfile,
): void {
  const drawn = rng.chance(0.3)
    ? rng.weighted([
        [1, 60],
        [2, 28],
        [3, 12],
      ] as const)
    : 0;
  const count = Math.max(drawn, demo.minLicences ?? 0);
  if (count === 0) return;
  const fitting = LICENCE_KINDS.filter((k) => k.sections === '' || k.sections.includes(e.industrySection));
  const authority = `${localName(e.regionCode)}市场监督管理局`;
  for (let i = 0; i < count; i++) {
    const kind = rng.pick(fitting);
    const decisionDate = maxDate(e.establishedDate, rng.dateBefore(ctx.today, 10, 3000));
    const validTo = kind.years === 0 ? null : addDays(decisionDate, kind.years * 365 - 1);
    // Revocation follows serious violations, so troubled enterprises lose licences more often.
    const status = rng.chance(e.troubleLevel >= 2 ? 0.08 : 0.01)
      ? AdministrativeLicenceStatus.REVOKED
      : rng.chance(0.03)
        ? AdministrativeLicenceStatus.CANCELLED
        : validTo !== null && validTo < ctx.today
          ? AdministrativeLicenceStatus.EXPIRED
          : AdministrativeLicenceStatus.VALID;
    sink.add(LicenceEntity, {
      uscc: e.uscc,
      department: Department.MARKET_REGULATION,
      source_record_id: `SAMR-LIC-${e.index}-${i}`,
      as_of: new Date(`${decisionDate}T00:00:00Z`),
      received_at: ctx.receivedAt,
      decision_number: `${kind.prefix}${e.regionCode}${decisionDate.slice(0, 4)}${String(rng.int(1, 99999)).padStart(5, '0')}`,
      licence_name: kind.name,
      content: kind.content,
      decision_date: decisionDate,
      valid_from: decisionDate,
      valid_to: validTo,
      authority,
      status,
    });
  }
}
