import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type GraphQLResponse, type TestHub } from '../helpers/test-hub.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Cost 21: 1 for the connection + 10 × (edge + node). See the README's cost model.
const PAGE = '{ enterprises(first: 10) { edges { node { uscc } } } }';
const PAGE_COST = 21;
const codes = (res: GraphQLResponse) => res.body.errors?.map((e) => e.extensions?.code);

async function postRaw(hub: TestHub, principal = PRINCIPALS.bank): Promise<Response> {
  return fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(await hub.headersFor({ principal })),
    },
    body: JSON.stringify({ query: PAGE }),
  });
}

// One database for the file: each describe's hub is another instance on it with its own
// settings (buckets live in each instance, or under a fresh Redis prefix), as instances
// behind one load balancer share a database.
let database: TestHub;
beforeAll(async () => {
  database = await startTestHub({ enterprises: 2 });
});
afterAll(async () => {
  await database?.close();
});

describe('rate limits in memory (one instance)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    // A bank may spend 3 pages a day; the override gives the other bank 10.
    hub = await startTestHub({
      sharing: database,
      env: {
        RATE_LIMIT_POINTS: `DEPARTMENT=1000,BANK=${3 * PAGE_COST},ANALYST=1000,AUDITOR=1000,ADMIN=1000`,
        RATE_LIMIT_WINDOW_SECONDS: '86400',
        RATE_LIMIT_OVERRIDES: `${PRINCIPALS.otherBank.org}/${PRINCIPALS.otherBank.sub}=${10 * PAGE_COST}`,
      },
    });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('takes each operation’s cost from the caller’s bucket and then refuses with RATE_LIMITED, Retry-After and RateLimit headers', async () => {
    const first = await postRaw(hub);
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe(String(3 * PAGE_COST));
    expect(first.headers.get('ratelimit-remaining')).toBe(String(2 * PAGE_COST));
    expect((await postRaw(hub)).status).toBe(200);
    expect((await postRaw(hub)).status).toBe(200);
    const refused = await postRaw(hub);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    const body = (await refused.json()) as GraphQLResponse['body'];
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter,
      estimated: PAGE_COST,
    });
  });

  it('keeps budgets per principal: another bank is still served, with its override', async () => {
    const other = await postRaw(hub, PRINCIPALS.otherBank);
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-limit')).toBe(String(10 * PAGE_COST));
  });

  it('myLimits shows the caller’s own budget', async () => {
    const res = await hub.as({ principal: PRINCIPALS.otherBank })<{ myLimits: { rateLimitPoints: number } }>(
      '{ myLimits { rateLimitPoints } }',
    );
    expect(res.body.data?.myLimits.rateLimitPoints).toBe(10 * PAGE_COST);
  });
});

describe('rate limits shared through Redis by two instances', () => {
  let a: TestHub;
  let b: TestHub;
  beforeAll(async () => {
    const env = {
      REDIS_URL,
      RATE_LIMIT_REDIS_PREFIX: `test:${randomUUID()}:`,
      RATE_LIMIT_POINTS: `DEPARTMENT=1000,BANK=${3 * PAGE_COST},ANALYST=1000,AUDITOR=1000,ADMIN=1000`,
      // Keys expire after two windows, so the shared Redis is left clean.
      RATE_LIMIT_WINDOW_SECONDS: '3600',
    };
    [a, b] = await Promise.all([
      startTestHub({ sharing: database, env }),
      startTestHub({ sharing: database, env }),
    ]);
    // Start-up waits only 3 s for Redis and then fails open outside production; on a slow
    // machine an operation could be served unmetered. Wait for both connections first.
    const connected = (hub: TestHub) =>
      (hub.app.limits.limiter as unknown as { ready(timeoutMs: number): Promise<void> }).ready(60_000);
    await Promise.all([connected(a), connected(b)]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('spends one budget across both: the fourth page is refused on whichever instance gets it', async () => {
    expect((await postRaw(a)).status).toBe(200);
    expect((await postRaw(b)).status).toBe(200);
    const third = await postRaw(a);
    expect(third.status).toBe(200);
    // The bucket refills evenly, so a slow machine sees a few points back: less than a page is what matters.
    expect(Number(third.headers.get('ratelimit-remaining'))).toBeLessThan(PAGE_COST);
    const fourth = await postRaw(b);
    expect(fourth.status).toBe(429);
    const body = (await fourth.json()) as GraphQLResponse['body'];
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    // Another principal's bucket is untouched on either instance.
    expect((await postRaw(b, PRINCIPALS.otherBank)).status).toBe(200);
  });
});

describe('Redis down', () => {
  const down = { REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_REDIS_PREFIX: `test:${randomUUID()}:` };
  let closed: TestHub;
  let open: TestHub;
  beforeAll(async () => {
    [closed, open] = await Promise.all([
      startTestHub({ sharing: database, env: { ...down, RATE_LIMIT_FAIL_OPEN: 'false' } }),
      startTestHub({ sharing: database, env: { ...down, RATE_LIMIT_FAIL_OPEN: 'true' } }),
    ]);
  });
  afterAll(async () => {
    await closed?.close();
    await open?.close();
  });

  it('fails closed when configured: RATE_LIMITED with a retry hint', async () => {
    const res = await closed.graphql('{ me { id } }');
    expect(res.status).toBe(429);
    expect(codes(res)).toEqual(['RATE_LIMITED']);
    expect(res.body.errors?.[0]?.extensions?.retryAfter).toBe(5);
  });

  it('fails open when configured: the operation is served', async () => {
    const res = await open.graphql('{ me { id } }');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ me: { id: 'test-reader' } });
  });

  it('defaults to closed in production and open otherwise', async () => {
    const { loadConfig } = await import('../../src/config/config.js');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).rateLimitFailOpen).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).rateLimitFailOpen).toBe(true);
  });
});

describe('bounded concurrency', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({
      sharing: database,
      env: { MAX_CONCURRENT_PER_PRINCIPAL: '1', OPERATION_QUEUE_TIMEOUT_MS: '0' },
    });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('refuses a principal at its cap with RATE_LIMITED, answers another principal, and lets it in once a slot frees', async () => {
    // Holds the bank's only slot as a long-running operation would.
    const release = await hub.app.limits.gate.acquire(`${PRINCIPALS.bank.org}/${PRINCIPALS.bank.sub}`);
    const busy = await postRaw(hub);
    expect(busy.status).toBe(429);
    const body = (await busy.json()) as GraphQLResponse['body'];
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'concurrency' });
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await postRaw(hub, PRINCIPALS.otherBank)).status).toBe(200);
    release();
    expect((await postRaw(hub)).status).toBe(200);
    expect(hub.app.limits.gate.executing).toBe(0);
  });
});
