import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 10 });
});
afterAll(async () => {
  await hub?.close();
});

const codes = (res: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  (res.body.errors ?? []).map((e) => e.extensions?.code);

describe('coded errors', () => {
  it('a bad USCC in a variable is BAD_USER_INPUT naming the failed check', async () => {
    const res = await hub.graphql('query ($u: USCC!) { enterprise(uscc: $u) { name } }', {
      u: '91350100M000100Y44',
    });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.message).toContain(
      "check character (position 18, GB 32100) is '4', expected '3'",
    );
    expect(res.body.errors![0]!.extensions?.reason).toBe('CHECK_CHARACTER');
  });

  it('a bad USCC literal is BAD_USER_INPUT too', async () => {
    const res = await hub.graphql('{ enterprise(uscc: "91350100M0001O0Y43") { name } }');
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.message).toContain("character 'O' at position 14");
  });

  it('a page size over the cap is BAD_USER_INPUT naming first and the cap', async () => {
    const res = await hub.graphql('{ enterprises(first: 1001) { totalCount } }');
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.message).toBe('first must be between 1 and 1000, got 1001');
    expect(res.body.errors![0]!.extensions?.argument).toBe('first');
  });

  it('an unknown enum filter value is a validation error, not an internal one', async () => {
    const literal = await hub.graphql('{ enterprises(filter: { status: [ASLEEP] }) { totalCount } }');
    expect(literal.status).toBe(400);
    expect(codes(literal)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(literal.body.errors![0]!.message).toContain('ASLEEP');
    const variable = await hub.graphql(
      'query ($s: [EnterpriseStatus!]) { enterprises(filter: { status: $s }) { totalCount } }',
      {
        s: ['ASLEEP'],
      },
    );
    expect(variable.status).toBe(400);
    expect(codes(variable)).toEqual(['BAD_USER_INPUT']);
  });

  it('a malformed region prefix is BAD_USER_INPUT naming the filter field', async () => {
    const res = await hub.graphql('{ enterprises(filter: { regionPrefix: "1" }) { totalCount } }');
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.message).toContain('filter.regionPrefix must be 2, 4 or 6 digits');
  });

  it('a cursor this list did not issue is BAD_USER_INPUT', async () => {
    const res = await hub.graphql('{ enterprises(after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.message).toContain('after is not a cursor');
  });

  it('an impossible date is BAD_USER_INPUT naming the scalar', async () => {
    const res = await hub.graphql(
      '{ enterprises(filter: { establishedFrom: "2026-13-40" }) { totalCount } }',
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.message).toContain('Invalid LocalDate');
    const asVariable = await hub.graphql(
      'query ($d: LocalDate) { enterprises(filter: { establishedTo: $d }) { totalCount } }',
      {
        d: '2026-02-30',
      },
    );
    expect(codes(asVariable)).toEqual(['BAD_USER_INPUT']);
  });

  it('a syntax error is GRAPHQL_PARSE_FAILED with HTTP 400', async () => {
    const res = await hub.graphql('{ enterprise(uscc: ');
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });
});

describe('unknown enterprise', () => {
  it('is NOT_FOUND', async () => {
    // A well-formed code that the seed did not create.
    const res = await hub.graphql('query ($u: USCC!) { enterprise(uscc: $u) { name } }', {
      u: '91110108MA01ABCD5T',
    });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(res.body.data).toEqual({ enterprise: null });
    expect(res.body.errors![0]!.message).toBe(
      'No enterprise with USCC 91110108MA01ABCD5T is registered in the hub',
    );
  });
});
