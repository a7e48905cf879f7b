import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 5 });
});
afterAll(async () => {
  await hub?.close();
});

describe('GraphQL over HTTP', () => {
  it('GET /healthz reports the database', async () => {
    const res = await fetch(`${hub.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: hub.db.kind });
  });

  it('GET /readyz is 200 while the database answers and the access log is writable', async () => {
    const res = await fetch(`${hub.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: hub.db.kind });
  });

  it('answers POST with application/graphql-response+json when asked for it', async () => {
    const res = await hub.graphql('{ enterprise(uscc: "91350100M000100Y43") { uscc } }');
    expect(res.status).toBe(200);
    expect(res.contentType).toMatch(/^application\/graphql-response\+json/);
    expect(res.body.data).toEqual({ enterprise: { uscc: '91350100M000100Y43' } });
  });

  it('answers a query sent with GET', async () => {
    const query = encodeURIComponent('{ enterprise(uscc: "91350100M000100Y43") { uscc } }');
    const res = await fetch(`${hub.url}/graphql?query=${query}`, {
      headers: {
        accept: 'application/graphql-response+json',
        'apollo-require-preflight': 'true',
        ...(await hub.headersFor({ principal: PRINCIPALS.bank })),
      },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data?: unknown }).data).toEqual({
      enterprise: { uscc: '91350100M000100Y43' },
    });
  });

  it('refuses a GET without a preflight-forcing header (CSRF protection)', async () => {
    const query = encodeURIComponent('{ enterprise(uscc: "91350100M000100Y43") { uscc } }');
    const res = await fetch(`${hub.url}/graphql?query=${query}`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('91350100M000100Y43"}');
  });

  it('answers 401 UNAUTHENTICATED, and no data, without credentials', async () => {
    const res = await hub.as({ principal: null })('{ enterprise(uscc: "91350100M000100Y43") { uscc name } }');
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('GET /healthz needs no credentials', async () => {
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });

  it('refuses an unknown X-Purpose with BAD_USER_INPUT naming the header', async () => {
    const res = await hub.as({ principal: PRINCIPALS.bank, purpose: 'CURIOSITY' })(
      '{ enterprise(uscc: "91350100M000100Y43") { uscc } }',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'X-Purpose' });
    expect(res.body.errors?.[0]?.message).toContain('X-Purpose "CURIOSITY" is not a purpose of use');
  });

  it('returns 400 for a document that does not validate', async () => {
    const res = await hub.graphql('{ enterprise(uscc: "91350100M000100Y43") { noSuchField } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
