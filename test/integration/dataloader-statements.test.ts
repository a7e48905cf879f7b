import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EnterprisePageAllDomainsDocument } from '../gql/graphql.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 220 });
});
afterAll(async () => {
  await hub?.close();
});

async function statementsFor(first: number): Promise<number> {
  hub.counter.reset();
  const res = await hub.graphql(EnterprisePageAllDomainsDocument, { first });
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data?.enterprises?.edges).toHaveLength(first);
  return hub.counter.count;
}

describe('dataloaders', () => {
  it('select every domain for a page of 1 and of 200 enterprises with the same number of SQL statements', async () => {
    // The caller's first query in this hub process also reads its agreements (one statement);
    // later ones are decided from the kept copy, confirmed inside the access-log append.
    const first = await statementsFor(1);
    const one = await statementsFor(1);
    const twoHundred = await statementsFor(200);
    process.stdout.write(
      `SQL statements for the all-domains page: first query ${first}, then N=1 -> ${one}, N=200 -> ${twoHundred}\n`,
    );
    expect(twoHundred).toBe(one);
    // enterprise page + count + one per department list (17) + one access-log batch
    // (1: audit_access_log_append, its own transaction): nothing per enterprise.
    expect(one).toBe(20);
    expect(first).toBe(21);
  });

  it('the page of 200 really carries records from every module', async () => {
    const res = await hub.graphql(EnterprisePageAllDomainsDocument, { first: 200 });
    const nodes = res.body.data!.enterprises!.edges.map((e) => e.node);
    const some = (pick: (n: (typeof nodes)[number]) => number | undefined) =>
      nodes.some((n) => (pick(n) ?? 0) > 0);
    expect(some((n) => n.penalties?.totalCount)).toBe(true);
    expect(some((n) => n.taxGrades?.edges.length)).toBe(true);
    expect(some((n) => n.socialInsuranceAccounts?.edges.length)).toBe(true);
    expect(some((n) => n.designatedInstitutions?.edges.length)).toBe(true);
    expect(some((n) => n.vehicles?.totalCount)).toBe(true);
    expect(some((n) => n.techCertifications?.edges.length)).toBe(true);
    expect(some((n) => n.patentCounts?.edges.length)).toBe(true);
    const withPenalty = nodes.find((n) => (n.penalties?.edges.length ?? 0) > 0)!;
    expect(withPenalty.penalties!.edges[0]!.node.enterprise?.uscc).toBe(withPenalty.uscc);
  });
});
