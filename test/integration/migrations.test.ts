import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withoutManagedTriggers } from '../../src/db/schema-diff.js';
import { MODULES } from '../../src/modules/index.js';
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

  it('installed the risk triggers on exactly the tables the signal sources declare', async () => {
    const rows = await hub.orm.em
      .fork()
      .execute<
        { table: string; trigger: string }[]
      >("select c.relname as table, t.tgname as trigger from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname like '%\\_risk\\_%' and not t.tgisinternal");
    const installed = rows.map((r) => `${r.table} ${r.trigger}`).sort();
    // Each SignalSource names the tables whose changes make a stored profile stale.
    const declared = [...new Set(MODULES.flatMap((m) => m.signals?.tables ?? []))];
    const expected = declared
      .flatMap((t) => ['ins', 'upd', 'del'].map((op) => `${t} ${t}_risk_${op}`))
      .sort();
    expect(declared.length).toBeGreaterThan(0);
    expect(installed).toEqual(expected);
  });
});
