import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ChildPageKey } from '../../src/db/child-page.loader.js';
import {
  transportCreditRatingsLoader,
  transportEnforcementsLoader,
  transportGrade,
  transportLicencesLoader,
  vehiclesLoader,
} from '../../src/modules/transport-credit/index.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const DEMO = '91350200776049653A';
const KEY_CATEGORIES = ['COACH', 'BUS', 'DANGEROUS_GOODS_TANKER'];

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: T }[];
}
interface Provenance {
  department: string;
  sourceRecordId: string;
}
interface Licence {
  licenceNumber: string;
  businessScopes: string[];
  validFrom: string;
  validTo: string;
  status: string;
  provenance: Provenance;
  enterprise: { uscc: string };
}
interface Vehicle {
  id: string;
  plateNumber: string;
  category: string;
  keyVehicle: boolean;
  registrationDate: string;
  transportCertificateNumber: string;
  provenance: Provenance;
  enterprise: { uscc: string };
}
interface Rating {
  year: number;
  score: number;
  penaltyPoints: number;
  grade: string;
  provenance: Provenance;
  enterprise: { uscc: string };
}
interface Enforcement {
  decisionNumber: string;
  decisionDate: string;
  violation: string;
  penaltyPoints: number;
  fine: number;
  authority: string;
  repairedDate: string | null;
  provenance: Provenance;
  enterprise: { uscc: string };
}

const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node {';
const META = 'provenance { department sourceRecordId } enterprise { uscc }';

let hub: TestHub;
beforeAll(async () => {
  // The owner reads its own records, repaired ones included; consumers are tested below.
  hub = await startTestHub({ enterprises: 30, caller: { principal: PRINCIPALS.transport } });
});
afterAll(async () => {
  await hub?.close();
});

/** Runs a selection on the demo enterprise and fails on any GraphQL error. */
async function demo<T>(selection: string, variables: Record<string, unknown> = {}): Promise<T> {
  const params = Object.keys(variables).length
    ? `(${Object.entries(variables)
        .map(
          ([k, v]) =>
            `$${k}: ${typeof v === 'number' ? 'Int' : typeof v === 'boolean' ? 'Boolean' : 'String'}`,
        )
        .join(', ')})`
    : '';
  const res = await hub.graphql<{ enterprise: T }>(
    `query Demo${params} { enterprise(uscc: "${DEMO}") { ${selection} } }`,
    variables,
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.enterprise;
}

const nodes = <T>(page: Page<T>): T[] => page.edges.map((e) => e.node);

describe('transport licences', () => {
  it('lists the demo operator’s current and expired licences, latest first, with dangerous-goods scope', async () => {
    const { transportLicences: page } = await demo<{ transportLicences: Page<Licence> }>(
      `transportLicences { ${PAGE} licenceNumber businessScopes validFrom validTo status ${META} } } }`,
    );
    expect(page.totalCount).toBe(2);
    const [current, previous] = nodes(page);
    expect(current).toMatchObject({
      status: 'VALID',
      businessScopes: ['GENERAL_FREIGHT', 'DANGEROUS_GOODS', 'CONTAINER'],
      provenance: { department: 'TRANSPORT', sourceRecordId: 'MOT-LIC-2-0' },
      enterprise: { uscc: DEMO },
    });
    expect(current!.licenceNumber).toMatch(/^闽交运管许可字350200\d{6}号$/);
    expect(current!.validFrom < current!.validTo).toBe(true);
    expect(previous).toMatchObject({ status: 'EXPIRED', provenance: { department: 'TRANSPORT' } });
    expect(previous!.validTo < current!.validFrom).toBe(true);
  });

  it('filters by status', async () => {
    const result = await demo<{ valid: Page<Licence>; revoked: Page<Licence> }>(
      `valid: transportLicences(status: VALID) { ${PAGE} status } } }
       revoked: transportLicences(status: REVOKED) { ${PAGE} status } } }`,
    );
    expect(result.valid.totalCount).toBe(1);
    expect(nodes(result.valid).map((l) => l.status)).toEqual(['VALID']);
    expect(result.revoked).toMatchObject({ totalCount: 0, edges: [] });
  });
});

describe('vehicles', () => {
  const fields = `id plateNumber category keyVehicle registrationDate transportCertificateNumber ${META}`;

  it('lists the demo fleet with key vehicles flagged by category', async () => {
    const { vehicles } = await demo<{ vehicles: Page<Vehicle> }>(`vehicles { ${PAGE} ${fields} } } }`);
    expect(vehicles.totalCount).toBe(12);
    const list = nodes(vehicles);
    for (const v of list) {
      expect(v.plateNumber).toMatch(/^闽D[0-9A-HJ-NP-Z]\d{4}$/);
      expect(v.keyVehicle).toBe(KEY_CATEGORIES.includes(v.category));
      expect(v.provenance.department).toBe('TRANSPORT');
      expect(v.enterprise.uscc).toBe(DEMO);
    }
    expect(list.filter((v) => v.category === 'DANGEROUS_GOODS_TANKER').length).toBeGreaterThanOrEqual(3);
    const dates = list.map((v) => v.registrationDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('keyVehiclesOnly returns exactly the key vehicles', async () => {
    const result = await demo<{ all: Page<Vehicle>; key: Page<Vehicle>; notOnly: Page<Vehicle> }>(
      `all: vehicles { ${PAGE} id keyVehicle } } }
       key: vehicles(keyVehiclesOnly: true) { ${PAGE} id keyVehicle category } } }
       notOnly: vehicles(keyVehiclesOnly: false) { totalCount }`,
    );
    const expected = nodes(result.all)
      .filter((v) => v.keyVehicle)
      .map((v) => v.id);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(result.key.totalCount).toBe(expected.length);
    expect(nodes(result.key).map((v) => v.id)).toEqual(expected);
    expect(result.notOnly.totalCount).toBe(12);
  });

  it('pages with first and after, keeping totalCount', async () => {
    const all = nodes((await demo<{ vehicles: Page<Vehicle> }>(`vehicles { ${PAGE} id } } }`)).vehicles);
    const first = (await demo<{ vehicles: Page<Vehicle> }>(`vehicles(first: 5) { ${PAGE} id } } }`)).vehicles;
    expect(first.totalCount).toBe(12);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (
      await demo<{ vehicles: Page<Vehicle> }>(`vehicles(first: 5, after: $after) { ${PAGE} id } } }`, {
        after: first.pageInfo.endCursor,
      })
    ).vehicles;
    const last = (
      await demo<{ vehicles: Page<Vehicle> }>(`vehicles(first: 5, after: $after) { ${PAGE} id } } }`, {
        after: second.pageInfo.endCursor,
      })
    ).vehicles;
    expect(second.totalCount).toBe(12);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect([...nodes(first), ...nodes(second), ...nodes(last)].map((v) => v.id)).toEqual(
      all.map((v) => v.id),
    );
    expect(nodes(last)).toHaveLength(2);
  });
});

describe('transport credit ratings', () => {
  const fields = `year score penaltyPoints grade ${META}`;

  it('lists three yearly ratings, latest first, the latest graded C or D', async () => {
    const { transportCreditRatings: page } = await demo<{ transportCreditRatings: Page<Rating> }>(
      `transportCreditRatings { ${PAGE} ${fields} } } }`,
    );
    const list = nodes(page);
    expect(list.map((r) => r.year)).toEqual([2025, 2024, 2023]);
    expect(['C', 'D']).toContain(list[0]!.grade);
    for (const r of list) {
      expect(r.grade).toBe(transportGrade(r.score, r.penaltyPoints));
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.provenance).toEqual({ department: 'TRANSPORT', sourceRecordId: `MOT-RAT-2-${r.year}` });
      expect(r.enterprise.uscc).toBe(DEMO);
    }
  });

  it('filters by sinceYear', async () => {
    const { transportCreditRatings: page } = await demo<{ transportCreditRatings: Page<Rating> }>(
      `transportCreditRatings(sinceYear: 2024) { ${PAGE} year } } }`,
    );
    expect(page.totalCount).toBe(2);
    expect(nodes(page).map((r) => r.year)).toEqual([2025, 2024]);
  });

  it('rejects an impossible sinceYear with BAD_USER_INPUT naming the argument', async () => {
    const res = await hub.graphql(
      `{ enterprise(uscc: "${DEMO}") { transportCreditRatings(sinceYear: 1890) { totalCount } } }`,
    );
    expect(res.body.errors).toHaveLength(1);
    const [error] = res.body.errors!;
    expect(error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'sinceYear' });
    expect(error!.message).toContain('sinceYear must be a year between 1990 and 2100');
    expect(error!.path).toEqual(['enterprise', 'transportCreditRatings']);
  });
});

describe('transport enforcements', () => {
  const fields = `decisionNumber decisionDate violation penaltyPoints fine authority repairedDate ${META}`;

  it('hides repaired records unless includeRepaired is true', async () => {
    const result = await demo<{ shared: Page<Enforcement>; all: Page<Enforcement> }>(
      `shared: transportEnforcements { ${PAGE} ${fields} } } }
       all: transportEnforcements(includeRepaired: true) { ${PAGE} ${fields} } } }`,
    );
    const shared = nodes(result.shared);
    const all = nodes(result.all);
    expect(result.shared.totalCount).toBe(3);
    expect(result.all.totalCount).toBe(4);
    expect(shared.every((e) => e.repairedDate === null)).toBe(true);
    expect(all.filter((e) => e.repairedDate !== null)).toHaveLength(1);
    const repaired = all.find((e) => e.repairedDate !== null)!;
    expect(repaired.repairedDate! > repaired.decisionDate).toBe(true);
    for (const e of all) {
      expect(e.decisionNumber).toMatch(/^350200交执罚〔\d{4}〕\d+号$/);
      expect(e.provenance.department).toBe('TRANSPORT');
      expect(e.enterprise.uscc).toBe(DEMO);
      expect(e.fine).toBeGreaterThanOrEqual(0);
    }
    const dates = all.map((e) => e.decisionDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('filters by since', async () => {
    const { transportEnforcements: page } = await demo<{ transportEnforcements: Page<Enforcement> }>(
      `transportEnforcements(since: "2026-01-01", includeRepaired: true) { ${PAGE} decisionDate } } }`,
    );
    expect(page.totalCount).toBe(2);
    expect(nodes(page).every((e) => e.decisionDate >= '2026-01-01')).toBe(true);
  });

  it('rejects a cursor that this list did not issue with BAD_USER_INPUT naming after', async () => {
    const res = await hub.graphql(
      `{ enterprise(uscc: "${DEMO}") { transportEnforcements(after: "bm90LWEtY3Vyc29y") { totalCount } } }`,
    );
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });
});

describe('transport lists over many enterprises', () => {
  const LISTS = `transportLicences(first: 2) { totalCount edges { node { status enterprise { uscc } } } }
    vehicles(first: 3, keyVehiclesOnly: true) { totalCount edges { node { plateNumber enterprise { uscc } } } }
    transportCreditRatings(first: 1) { totalCount edges { node { grade enterprise { uscc } } } }
    transportEnforcements(first: 2) { totalCount edges { node { fine enterprise { uscc } } } }`;

  async function statementsFor(first: number): Promise<number> {
    hub.counter.reset();
    const res = await hub.graphql<{ enterprises: { edges: { node: { uscc: string } }[] } }>(
      `query Many($first: Int!) { enterprises(first: $first) { edges { node { uscc ${LISTS} } } } }`,
      { first },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.enterprises.edges).toHaveLength(first);
    return hub.counter.count;
  }

  it('costs the same number of SQL statements for 1 and for 30 enterprises', async () => {
    const one = await statementsFor(1);
    const thirty = await statementsFor(30);
    expect(thirty).toBe(one);
  });

  it('gives unlicensed enterprises empty lists and licensed ones their own records', async () => {
    const res = await hub.graphql<{
      enterprises: {
        edges: { node: { uscc: string; transportLicences: Page<{ enterprise: { uscc: string } }> } }[];
      };
    }>(`{ enterprises(first: 30) { edges { node { uscc ${LISTS} } } } }`);
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data!.enterprises.edges;
    const licensed = edges.filter((e) => e.node.transportLicences.totalCount > 0);
    expect(licensed.length).toBeGreaterThanOrEqual(1);
    expect(licensed.length).toBeLessThan(edges.length);
    for (const { node } of edges) {
      for (const licence of nodes(node.transportLicences)) expect(licence.enterprise.uscc).toBe(node.uscc);
    }
  });
});

describe('transport loaders', () => {
  const factories: [
    string,
    (em: SqlEntityManager) => { load(key: ChildPageKey): Promise<{ totalCount: number }> },
  ][] = [
    ['transportLicencesLoader', transportLicencesLoader],
    ['vehiclesLoader', vehiclesLoader],
    ['transportCreditRatingsLoader', transportCreditRatingsLoader],
    ['transportEnforcementsLoader', transportEnforcementsLoader],
  ];

  it.each(factories)('%s answers N loads in one tick with one SQL statement', async (_name, factory) => {
    const res = await hub.graphql<{ enterprises: { edges: { node: { uscc: string } }[] } }>(
      `{ enterprises(first: 30) { edges { node { uscc } } } }`,
    );
    const usccs = res.body.data!.enterprises.edges.map((e) => e.node.uscc);
    expect(usccs).toContain(DEMO);
    const loader = factory(hub.orm.em.fork());
    hub.counter.reset();
    const pages = await Promise.all(usccs.map((uscc) => loader.load({ uscc, first: 10, offset: 0 })));
    expect(hub.counter.count).toBe(1);
    expect(pages).toHaveLength(usccs.length);
    expect(pages[usccs.indexOf(DEMO)]!.totalCount).toBeGreaterThan(0);
  });
});

describe('credit repair for consumers', () => {
  it('refuses includeRepaired to anyone but the owner and auditors', async () => {
    const query = `{ enterprise(uscc: "91350200776049653A") { name transportEnforcements(includeRepaired: true) { totalCount } } }`;
    const bank = await hub.as({ principal: PRINCIPALS.bank })(query);
    expect(bank.body.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
      ['FORBIDDEN', 'CREDIT_REPAIRED'],
    ]);
    expect(bank.body.data).toMatchObject({ enterprise: { transportEnforcements: null } });
    expect((bank.body.data as { enterprise: { name: string } }).enterprise.name).toBeTruthy();
    const auditor = await hub.as({ principal: PRINCIPALS.auditor })(query);
    expect(auditor.body.errors).toBeUndefined();
    const owner = await hub.graphql<{ enterprise: { transportEnforcements: { totalCount: number } } }>(query);
    const withoutRepaired = await hub.as({ principal: PRINCIPALS.bank })(
      `{ enterprise(uscc: "91350200776049653A") { transportEnforcements { totalCount } } }`,
    );
    const served = (
      withoutRepaired.body.data as { enterprise: { transportEnforcements: { totalCount: number } } }
    ).enterprise;
    expect(owner.body.data!.enterprise.transportEnforcements.totalCount).toBeGreaterThan(
      served.transportEnforcements.totalCount,
    );
  });
});
