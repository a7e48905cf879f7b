import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { answersAsLegacyJson } from '../../src/server/limits/accept.js';
import {
  CostEstimateCache,
  costEstimators,
  costVariables,
  estimateCost,
} from '../../src/server/limits/cost.js';
import { ExecutionGate } from '../../src/server/limits/execution-gate.js';
import { RateLimitedError } from '../../src/server/limits/limit-errors.js';
import { MemoryRateLimiter } from '../../src/server/limits/rate-limiter.js';
import { buildHubSchema } from '../../src/server/schema.js';
import { completeUscc } from '../../src/common/uscc.js';
import { HUB } from '../../src/hub.js';

describe('cost model: the README worked examples', () => {
  const estimators = costEstimators(50);
  const cost = async (query: string, variables: Record<string, unknown> = {}) =>
    estimateCost(await schemaOnce(), parse(query), undefined, variables, estimators);

  it('a page of 10 with one scalar: 1 + 10 × (edge 1 + node 1) = 21', async () => {
    expect(await cost('{ enterprises(first: 10) { edges { node { uscc } } } }')).toBe(21);
  });

  it('no `first` means the default page size (50)', async () => {
    expect(await cost('{ enterprises { edges { node { uscc } } } }')).toBe(101);
  });

  it('a nested list multiplies: 1 + 10 × (2 + (1 + 5 × 2))', async () => {
    expect(
      await cost(
        '{ enterprises(first: 10) { edges { node { licences(first: 5) { edges { node { licenceName } } } } } } }',
      ),
    ).toBe(1 + 10 * (2 + (1 + 5 * 2)));
  });

  it('a back-path at first: 1000 twice: 3,003,001, over the default limit', async () => {
    expect(
      await cost(
        '{ enterprises(first: 1000) { edges { node { licences(first: 1000) { edges { node { enterprise { uscc } } } } } } } }',
      ),
    ).toBe(3_003_001);
  });

  it('aliases and fragments count once per use', async () => {
    const one = '{ enterprises(first: 10) { edges { node { uscc } } } }';
    const twice =
      '{ a: enterprises(first: 10) { ...E } b: enterprises(first: 10) { ...E } } fragment E on EnterpriseConnection { edges { node { uscc } } }';
    expect(await cost(twice)).toBe(2 * (await cost(one)));
  });

  it('portfolioRisk costs 1 + codes × (item 1 + what is selected)', async () => {
    const q = 'query($u: [String!]!) { portfolioRisk(usccs: $u) { input profile { score } } }';
    expect(await cost(q, { u: ['a', 'b', 'c'] })).toBe(1 + 3 * 2);
  });

  it('the example page of queries/enterprise-page.graphql at first: 200', async () => {
    expect(await cost(readFileSync('queries/enterprise-page.graphql', 'utf8'), { first: 200 })).toBe(156_801);
  });
});

describe('cost estimates remembered per document and the variables they depend on', () => {
  const profile = readFileSync('queries/enterprise-profile.graphql', 'utf8');
  const paged = `query($uscc: USCC!, $n: Int, $withTax: Boolean!, $region: String) {
    enterprise(uscc: $uscc) { penalties(first: $n) { edges { node { decisionNumber } } }
      taxGrades(first: 3) @include(if: $withTax) { edges { node { year } } } }
    enterprises(first: 2, filter: { regionPrefix: $region }) { edges { node { uscc } } } }`;

  const code = (i: number) => completeUscc(`911101050000000${i}`);

  it('names only the variables in `first`, a self-pricing field or a directive', async () => {
    const s = await schemaOnce();
    expect(costVariables(s, parse(profile))).toEqual([]);
    expect(costVariables(s, parse(paged))).toEqual(['n', 'withTax']);
    expect(costVariables(s, parse('query($u: [String!]!) { portfolioRisk(usccs: $u) { input } }'))).toEqual([
      'u',
    ]);
  });

  it('answers what estimateCost answers, working it out again only when those variables change', async () => {
    const s = await schemaOnce();
    const estimators = costEstimators(50);
    const cache = new CostEstimateCache(s, estimators);
    const doc = parse(paged);
    const fresh = (v: Record<string, unknown>) => estimateCost(s, doc, undefined, v, estimators);
    const cases: Record<string, unknown>[] = [
      { uscc: code(1), n: 5, withTax: true },
      { uscc: code(2), n: 5, withTax: true, region: '35' },
      { uscc: code(3), n: 50, withTax: true },
      { uscc: code(3), n: 50, withTax: false },
      { uscc: code(3), withTax: false },
      { uscc: code(3), n: null, withTax: false },
    ];
    const answers = cases.map((v) => cache.estimate(doc, undefined, v));
    expect(answers).toEqual(cases.map(fresh));
    // The USCC and the region filter do not price the operation; page size and @include do.
    expect(new Set(answers).size).toBe(3);
    expect(cache.misses).toBe(5);
    expect(cache.estimate(doc, undefined, { uscc: code(4), n: 50, withTax: false })).toBe(fresh(cases[3]!));
    expect(cache.misses).toBe(5);
  });

  it('does not keep estimates keyed by long variable values (a portfolio of 1,000 codes)', async () => {
    const s = await schemaOnce();
    const cache = new CostEstimateCache(s, costEstimators(50));
    const doc = parse('query($u: [String!]!) { portfolioRisk(usccs: $u) { input profile { score } } }');
    const usccs = Array.from({ length: 1000 }, (_, i) => `9135${String(i).padStart(14, '0')}`);
    expect(cache.estimate(doc, undefined, { u: usccs })).toBe(1 + 1000 * 2);
    expect(cache.estimate(doc, undefined, { u: usccs })).toBe(1 + 1000 * 2);
    expect(cache.misses).toBe(2);
    expect(cache.estimate(doc, undefined, { u: ['a'] })).toBe(3);
    expect(cache.estimate(doc, undefined, { u: ['b'] })).toBe(3);
    expect(cache.misses).toBe(4);
  });
});

let schema: Awaited<ReturnType<typeof buildHubSchema>> | undefined;
async function schemaOnce() {
  schema ??= await buildHubSchema(HUB);
  return schema;
}

describe('token bucket in memory', () => {
  it('takes costs, refuses past the capacity with the wait, and refills evenly', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(() => now);
    const bucket = { capacity: 100, windowSeconds: 10 }; // 10 points a second
    expect(await limiter.take('k', 60, bucket)).toMatchObject({ allowed: true, remaining: 40 });
    expect(await limiter.take('k', 60, bucket)).toMatchObject({
      allowed: false,
      remaining: 40,
      retryAfter: 2,
    });
    now = 2000;
    expect(await limiter.take('k', 60, bucket)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await limiter.take('other', 100, bucket)).toMatchObject({ allowed: true, remaining: 0 });
  });
});

describe('execution gate', () => {
  it('caps per principal without holding up other principals, in order', async () => {
    const gate = new ExecutionGate(3, 2, 60_000);
    const heavy1 = await gate.acquire('heavy');
    await gate.acquire('heavy');
    const started: string[] = [];
    const queued = gate.acquire('heavy').then((release) => {
      started.push('heavy-3');
      return release;
    });
    // The third heavy operation waits for its principal's cap; a small client passes it.
    const small = await gate.acquire('small');
    started.push('small');
    expect(gate.queued).toBe(1);
    heavy1();
    await queued;
    expect(started).toEqual(['small', 'heavy-3']);
    small();
    expect(gate.executing).toBe(2);
  });

  it('refuses with RATE_LIMITED after the queue timeout', async () => {
    const gate = new ExecutionGate(1, 1, 10);
    await gate.acquire('a');
    await expect(gate.acquire('a')).rejects.toBeInstanceOf(RateLimitedError);
    expect(gate.queued).toBe(0);
  });
});

describe('Accept negotiation as Apollo does it', () => {
  it.each([
    [undefined, true],
    ['application/json', true],
    ['application/graphql-response+json', false],
    ['application/graphql-response+json, application/json', false],
    ['application/json, application/graphql-response+json', true],
    ['application/json;q=0.5, application/graphql-response+json', false],
    ['*/*', true],
  ])('%s -> legacy application/json: %s', (accept, legacy) => {
    expect(answersAsLegacyJson(accept)).toBe(legacy);
  });
});
