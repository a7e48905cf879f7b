import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isEnumType, isObjectType } from 'graphql';
import { createApiKey } from '../../src/auth/api-keys/api-key.service.js';
import { Purpose } from '../../src/auth/purpose.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import { DEPARTMENT_MODULES, assembleModules } from '../../src/modules/index.js';
import { declaredTriggers, installedTriggers, riskDeclarations } from '../../src/modules/risk/index.js';
import { environmentModule } from '../fixtures/environment-module/index.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

/**
 * The proof of the module contract: a sixth department (environmental protection,
 * test/fixtures/environment-module) joins the hub by one line, the module list
 * below, and nothing else in the code names it.
 */
const MODULES_WITH_ENVIRONMENT = assembleModules([...DEPARTMENT_MODULES, environmentModule]);

const ENVIRONMENT_OWNER: TokenClaims = {
  sub: 'env-system',
  org: 'ENVIRONMENT',
  kind: PrincipalKind.DEPARTMENT,
};
const ENTERPRISES = 12;

let hub: TestHub;
let usccs: string[];

const sqlExec = (statement: string, params: unknown[] = []) => hub.orm.em.fork().execute(statement, params);

async function insertPenalty(uscc: string, id: string, amount: number): Promise<void> {
  await sqlExec(
    `insert into env_penalty (department, source_record_id, as_of, uscc, decision_number, decision_date, violation, amount)
     values ('ENVIRONMENT', ?, '2026-10-01T00:00:00Z', ?, ?, '2026-09-30', 'exceeded discharge limits', ?)`,
    [id, uscc, `环罚〔2026〕${id}号`, amount],
  );
}

async function insertGrade(uscc: string, id: string, grade: string): Promise<void> {
  await sqlExec(
    `insert into env_emissions_grade (department, source_record_id, as_of, uscc, year, grade)
     values ('ENVIRONMENT', ?, '2026-01-15T00:00:00Z', ?, 2025, ?)`,
    [id, uscc, grade],
  );
}

const ENTERPRISE = `query ($uscc: USCC!) {
  enterprise(uscc: $uscc) {
    environmentalPenalties { totalCount edges { node { amount violation provenance { department } enterprise { uscc } } } }
    emissionsGrades { edges { node { year grade } } }
  }
}`;

const PROFILE = `query ($uscc: USCC!) {
  enterprise(uscc: $uscc) {
    riskProfile {
      score
      cappedBy
      signals { code department category }
      sources { department staleAfterDays }
      dimensions { dimension contributions { signalCode points } }
    }
  }
}`;

interface ProfileData {
  enterprise: {
    riskProfile: {
      score: number;
      cappedBy: string | null;
      signals: { code: string; department: string; category: string }[];
      sources: { department: string; staleAfterDays: number | null }[];
      dimensions: { dimension: string; contributions: { signalCode: string; points: number }[] }[];
    };
  };
}

beforeAll(async () => {
  hub = await startTestHub({ enterprises: ENTERPRISES, modules: MODULES_WITH_ENVIRONMENT });
  const rows = await sqlExec('select uscc from registry_enterprise order by uscc');
  usccs = (rows as { uscc: string }[]).map((r) => r.uscc);
});
afterAll(async () => {
  await hub?.close();
});

describe('a sixth department module from the fixture', () => {
  it('adds its fields to Enterprise and its department, grouping and facet field to the schema', () => {
    const schema = hub.app.schema;
    const enterprise = schema.getType('Enterprise');
    const department = schema.getType('Department');
    const groupBy = schema.getType('RiskGroupBy');
    const bucket = schema.getType('RiskStatisticsBucket');
    if (!isObjectType(enterprise) || !isEnumType(department) || !isEnumType(groupBy) || !isObjectType(bucket))
      throw new Error('the schema lacks a hub type');
    expect(Object.keys(enterprise.getFields())).toEqual(
      expect.arrayContaining(['environmentalPenalties', 'emissionsGrades', 'penalties']),
    );
    expect(department.getValue('ENVIRONMENT')?.description).toBe(
      'Ecology and environment bureau (生态环境局)',
    );
    expect(department.getValues().map((v) => v.name)).toHaveLength(7);
    expect(groupBy.getValues().map((v) => v.name)).toEqual([
      'REGION_PROVINCE',
      'REGION_CITY',
      'INDUSTRY_SECTION',
      'RISK_GRADE',
      'TAX_GRADE',
      'TRANSPORT_GRADE',
      'EMISSIONS_GRADE',
    ]);
    expect(Object.keys(bucket.getFields())).toContain('emissionsGrade');
  });

  it('installs its refresh triggers, which mark the profile dirty when its records change', async () => {
    const declared = riskDeclarations(MODULES_WITH_ENVIRONMENT).tables;
    expect(declared).toEqual(expect.arrayContaining(['env_penalty', 'env_emissions_grade']));
    expect(await installedTriggers(hub.orm.em.fork())).toEqual(declaredTriggers(declared));

    const target = usccs[0]!;
    // Read once: the profile is computed and stored clean, without environmental signals.
    const before = await hub.graphql<ProfileData>(PROFILE, { uscc: target });
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data!.enterprise.riskProfile.signals.map((s) => s.code)).not.toContain(
      'ENVIRONMENTAL_PENALTY',
    );
    const dirty = async () =>
      ((await sqlExec('select dirty from risk_profile where uscc = ?', [target])) as { dirty: boolean }[])[0]!
        .dirty;
    expect(await dirty()).toBe(false);
    // A provider's own SQL, not the hub's ORM: only the trigger can notice it.
    await insertPenalty(target, 'EP-1', 250_000);
    expect(await dirty()).toBe(true);
  });

  it('serves its records to the owner, and refuses its conditional data to a bank without an agreement', async () => {
    const target = usccs[0]!;
    await insertGrade(target, 'EG-0', 'D');
    const owner = await hub.as({ principal: ENVIRONMENT_OWNER, purpose: Purpose.CREDIT_ASSESSMENT })(
      ENTERPRISE,
      {
        uscc: target,
      },
    );
    expect(owner.body.errors).toBeUndefined();
    expect(owner.body.data).toEqual({
      enterprise: {
        environmentalPenalties: {
          totalCount: 1,
          edges: [
            {
              node: {
                amount: 250000,
                violation: 'exceeded discharge limits',
                provenance: { department: 'ENVIRONMENT' },
                enterprise: { uscc: target },
              },
            },
          ],
        },
        emissionsGrades: { edges: [{ node: { year: 2025, grade: 'D' } }] },
      },
    });

    const bank = await hub.as({ principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT })(
      ENTERPRISE,
      {
        uscc: target,
      },
    );
    const data = bank.body.data as { enterprise: Record<string, unknown> };
    expect(data.enterprise.environmentalPenalties).toBeNull();
    // The published grade is unconditional: the same bank reads it.
    expect(data.enterprise.emissionsGrades).toEqual({ edges: [{ node: { year: 2025, grade: 'D' } }] });
    expect(bank.body.errors).toEqual([
      expect.objectContaining({
        path: ['enterprise', 'environmentalPenalties'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN', resource: 'environment.penalties' }),
      }),
    ]);
  });

  it('accepts its department for API keys, and such a key reads as the owner', async () => {
    const { key, record } = await createApiKey(
      hub.orm.em.fork(),
      {
        name: 'environment bureau',
        principalId: 'env-system',
        organisation: 'ENVIRONMENT',
        kind: 'DEPARTMENT',
      },
      'fixture-test',
    );
    expect(record.department).toBe('ENVIRONMENT');
    const res = await hub.as({ principal: null, purpose: Purpose.CREDIT_ASSESSMENT })(
      ENTERPRISE,
      { uscc: usccs[0]! },
      { 'x-api-key': key },
    );
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data as { enterprise: { environmentalPenalties: { totalCount: number } } };
    expect(data.enterprise.environmentalPenalties.totalCount).toBe(1);
  });

  it('lists its catalog rows, owned by its department, to callers of myAccess', async () => {
    const res = await hub.as({ principal: ENVIRONMENT_OWNER })(
      `{ myAccess(purpose: CREDIT_ASSESSMENT) { code owner sharing readable } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const rows = (res.body.data as { myAccess: { code: string }[] }).myAccess.filter((r) =>
      r.code.startsWith('environment.'),
    );
    expect(rows).toEqual([
      { code: 'environment.penalties', owner: 'ENVIRONMENT', sharing: 'CONDITIONAL', readable: true },
      { code: 'environment.grades', owner: 'ENVIRONMENT', sharing: 'UNCONDITIONAL', readable: true },
    ]);
  });

  it('counts its signals in the risk profile with their declared points and cap, and its freshness', async () => {
    const res = await hub.graphql<ProfileData>(PROFILE, { uscc: usccs[0]! });
    expect(res.body.errors).toBeUndefined();
    const profile = res.body.data!.enterprise.riskProfile;
    expect(profile.signals).toEqual(
      expect.arrayContaining([
        { code: 'ENVIRONMENTAL_PENALTY', department: 'ENVIRONMENT', category: 'OPERATING' },
        { code: 'EMISSIONS_GRADE_D', department: 'ENVIRONMENT', category: 'SECTOR_COMPLIANCE' },
      ]),
    );
    // The declared points, scaled by severity HIGH (×1.5): a 250,000 yuan fine, a grade D.
    const environmental = profile.dimensions.flatMap((d) =>
      d.contributions
        .filter((c) => ['ENVIRONMENTAL_PENALTY', 'EMISSIONS_GRADE_D'].includes(c.signalCode))
        .map((c) => `${d.dimension} ${c.signalCode} ${c.points}`),
    );
    expect(environmental.sort()).toEqual([
      'OVERALL_RISK EMISSIONS_GRADE_D -15',
      'OVERALL_RISK ENVIRONMENTAL_PENALTY -9',
      'SOCIAL_VALUE EMISSIONS_GRADE_D -22.5',
      'SOCIAL_VALUE ENVIRONMENTAL_PENALTY -18',
    ]);
    // EMISSIONS_GRADE_D caps the score at 54 (or a harder cap of the seeded data does).
    expect(profile.score).toBeLessThanOrEqual(54);
    expect(profile.sources).toContainEqual({ department: 'ENVIRONMENT', staleAfterDays: 400 });
  });

  it('groups statistics by its facet', async () => {
    // Every enterprise graded: six C and six D (the first already has its D).
    for (const [i, uscc] of usccs.entries()) if (i > 0) await insertGrade(uscc, `EG-${i}`, i < 6 ? 'D' : 'C');
    const res = await hub.as({ principal: PRINCIPALS.analyst })(
      `{ riskStatistics(groupBy: [EMISSIONS_GRADE]) { total suppressed buckets { emissionsGrade taxGrade count } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      riskStatistics: {
        total: ENTERPRISES,
        suppressed: false,
        buckets: [
          { emissionsGrade: 'C', taxGrade: null, count: 6 },
          { emissionsGrade: 'D', taxGrade: null, count: 6 },
        ],
      },
    });
  });

  it('is named by nothing in src/: the module is its folder and one line', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    const naming = files('src').filter((path) =>
      /env_penalty|EMISSIONS_GRADE|ENVIRONMENT'/.test(readFileSync(path, 'utf8')),
    );
    expect(naming).toEqual([]);
  });
});
