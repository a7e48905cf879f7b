import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withoutManagedTriggers } from '../../src/db/schema-diff.js';
import { MODULES } from '../../src/modules/index.js';
import { riskDeclarations } from '../../src/modules/risk/index.js';
import {
  declaredTriggers,
  installRefreshTriggers,
  installedTriggers,
} from '../../src/modules/risk/risk.triggers.js';
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
    // Each SignalSource names the tables whose changes make a stored profile stale.
    const declared = riskDeclarations(MODULES).tables;
    expect(declared).toContain('credit_penalty');
    const installed = await installedTriggers(hub.orm.em.fork());
    expect(installed).toEqual(declaredTriggers(declared));
    expect(installed).toHaveLength(declared.length * 3);
  });

  it('reinstalls the triggers from the declarations idempotently, restoring a dropped one and dropping a stray one', async () => {
    const em = hub.orm.em.fork();
    const declared = riskDeclarations(MODULES).tables;
    expect(await installRefreshTriggers(em, declared)).toEqual({ created: 0, dropped: 0 });
    await em.execute('drop trigger credit_penalty_risk_upd on credit_penalty');
    // A table no module declares any more (as if its module left the hub) keeps no trigger.
    await em.execute(
      'create trigger idempotency_key_risk_ins after insert on hub_idempotency_key referencing new table as new_rows for each statement execute function hub_mark_risk_dirty()',
    );
    expect(await installRefreshTriggers(em, declared)).toEqual({ created: 1, dropped: 1 });
    expect(await installedTriggers(em)).toEqual(declaredTriggers(declared));
  });

  it('moves the stored tax and transport grades into the facets column, and back down', async () => {
    const em = hub.orm.em.fork();
    const uscc = '91350100M000100Y43';
    await em.execute(
      `insert into registry_enterprise (uscc, department, source_record_id, as_of, name, enterprise_type, status,
         established_date, registered_capital, region_code, industry_section, industry_code, address, business_scope,
         legal_representative_name, legal_representative_id_number)
       values (?, 'MARKET_REGULATION', 'm-1', now(), 'Facet Co', 'LIMITED_LIABILITY', 'OPERATING', '2020-01-01', 1000000,
         '350100', 'C', 'C13', 'Fuzhou', 'food', 'Wang', '350100199001011234')`,
      [uscc],
    );
    await em.execute(`update risk_profile set facets = '{"transportGrade": "AA"}' where uscc = ?`, [uscc]);
    await hub.orm.migrator.down({ to: 'Migration20261203093000MonitoringWebhooks' });
    const down = await em.execute<{ transport_grade: string | null }[]>(
      'select transport_grade from risk_profile where uscc = ?',
      [uscc],
    );
    expect(down).toEqual([{ transport_grade: 'AA' }]);
    await em.execute(`update risk_profile set tax_grade = 'A', transport_grade = null where uscc = ?`, [
      uscc,
    ]);
    await hub.orm.migrator.up();
    const rows = await em.execute<{ facets: unknown }[]>('select facets from risk_profile where uscc = ?', [
      uscc,
    ]);
    const stored = rows[0]!.facets;
    const facets: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
    expect(facets).toEqual({ taxGrade: 'A' });
  });
});
