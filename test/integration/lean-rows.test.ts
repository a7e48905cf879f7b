import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { leanColumns, leanRowMapper } from '../../src/db/lean-rows.js';
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
});
