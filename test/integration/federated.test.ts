import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { GraphQLObjectType, getNamedType, isLeafType, isObjectType, type GraphQLSchema } from 'graphql';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import type { CatalogFieldEntry } from '../../src/auth/catalog.js';
import { hubCatalog } from '../../src/auth/hub-catalog.js';
import { Purpose } from '../../src/auth/purpose.js';
import { Department } from '../../src/common/department.js';
import { DEVELOPMENT_FEDERATION_SECRET } from '../../src/config/config.js';
import { FEDERATION_PARTS } from '../../src/federated-parts.js';
import { subgraphNames } from '../../src/server/federation/federation.js';
import {
  GATEWAY_TOKEN_HEADER,
  internalKey,
  signGatewayToken,
} from '../../src/server/federation/internal-token.js';
import { startFederatedProcess, type FederatedProcess } from '../helpers/federated-process.js';
import { PRINCIPALS, department } from '../helpers/principals.js';
import { LOCAL_POSTGRES_URL } from '../helpers/test-db.js';
import { startTestHub, type Caller, type TestHub } from '../helpers/test-hub.js';

/**
 * Federated mode, started as a user starts it (the subgraph processes and the
 * gateway on one PostgreSQL: this file runs on PostgreSQL whatever DATABASE_URL
 * says, as PGlite is one process's database), compared with the single-process
 * hub on the same database for the same principal.
 */
const LIMITS = {
  MAX_ALIASES: '100000',
  MAX_ROOT_FIELDS: '100000',
  MAX_SELECTIONS: '1000000',
  MAX_OPERATION_COST: '1000000000',
  RATE_LIMIT_POINTS:
    'DEPARTMENT=1000000000,BANK=1000000000,ANALYST=1000000000,AUDITOR=1000000000,ADMIN=1000000000',
};

let hub: TestHub;
let fed: FederatedProcess;
const names = subgraphNames(FEDERATION_PARTS);

beforeAll(async () => {
  hub = await startTestHub({
    enterprises: 60,
    adminUrl: process.env.DATABASE_URL ?? LOCAL_POSTGRES_URL,
    env: LIMITS,
  });
  fed = await startFederatedProcess(
    {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: hub.db.url!,
      SEED_ON_EMPTY: 'false',
      ...LIMITS,
    },
    names.length,
  );
}, 180_000);
afterAll(async () => {
  const stopped = await fed?.stop();
  await hub?.close();
  // Stopped by Ctrl-C (SIGINT to its process group): every process drained, closed and gone.
  expect(stopped?.groupAlive).toBe(false);
  // npm itself re-raises the SIGINT it was stopped by; the launcher alone exits 0.
  expect([
    JSON.stringify({ code: null, signal: 'SIGINT' }),
    JSON.stringify({ code: 0, signal: null }),
  ]).toContain(JSON.stringify({ code: stopped?.code, signal: stopped?.signal }));
});

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function post(url: string, query: string, variables: unknown, headers: Record<string, string>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

const viaGateway = async (
  caller: Caller,
  query: string,
  variables?: unknown,
  extra: Record<string, string> = {},
) => post(`${fed.gateway}/graphql`, query, variables, { ...(await hub.headersFor(caller)), ...extra });
const viaHub = async (caller: Caller, query: string, variables?: unknown) =>
  post(`${hub.url}/graphql`, query, variables, await hub.headersFor(caller));

/** When a profile was computed depends on which reader refreshed it first; what it says does not. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'computedAt' && v !== null ? 'present' : stable(v)]),
  );
}

/** What a client can tell apart: the data, and each error's path, code and message. */
const answer = (body: Body) => ({
  data: stable(body.data ?? null),
  errors: (body.errors ?? [])
    .map((e) => `${(e.path ?? []).join('.')} ${String(e.extensions?.code)} ${e.message}`)
    .sort(),
});

const EXAMPLES = readdirSync('queries')
  .filter((f) => f.endsWith('.graphql'))
  .sort();
const VARIABLES = JSON.parse(readFileSync('queries/variables.json', 'utf8')) as Record<string, unknown>;

const CALLERS: Record<string, Caller> = {
  'a bank with every agreement': { principal: PRINCIPALS.reader, purpose: Purpose.CREDIT_ASSESSMENT },
  'a bank without agreements': { principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT },
  'the tax bureau, no purpose': { principal: PRINCIPALS.tax },
  'an auditor': { principal: PRINCIPALS.auditor, purpose: Purpose.SUPERVISION },
};

describe('federated mode (npm run start:federated)', () => {
  it('serves every operation in queries/ with the same data and errors as the single hub', async () => {
    let compared = 0;
    for (const [label, caller] of Object.entries(CALLERS)) {
      for (const file of EXAMPLES) {
        const query = readFileSync(`queries/${file}`, 'utf8');
        const single = await viaHub(caller, query, VARIABLES[file]);
        const federated = await viaGateway(caller, query, VARIABLES[file]);
        expect({ label, file, ...answer(federated.body) }).toEqual({ label, file, ...answer(single.body) });
        expect({ label, file, status: federated.status }).toEqual({ label, file, status: single.status });
        compared++;
      }
    }
    expect(compared).toBe(EXAMPLES.length * Object.keys(CALLERS).length);
    // The comparison is of real answers: the reader is served every example's data.
    for (const file of EXAMPLES) {
      const res = await viaGateway(
        CALLERS['a bank with every agreement']!,
        readFileSync(`queries/${file}`, 'utf8'),
        VARIABLES[file],
      );
      expect({ file, errors: res.body.errors ?? [] }).toEqual({ file, errors: [] });
      expect(Object.values(res.body.data ?? {}).some((v) => v !== null)).toBe(true);
    }
  });

  it('passes the authorisation matrix: every catalogued field, principal and purpose as the single hub decides it', async () => {
    const { query, fields } = matrixQuery(hub.app.schema, hubCatalog(hub.hub.modules));
    const principals: TokenClaims[] = [
      ...Object.values(Department).map(department),
      PRINCIPALS.bank,
      PRINCIPALS.reader,
      PRINCIPALS.analyst,
      PRINCIPALS.auditor,
      PRINCIPALS.admin,
    ];
    let forbidden = 0;
    let cells = 0;
    for (const principal of principals) {
      for (const purpose of [Purpose.CREDIT_ASSESSMENT, Purpose.STATISTICS, undefined]) {
        const caller = { principal, purpose };
        const single = await viaHub(caller, query);
        const federated = await viaGateway(caller, query);
        const label = `${principal.org} ${purpose ?? 'no purpose'}`;
        expect({ label, ...answer(federated.body) }).toEqual({ label, ...answer(single.body) });
        forbidden += (federated.body.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').length;
        cells += fields;
      }
    }
    process.stdout.write(`authorisation matrix through the gateway: ${cells} cells\n`);
    // Both outcomes occur, so the equality above compares denials as well as values.
    expect(forbidden).toBeGreaterThan(0);
    const owner = await viaGateway({ principal: PRINCIPALS.tax }, query);
    const bank = await viaGateway({ principal: PRINCIPALS.bank, purpose: Purpose.CREDIT_ASSESSMENT }, query);
    const taxGrades = (b: Body) =>
      ((b.data?.enterprises as { edges: { node: { taxGrades: unknown } }[] }).edges ?? []).map(
        (e) => e.node.taxGrades,
      );
    expect(taxGrades(owner.body).some((t) => t !== null)).toBe(true);
    expect(taxGrades(bank.body).every((t) => t === null)).toBe(true);
    expect(
      bank.body.errors?.some(
        (e) => e.extensions?.code === 'FORBIDDEN' && e.extensions.resource === 'credit.taxGrades',
      ),
    ).toBe(true);
  });

  it('a subgraph called directly refuses without a valid gateway token (UNAUTHENTICATED)', async () => {
    const query = '{ enterprises(first: 1) { edges { node { uscc name } } } }';
    const registry = `http://127.0.0.1:${fed.subgraphPort + names.indexOf('registry')}/graphql`;
    const key = internalKey(DEVELOPMENT_FEDERATION_SECRET);
    const claims = {
      principal: {
        id: 'test-reader',
        organisation: 'TEST_READER',
        kind: PRINCIPALS.reader.kind,
        scopes: [],
        department: undefined,
        via: 'jwt' as const,
      },
      purpose: Purpose.CREDIT_ASSESSMENT,
      operationId: 'direct-call',
    };
    const refusals: Record<string, Record<string, string>> = {
      'no token': {},
      "the client's own bearer token": await hub.headersFor(CALLERS['a bank with every agreement']!),
      'a token for another subgraph': {
        [GATEWAY_TOKEN_HEADER]: await signGatewayToken(key, 'credit', claims, 60),
      },
      'a token signed with another key': {
        [GATEWAY_TOKEN_HEADER]: await signGatewayToken(internalKey('x'.repeat(48)), 'registry', claims, 60),
      },
    };
    for (const [label, headers] of Object.entries(refusals)) {
      const res = await post(registry, query, {}, headers);
      expect({
        label,
        status: res.status,
        data: res.body.data ?? null,
        code: res.body.errors?.[0]?.extensions?.code,
      }).toEqual({
        label,
        status: 401,
        data: null,
        code: 'UNAUTHENTICATED',
      });
    }
    // Every subgraph refuses, not only the registry.
    for (const [i, name] of names.entries()) {
      const res = await post(`http://127.0.0.1:${fed.subgraphPort + i}/graphql`, '{ __typename }', {}, {});
      expect({ name, code: res.body.errors?.[0]?.extensions?.code }).toEqual({
        name,
        code: 'UNAUTHENTICATED',
      });
    }
    // What is refused is the token: the gateway's own kind of token is served.
    const served = await post(
      registry,
      query,
      {},
      {
        [GATEWAY_TOKEN_HEADER]: await signGatewayToken(key, 'registry', claims, 60),
      },
    );
    expect(served.body.errors).toBeUndefined();
    expect((served.body.data?.enterprises as { edges: unknown[] }).edges).toHaveLength(1);
  });

  it('writes one access-log record per subgraph fetch that read conditional data, linked by the operation id, and the chain verifies', async () => {
    const operationId = `fed-${randomUUID()}`;
    const caller = CALLERS['a bank with every agreement']!;
    const res = await viaGateway(
      caller,
      readFileSync('queries/enterprise-profile.graphql', 'utf8'),
      VARIABLES['enterprise-profile.graphql'],
      { 'x-request-id': operationId },
    );
    expect(res.body.errors).toBeUndefined();
    const records = await hub.orm.em
      .fork()
      .execute<
        { organisation: string; owners: string[]; resources: string[] }[]
      >('select organisation, owners, resources from audit_access_log where request_id = ? order by id', [operationId]);
    // Conditional data of several departments, each served by its own subgraph: one record each.
    expect(records.length).toBeGreaterThan(1);
    expect(new Set(records.map((r) => r.organisation))).toEqual(new Set(['TEST_READER']));
    const resources = records.flatMap((r) => r.resources);
    expect(resources).toEqual(expect.arrayContaining(['credit.taxGrades']));
    // A resource is on exactly one subgraph's record.
    expect(new Set(resources).size).toBe(resources.length);

    const verify = spawnSync(process.execPath, ['dist/src/audit/cli/verify.js'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: hub.db.url! },
      encoding: 'utf8',
    });
    expect({ status: verify.status, stderr: verify.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('refuses to start on PGlite, naming DATABASE_URL (exit 2)', () => {
    const run = spawnSync(process.execPath, ['dist/src/federated.js', 'start'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining('federated mode needs PostgreSQL: set DATABASE_URL') as unknown,
    });
  });
});

/**
 * One operation selecting every catalogued field reachable from a page of
 * enterprises (records through their connections), for the matrix above.
 */
function matrixQuery(
  schema: GraphQLSchema,
  catalog: ReadonlyMap<string, CatalogFieldEntry>,
): { query: string; fields: number } {
  let fields = 0;
  const catalogued = new Set([...catalog.values()].map((e) => e.typeName));
  const select = (type: GraphQLObjectType, seen: ReadonlySet<string>): string => {
    const parts: string[] = [];
    for (const field of Object.values(type.getFields())) {
      if (!catalog.has(`${type.name}.${field.name}`) || field.name === 'record') continue;
      fields++;
      const named = getNamedType(field.type);
      if (isObjectType(named) && named.name.endsWith('Connection')) {
        const edge = getNamedType(named.getFields().edges!.type) as GraphQLObjectType;
        const node = getNamedType(edge.getFields().node!.type) as GraphQLObjectType;
        const inner =
          catalogued.has(node.name) && !seen.has(node.name)
            ? `edges { node { ${select(node, new Set([...seen, node.name]))} } }`
            : '';
        parts.push(`${field.name}(first: 5) { totalCount ${inner} }`);
      } else if (isObjectType(named) && catalogued.has(named.name) && !seen.has(named.name)) {
        parts.push(`${field.name} { ${select(named, new Set([...seen, named.name]))} }`);
      } else {
        parts.push(isLeafType(named) ? field.name : `${field.name} { __typename }`);
      }
    }
    return parts.join(' ');
  };
  const enterprise = schema.getType('Enterprise') as GraphQLObjectType;
  return {
    query: `query FederatedMatrix { enterprises(first: 15) { edges { node { ${select(enterprise, new Set(['Enterprise']))} } } } }`,
    fields,
  };
}
