import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Purpose } from '../../src/auth/purpose.js';
import { EnterpriseProfileDocument } from '../gql/graphql.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { grantEveryConditionalResource, startTestHub, type TestHub } from '../helpers/test-hub.js';

const USCC = '91350100M000100Y43';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 30 });
  // bank-xiamen with an agreement for every conditional resource: the profile reads (and logs) them all.
  await grantEveryConditionalResource(hub.orm, PRINCIPALS.bank.org);
});
afterAll(async () => {
  await hub?.close();
});

describe('statement budget of a governed single-enterprise profile', () => {
  it('queries/enterprise-profile.graphql as bank-xiamen for CREDIT_ASSESSMENT costs a fixed number of statements', async () => {
    const bank = hub.as({ principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT });
    hub.counter.reset();
    const res = await bank(EnterpriseProfileDocument, { uscc: USCC });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.enterprise?.uscc).toBe(USCC);
    const statements = [...hub.counter.statements];
    process.stdout.write(`SQL statements for the governed profile: ${statements.length}\n`);
    const kinds = statements.map((sql) => {
      if (sql.includes('"auth_sharing_agreement"')) return 'grants';
      if (sql.includes('from "registry_enterprise"')) return 'enterprise';
      if (sql.includes('partition by t.uscc')) return 'list';
      if (/audit_access_log|^begin$|^commit$/.test(sql.trim())) return 'access log';
      return sql;
    });
    const tally = Object.fromEntries(
      [...new Set(kinds)].map((k) => [k, kinds.filter((x) => x === k).length]),
    );
    // The caller's agreements once; the enterprise (risk score and grade as subqueries); one
    // statement per department list selected (14, each through its loader); the access-log
    // batch holding this read's record (one statement, audit_access_log_append, its own transaction),
    // shared by every read that joins the batch.
    expect(tally).toEqual({ grants: 1, enterprise: 1, list: 14, 'access log': 1 });
    expect(statements).toHaveLength(17);
  });
});
