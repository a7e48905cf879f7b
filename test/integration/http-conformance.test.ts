import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditServer } from 'graphql-http';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

// The audit's variables probes query `__type(name: $name)`, so production runs it with
// introspection enabled (GRAPHQL_EXPLORER=true); with it off, those are refused by design
// (see "production mode hides the schema" below).
// One database for the file; each describe's hub is an instance on it with its own settings.
let database: TestHub;
beforeAll(async () => {
  database = await startTestHub();
});
afterAll(async () => {
  await database?.close();
});

describe.each([
  ['development', {}],
  [
    'production',
    {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-test-secret-of-at-least-32-characters!!',
      GRAPHQL_EXPLORER: 'true',
    },
  ],
] as const)('GraphQL over HTTP audit in %s mode', (_mode, env) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ sharing: database, env });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('graphql-http auditServer reports no MUST failure and no SHOULD warning (MAY notices allowed)', async () => {
    const auth = await hub.headersFor({ principal: PRINCIPALS.bank });
    const results = await auditServer({
      url: `${hub.url}/graphql`,
      // A signed-in client; GET needs a preflight-forcing header (Apollo's CSRF prevention).
      fetchFn: (input: string | URL | Request, init?: RequestInit) =>
        fetch(input, {
          ...init,
          headers: {
            ...Object.fromEntries(new Headers(init?.headers)),
            ...auth,
            'apollo-require-preflight': 'true',
          },
        }),
    });
    const problems = await Promise.all(
      results
        .filter((r) => r.status === 'warn' || r.status === 'error')
        .map(async (r) => `${r.status} ${r.name}: ${'reason' in r ? r.reason : ''}`),
    );
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(20);
  });

  const post = async (body: string, contentType: string, accept = 'application/json') =>
    fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        accept,
        ...(await hub.headersFor({ principal: PRINCIPALS.bank })),
      },
      body,
    });

  it('answers malformed JSON with 400 and a GraphQL error body coded BAD_REQUEST', async () => {
    const res = await post('{"query": "{ me { id } }"', 'application/json');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
    const ok = await post('{"query": "{ me { id } }"}', 'application/json');
    expect(ok.status).toBe(200);
  });

  it('answers an unsupported content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await post('{ me { id } }', 'application/xml', 'application/graphql-response+json');
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
  });

  it('answers a document that fails validation 200 for application/json and 400 for graphql-response+json', async () => {
    const body = JSON.stringify({ query: '{ me { nope } }' });
    const legacy = await post(body, 'application/json', 'application/json');
    expect(legacy.status).toBe(200);
    const modern = await post(body, 'application/json', 'application/graphql-response+json');
    expect(modern.status).toBe(400);
    const codes = ((await modern.json()) as { errors: { extensions: { code: string } }[] }).errors.map(
      (e) => e.extensions.code,
    );
    expect(codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('production mode hides the schema', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({
      sharing: database,
      env: { NODE_ENV: 'production', JWT_SECRET: 'a-test-secret-of-at-least-32-characters!!' },
    });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('answers a misspelt field without "Did you mean", and refuses introspection', async () => {
    const res = await hub.as({ principal: PRINCIPALS.bank })(
      '{ enterprise(uscc: "91350100M000100Y43") { taxGrade } }',
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const introspection = await hub.as({ principal: PRINCIPALS.bank })('{ __schema { types { name } } }');
    expect(introspection.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(introspection.body.data).toBeUndefined();
  });

  it('still answers a well-formed operation', async () => {
    const res = await hub.as({ principal: PRINCIPALS.bank })('{ me { id } }');
    expect(res.body.data).toEqual({ me: { id: 'risk-engine' } });
  });
});

describe('development mode keeps suggestions (so the production test above can fail)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ sharing: database });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('suggests taxGrades for taxGrade', async () => {
    const res = await hub.graphql('{ enterprise(uscc: "91350100M000100Y43") { taxGrade } }');
    expect(res.body.errors?.[0]?.message).toMatch(/Did you mean "taxGrades"/);
  });
});
