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

const kindOf = (sql: string): string => {
  if (/auth_sharing_agreement|auth_grants_fingerprint/.test(sql)) return 'grants';
  if (sql.includes('join "registry_enterprise"')) return 'enterprise';
  if (sql.includes('cross join lateral') && sql.includes('as hub_rn')) return 'list';
  if (/audit_access_log|^begin$|^commit$/.test(sql.trim())) return 'access log';
  return sql;
};

async function profileStatements(): Promise<{ tally: Record<string, number>; count: number }> {
  const bank = hub.as({ principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT });
  hub.counter.reset();
  const res = await bank(EnterpriseProfileDocument, { uscc: USCC });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data?.enterprise?.uscc).toBe(USCC);
  const kinds = [...hub.counter.statements].map(kindOf);
  const tally = Object.fromEntries([...new Set(kinds)].map((k) => [k, kinds.filter((x) => x === k).length]));
  return { tally, count: kinds.length };
}

describe('statement budget of a governed single-enterprise profile', () => {
  it('queries/enterprise-profile.graphql as bank-xiamen for CREDIT_ASSESSMENT costs a fixed number of statements', async () => {
    // The first query of this organisation in this hub process reads its agreements (with
    // their fingerprint); the enterprise (risk score and grade as subqueries); one statement
    // per department list selected (14, each through its loader); the access-log batch
    // holding this read's record (one statement, audit_access_log_append, its own
    // transaction), shared by every read that joins the batch.
    const first = await profileStatements();
    process.stdout.write(`SQL statements for the governed profile: ${first.count}, then\n`);
    expect(first.tally).toEqual({ grants: 1, enterprise: 1, list: 14, 'access log': 1 });
    expect(first.count).toBe(17);
    // Later ones are decided from the kept agreements, which the append itself confirms
    // are still in force (src/auth/agreements/grant-cache.ts): 16.
    const later = await profileStatements();
    process.stdout.write(`${later.count} for the next one\n`);
    expect(later.tally).toEqual({ enterprise: 1, list: 14, 'access log': 1 });
    expect(later.count).toBe(16);
  });
});
