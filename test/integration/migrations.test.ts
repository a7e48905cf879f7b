import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withoutManagedTriggers } from '../../src/db/schema-diff.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

describe('migrations', () => {
  it('leave no difference between the entities and the database schema', async () => {
    const diff = await hub.orm.schema.getUpdateSchemaMigrationSQL({ wrap: false, safe: false });
    expect(withoutManagedTriggers(diff.up)).toBe('');
  });

  it('installed the risk triggers on every source table', async () => {
    const rows = await hub.orm.em
      .fork()
      .execute<
        { n: string }[]
      >("select count(*) as n from pg_trigger where tgname like '%_risk_%' and not tgisinternal");
    expect(Number(rows[0]!.n)).toBe(18 * 3);
  });
});
