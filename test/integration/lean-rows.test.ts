import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { leanColumns, leanDataMapper, leanRowMapper } from '../../src/db/lean-rows.js';
import { EnterpriseEntity } from '../../src/modules/registry/enterprise.entity.js';
import { EnterpriseOrderField, SortDirection } from '../../src/modules/registry/enterprise.enums.js';
import {
  enterpriseOrder,
  enterpriseWhere,
  leanEnterprisePage,
} from '../../src/modules/registry/enterprise.query.js';
import { sql, sqlColumns, sqlIdentifier } from '../../src/db/sql.js';
import { MODULES } from '../../src/modules/index.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 30 });
});
afterAll(async () => {
  await hub?.close();
});

const comparable = (v: unknown): unknown => (v instanceof Date ? `Date:${v.toISOString()}` : v);

describe('lean rows of the read path', () => {
  // Every module entity with a table: the plain object read from a raw row holds, for
  // every column property, exactly what the ORM's own hydration of that row holds.
  const entities = MODULES.flatMap((m) => m.entities);

  it('map every column of every module entity to the value the ORM would hydrate', async () => {
    const em = hub.orm.em.fork() as SqlEntityManager;
    let compared = 0;
    for (const entity of entities) {
      const meta = em.getMetadata().get(entity);
      if (meta.abstract || meta.embeddable || !meta.tableName) continue;
      const statement = sql`select ${sqlColumns(leanColumns(em, entity))} from ${sqlIdentifier(meta.tableName)} limit 5`;
      const rows = await em.execute<Record<string, unknown>[]>(statement.sql, [...statement.params]);
      const lean = leanRowMapper(em, entity);
      for (const row of rows) {
        const plain = lean({ ...row }) as Record<string, unknown>;
        const hydrated = em.fork().map(entity, { ...row }) as Record<string, unknown>;
        for (const prop of meta.props) {
          if (prop.formula || prop.fieldNames?.length !== 1) continue;
          expect([meta.className, prop.name, comparable(plain[prop.name])]).toEqual([
            meta.className,
            prop.name,
            comparable(hydrated[prop.name]),
          ]);
          compared++;
        }
        if ('provenance' in hydrated) expect(plain.provenance).toEqual(hydrated.provenance);
      }
    }
    // The seed fills the department tables, so this compared real rows of many entities.
    expect(compared).toBeGreaterThan(200);
  });

  it('are plain objects, not managed entities', async () => {
    const em = hub.orm.em.fork() as SqlEntityManager;
    const [entity] = MODULES.flatMap((m) => m.entities).filter(
      (e) => em.getMetadata().get(e).tableName === 'registry_enterprise',
    );
    const statement = sql`select ${sqlColumns(leanColumns(em, entity!))} from registry_enterprise limit 1`;
    const [row] = await em.execute<Record<string, unknown>[]>(statement.sql, [...statement.params]);
    const plain = leanRowMapper(em, entity!)(row!);
    expect(plain).not.toBeInstanceOf(entity!);
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  });

  it("map the driver's find results (property names) to the values the ORM would hydrate", async () => {
    const em = hub.orm.em.fork() as SqlEntityManager;
    const data = await em.getDriver().find(EnterpriseEntity, {}, { orderBy: { uscc: 'asc' }, limit: 5 });
    const hydrated = await em.fork().find(EnterpriseEntity, {}, { orderBy: { uscc: 'asc' }, limit: 5 });
    const lean = leanDataMapper(em, EnterpriseEntity);
    const meta = em.getMetadata().get(EnterpriseEntity);
    expect(data).toHaveLength(5);
    data.forEach((row, i) => {
      const plain = lean(row) as unknown as Record<string, unknown>;
      const entity = hydrated[i] as unknown as Record<string, unknown>;
      for (const prop of meta.props) {
        if (prop.formula || prop.fieldNames?.length !== 1) continue;
        expect([prop.name, comparable(plain[prop.name])]).toEqual([prop.name, comparable(entity[prop.name])]);
      }
      expect(typeof plain.registeredCapital).toBe('number');
      expect(plain.provenance).toEqual(entity.provenance);
    });
  });
});

describe('the lean page of enterprises', () => {
  const ids = (items: readonly EnterpriseEntity[]) => items.map((e) => e.uscc);

  it('pages like findByCursor, with plain objects and nothing in the identity map', async () => {
    const em = hub.orm.em.fork() as SqlEntityManager;
    for (const field of [EnterpriseOrderField.USCC, EnterpriseOrderField.REGISTERED_CAPITAL]) {
      const orderBy = enterpriseOrder({ field, direction: SortDirection.DESC });
      const expected = await em.fork().findByCursor(EnterpriseEntity, {
        where: {},
        first: 7,
        orderBy,
        includeCount: false,
      });
      const lean = await leanEnterprisePage(em, {}, orderBy, 7, undefined);
      expect({ items: ids(lean.items), next: lean.hasNextPage, end: lean.endCursor }).toEqual({
        items: ids(expected.items),
        next: true,
        end: expected.endCursor,
      });
      const after = await leanEnterprisePage(em, {}, orderBy, 7, lean.endCursor!);
      const expectedAfter = await em.fork().findByCursor(EnterpriseEntity, {
        where: {},
        first: 7,
        after: expected.endCursor!,
        orderBy,
        includeCount: false,
      });
      expect(ids(after.items)).toEqual(ids(expectedAfter.items));
      expect(after.hasPrevPage).toBe(true);
      for (const item of [...lean.items, ...after.items]) expect(item).not.toBeInstanceOf(EnterpriseEntity);
    }
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  });

  it('reads the risk score only for a page ordered by it, and filters on the risk formulas', async () => {
    const em = hub.orm.em.fork() as SqlEntityManager;
    const byUscc = await leanEnterprisePage(em, {}, enterpriseOrder(undefined), 5, undefined);
    expect(byUscc.items.map((e) => 'riskScore' in e)).toEqual([false, false, false, false, false]);
    const orderBy = enterpriseOrder({ field: EnterpriseOrderField.RISK_SCORE, direction: SortDirection.ASC });
    const byRisk = await leanEnterprisePage(em, {}, orderBy, 5, undefined);
    const scores = byRisk.items.map((e) => e.riskScore);
    expect(scores.every((s) => typeof s === 'number')).toBe(true);
    expect([...scores].sort((a, b) => a! - b!)).toEqual(scores);
    // The grade of the lowest-scored enterprise, so the filter matches at least one.
    const best = await em.fork().findOneOrFail(EnterpriseEntity, { uscc: byRisk.items[0]!.uscc });
    const graded = await leanEnterprisePage(
      em,
      enterpriseWhere({ riskGrades: [best.riskGrade] } as never),
      orderBy,
      50,
      undefined,
    );
    const expected = await em
      .fork()
      .find(
        EnterpriseEntity,
        { riskGrade: best.riskGrade },
        { orderBy: { riskScore: 'asc', uscc: 'asc' }, limit: 50 },
      );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(graded.items)).toEqual(ids(expected));
  });
});
