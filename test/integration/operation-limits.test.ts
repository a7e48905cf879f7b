import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type GraphQLResponse, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 5 });
});
afterAll(async () => {
  await hub?.close();
});

/** `levels` of enterprise -> licences -> enterprise back-paths under a page of enterprises. */
function nestedLists(levels: number, first: number): string {
  let inner = 'uscc';
  for (let i = 0; i < levels; i++) {
    inner = `licences(first: ${first}) { edges { node { enterprise { ${inner} } } } }`;
  }
  return `{ enterprises(first: ${first}) { edges { node { ${inner} } } } }`;
}

/** Fragments each reaching the next twice through back-paths (2^n expansions if walked naively). */
function backPathFragments(n: number): string {
  const fragments = Array.from({ length: n }, (_, i) => {
    const next = i + 1 < n ? `...F${i + 1}` : 'uscc';
    return (
      `fragment F${i} on Enterprise { uscc licences { edges { node { enterprise { ${next} } } } } ` +
      `penalties { edges { node { enterprise { ${next} } } } } }`
    );
  });
  return `{ enterprises(first: 2) { edges { node { ...F0 } } } }\n${fragments.join('\n')}`;
}

const aliases = (n: number, first: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: enterprises(first: ${first}) { edges { node { uscc } } }`).join(' ')} }`;

const tokens = (n: number) => `{ me { ${Array.from({ length: n }, () => 'id').join(' ')} } }`;

const directives = (n: number) =>
  `{ me { ${Array.from({ length: n }, () => 'id @include(if: true)').join(' ')} } }`;

const codes = (res: GraphQLResponse) => res.body.errors?.map((e) => e.extensions?.code);

async function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(await hub.headersFor({ principal: PRINCIPALS.reader })),
      ...headers,
    },
    body,
  });
}

function expectRefused(res: GraphQLResponse, limit: string): void {
  expect(res.body.data ?? null).toBeNull();
  expect(codes(res)).toEqual(['QUERY_TOO_COMPLEX']);
  expect(res.body.errors?.[0]?.extensions).toMatchObject({ limit, maximum: expect.any(Number) });
  const { maximum, estimated } = res.body.errors![0]!.extensions as { maximum: number; estimated: number };
  expect(estimated).toBeGreaterThan(maximum);
}

function expectAnswered(res: GraphQLResponse): void {
  expect(res.body.errors).toBeUndefined();
  expect(res.status).toBe(200);
  expect(res.body.data).not.toBeNull();
}

describe('operation limits: each probe is refused, and the same shape at a harmless size is answered', () => {
  it('20 levels of nested lists at first: 50 (depth)', async () => {
    expectRefused(await hub.graphql(nestedLists(20, 50)), 'depth');
    expectAnswered(await hub.graphql(nestedLists(2, 10)));
  });

  it('8 levels at first: 1000 (depth), and 1 level at first: 1000 (cost)', async () => {
    expectRefused(await hub.graphql(nestedLists(8, 1000)), 'depth');
    expectRefused(await hub.graphql(nestedLists(1, 1000)), 'cost');
    expectAnswered(await hub.graphql(nestedLists(1, 100)));
  });

  it('40 nested fragments through back-paths', async () => {
    expectRefused(await hub.graphql(backPathFragments(40)), 'depth');
    expectAnswered(await hub.graphql(backPathFragments(2)));
  });

  it('500 aliases of a list', async () => {
    expectRefused(await hub.graphql(aliases(500, 1000)), 'aliases');
    expectAnswered(await hub.graphql(aliases(3, 5)));
  });

  it('200,000 tokens', async () => {
    expectRefused(await hub.graphql(tokens(200_000)), 'tokens');
    expectAnswered(await hub.graphql(tokens(100)));
  });

  it('5,000 directives', async () => {
    expectRefused(await hub.graphql(directives(5_000)), 'directives');
    expectAnswered(await hub.graphql(directives(5)));
  });

  it('more selections than allowed (quadratic for graphql-js overlap validation)', async () => {
    expectRefused(await hub.graphql(tokens(3_000)), 'selections');
    expectAnswered(await hub.graphql(tokens(500)));
  });

  it('more root fields than allowed', async () => {
    const roots = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    expectRefused(await hub.graphql(roots(21)), 'rootFields');
    expectAnswered(await hub.graphql(roots(20)));
  });

  it('a cyclic fragment is refused by GraphQL validation, an acyclic chain is answered', async () => {
    const cyclic = '{ me { ...A } } fragment A on Me { id ...B } fragment B on Me { organisation ...A }';
    const res = await hub.graphql(cyclic);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body.errors?.[0]?.message).toMatch(/Cannot spread fragment "A" within itself/);
    expectAnswered(
      await hub.graphql('{ me { ...A } } fragment A on Me { id ...B } fragment B on Me { organisation }'),
    );
  });

  it('a JSON batch of 1,000 operations is refused with BAD_REQUEST; one operation is answered', async () => {
    const op = { query: '{ me { id } }' };
    const res = await post(JSON.stringify(Array.from({ length: 1000 }, () => op)));
    expect(res.status).toBe(400);
    const body = (await res.json()) as GraphQLResponse['body'];
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    expect(body.errors?.[0]?.message).toMatch(/batching/i);
    const single = await post(JSON.stringify(op));
    expect(single.status).toBe(200);
    expect(((await single.json()) as GraphQLResponse['body']).data).toEqual({ me: { id: 'test-reader' } });
  });

  it('a 10 MB body is refused with 413 REQUEST_TOO_LARGE; a 100 KB body is answered', async () => {
    const body = (pad: number) =>
      JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(pad) } });
    const big = await post(body(10 * 1024 * 1024));
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(((await big.json()) as GraphQLResponse['body']).errors?.map((e) => e.extensions?.code)).toEqual([
      'REQUEST_TOO_LARGE',
    ]);
    const small = await post(body(100 * 1024));
    expect(small.status).toBe(200);
    expect(((await small.json()) as GraphQLResponse['body']).data).toEqual({ me: { id: 'test-reader' } });
  });

  it('keeps answering a small request while every probe is refused at once', async () => {
    const probes = [
      nestedLists(20, 50),
      nestedLists(8, 1000),
      backPathFragments(40),
      aliases(500, 1000),
      tokens(200_000),
      directives(5_000),
    ].map((q) => hub.graphql(q));
    const small = hub.graphql('{ enterprise(uscc: "91350100M000100Y43") { uscc } }');
    const [answered, ...refused] = await Promise.all([small, ...probes]);
    expect(answered.body.data).toEqual({ enterprise: { uscc: '91350100M000100Y43' } });
    expect(refused.map(codes)).toEqual(refused.map(() => ['QUERY_TOO_COMPLEX']));
  });
});

describe('a refused operation runs nothing', () => {
  it('runs no SQL when refused for its cost, while the same shape within the limit does', async () => {
    hub.counter.reset();
    expectAnswered(await hub.graphql(nestedLists(1, 100)));
    expect(hub.counter.count).toBeGreaterThan(0);
    hub.counter.reset();
    expectRefused(await hub.graphql(nestedLists(1, 1000)), 'cost');
    // Anything the refused request had started would have reached the driver by now.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hub.counter.statements).toEqual([]);
  });
});

describe('cost in the response', () => {
  it('reports estimated, limit and remaining in extensions.cost', async () => {
    const res = await hub.graphql('{ enterprises(first: 10) { edges { node { uscc } } } }');
    expectAnswered(res);
    // 1 for the connection + 10 × (edges 1 + node 1): see the README's cost model.
    const cost = (res.body as { extensions?: { cost?: Record<string, number> } }).extensions?.cost;
    expect(cost).toEqual({ estimated: 21, limit: 200_000, remaining: expect.any(Number) });
    expect(cost!.remaining).toBeLessThanOrEqual(2_000_000 - 21);
  });

  it('prices portfolioRisk by the number of codes', async () => {
    const q = (n: number) =>
      `{ portfolioRisk(usccs: [${Array.from({ length: n }, () => '"91350100M000100Y43"').join(', ')}], purpose: CREDIT_ASSESSMENT) { input profile { score } } }`;
    const cost = async (n: number) =>
      ((await hub.graphql(q(n))).body as { extensions?: { cost?: { estimated: number } } }).extensions?.cost
        ?.estimated;
    // 1 + n × (item 1 + profile 1)
    expect(await cost(1)).toBe(3);
    expect(await cost(10)).toBe(21);
  });

  it('myLimits tells a caller its limits', async () => {
    const res = await hub.graphql<{ myLimits: Record<string, number> }>(
      '{ myLimits { maxCost maxDepth maxAliases maxTokens maxDirectives maxRootFields maxSelections defaultPageSize rateLimitPoints rateLimitWindowSeconds operationTimeoutMs } }',
    );
    expect(res.body.data?.myLimits).toEqual({
      maxCost: 200_000,
      maxDepth: 15,
      maxAliases: 30,
      maxTokens: 50_000,
      maxDirectives: 50,
      maxRootFields: 20,
      maxSelections: 2000,
      defaultPageSize: 50,
      rateLimitPoints: 2_000_000,
      rateLimitWindowSeconds: 60,
      operationTimeoutMs: 15_000,
    });
  });
});
