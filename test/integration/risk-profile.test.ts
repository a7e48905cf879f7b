import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const PROFILE = `query ($uscc: USCC!) { enterprise(uscc: $uscc) { riskProfile {
  score grade cappedBy modelVersion
  dimensions { dimension score base weight contributions { signalCode points department occurredOn } }
  signals { code category severity department active detail recordType }
  sources { department asOf stale staleAfterDays } } } }`;

interface Profile {
  score: number;
  grade: string;
  cappedBy: string | null;
  modelVersion: string;
  dimensions: { dimension: string; score: number; contributions: { signalCode: string; points: number }[] }[];
  signals: { code: string; category: string; department: string; active: boolean; recordType: string }[];
  sources: { department: string; stale: boolean }[];
}

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 40 });
});
afterAll(async () => {
  await hub?.close();
});

async function profileOf(uscc: string): Promise<Profile> {
  const res = await hub.graphql<{ enterprise: { riskProfile: Profile } }>(PROFILE, { uscc });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.enterprise.riskProfile;
}

describe('risk profile', () => {
  it('grades the clean manufacturer well, with tax grade A as a positive signal', async () => {
    const p = await profileOf('91350100M000100Y43');
    expect(p.modelVersion).toBe('risk-model-2026.1');
    expect(['A', 'B']).toContain(p.grade);
    expect(p.signals.map((s) => s.code)).toContain('TAX_GRADE_A');
    expect(p.signals.filter((s) => s.category !== 'POSITIVE')).toEqual([]);
    expect(p.dimensions.map((d) => d.dimension)).toEqual([
      'TECHNOLOGICAL_INNOVATION',
      'OPERATING_EFFICIENCY',
      'GROWTH_POTENTIAL',
      'OVERALL_RISK',
      'SOCIAL_VALUE',
    ]);
  });

  it('grades the seriously dishonest trader E, capped by its dishonesty listing, and explains why', async () => {
    const p = await profileOf('91440101MA5CJQ4N59');
    expect(p.grade).toBe('E');
    expect(p.score).toBeLessThan(40);
    // cappedBy is set only when a cap actually lowered the weighted score.
    if (p.cappedBy !== null)
      expect(['DISHONEST_JUDGMENT_DEBTOR', 'SERIOUS_DISHONESTY_LIST']).toContain(p.cappedBy);
    const codes = p.signals.map((s) => s.code);
    for (const code of ['DISHONEST_JUDGMENT_DEBTOR', 'SERIOUS_DISHONESTY_LIST', 'TAX_GRADE_D', 'TAX_ARREARS'])
      expect(codes).toContain(code);
    const overall = p.dimensions.find((d) => d.dimension === 'OVERALL_RISK')!;
    expect(overall.contributions.map((c) => c.signalCode)).toContain('DISHONEST_JUDGMENT_DEBTOR');
    expect(p.signals.find((s) => s.code === 'DISHONEST_JUDGMENT_DEBTOR')!.department).toBe('COURT');
  });

  it('scores the technology enterprise high on innovation', async () => {
    const p = await profileOf('91310230MA1K314J7C');
    const tech = p.dimensions.find((d) => d.dimension === 'TECHNOLOGICAL_INNOVATION')!;
    expect(tech.score).toBeGreaterThanOrEqual(80);
    expect(p.signals.map((s) => s.code)).toContain('HIGH_TECH_CERTIFIED');
  });

  it('recomputes when a source record changes, and stops counting a repaired record', async () => {
    const before = await profileOf('91350100M000100Y43');
    const em = hub.orm.em.fork();
    await em.execute(
      `insert into credit_list_entry (uscc, department, source_record_id, as_of, received_at, list, reason, listed_date, authority, case_number)
       values ('91350100M000100Y43', 'COURT', 'TEST-DEBTOR', now(), now(), 'DISHONEST_JUDGMENT_DEBTOR', '未履行', '2026-10-01', '测试法院', '（2026）闽01执9号')`,
    );
    const listed = await profileOf('91350100M000100Y43');
    expect(listed.grade).toBe('E');
    expect(listed.signals.map((s) => s.code)).toContain('DISHONEST_JUDGMENT_DEBTOR');
    await em.execute(
      `update credit_list_entry set removed_date = '2026-11-01', removal_reason = 'PERFORMED' where source_record_id = 'TEST-DEBTOR'`,
    );
    const [flag] = await em.execute<{ dirty: boolean }[]>(
      "select dirty from risk_profile where uscc = '91350100M000100Y43'",
    );
    expect(flag!.dirty).toBe(true);
    const removed = await profileOf('91350100M000100Y43');
    expect(removed.score).toBe(before.score);
    expect(removed.signals.map((s) => s.code)).not.toContain('DISHONEST_JUDGMENT_DEBTOR');
  });
});
