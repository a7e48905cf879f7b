import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { mintToken } from '../../src/auth/authenticate.js';
import { Purpose } from '../../src/auth/purpose.js';
import { loadConfig, type HubConfig } from '../../src/config/config.js';
import { createOrm, type HubOrm } from '../../src/db/orm.js';
import { QueryCounter } from '../../src/db/query-counter.js';
import { FEDERATION_PARTS } from '../../src/federated-parts.js';
import { HUB } from '../../src/hub.js';
import { platformTypeNames } from '../../src/server/platform.js';
import { composeSupergraphWithApi } from '../../src/server/federation/compose.js';
import { federationSubgraphs } from '../../src/server/federation/federation.js';
import { buildGatewayApp, type GatewayApp } from '../../src/server/federation/gateway.server.js';
import { buildSubgraphApp, type SubgraphApp } from '../../src/server/federation/subgraph.server.js';
import { createLogger } from '../../src/server/logger.js';
import { buildHubSchema } from '../../src/server/schema.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { LOCAL_POSTGRES_URL } from '../helpers/test-db.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

/**
 * Statement counts per subgraph: the subgraphs and the gateway built in this process
 * (each subgraph on a pool of its own, counted by its own ORM logger) on one
 * PostgreSQL database, so each subgraph's statements can be told apart. The page of
 * enterprises asks every department subgraph, the risk subgraph, and the registry
 * again for the enterprise behind each penalty (`_entities`).
 */
let hub: TestHub;
let config: HubConfig;
let gateway: GatewayApp;
let gatewayUrl: string;
let gatewayOrm: HubOrm;
let supergraphApi: string;
let rejecting: GatewayApp;
let rejectingUrl: string;
const subgraphs: { name: string; orm: HubOrm; app: SubgraphApp; counter: QueryCounter }[] = [];

const PAGE = readFileSync('queries/enterprise-page.graphql', 'utf8')
  .replace(
    '        status\n',
    '        status\n        riskProfile {\n          score\n          grade\n        }\n',
  )
  .replace(
    '              enterprise {\n                uscc\n',
    '              enterprise {\n                uscc\n                name\n',
  );

beforeAll(async () => {
  hub = await startTestHub({ enterprises: 220, adminUrl: process.env.DATABASE_URL ?? LOCAL_POSTGRES_URL });
  config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: hub.db.url! });
  const log = createLogger(config);
  const hubSchema = await buildHubSchema(HUB);
  const definitions = federationSubgraphs(FEDERATION_PARTS, hubSchema);
  const urls = new Map<string, string>();
  for (const definition of definitions) {
    const counter = new QueryCounter();
    const orm = await createOrm(HUB, config, { loggerFactory: counter.loggerFactory });
    const app = await buildSubgraphApp({
      orm,
      config,
      log,
      definition,
      platformTypes: platformTypeNames(HUB),
    });
    urls.set(definition.name, `${await app.http.listen({ port: 0, host: '127.0.0.1' })}/graphql`);
    subgraphs.push({ name: definition.name, orm, app, counter });
  }
  const composed = composeSupergraphWithApi(definitions, (name) => urls.get(name)!);
  supergraphApi = printSchema(lexicographicSortSchema(composed.apiSchema));
  gatewayOrm = await createOrm(HUB, config);
  gateway = await buildGatewayApp({ orm: gatewayOrm, config, log, hubSchema, supergraphSdl: composed.sdl });
  gatewayUrl = `${await gateway.http.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  // A second gateway over the same subgraphs, in reject mode (a whole-operation rule).
  rejecting = await buildGatewayApp({
    orm: gatewayOrm,
    config: loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: hub.db.url!,
      AUTHZ_MODE: 'reject',
    }),
    log,
    hubSchema,
    supergraphSdl: composed.sdl,
  });
  rejectingUrl = `${await rejecting.http.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
}, 120_000);
afterAll(async () => {
  await rejecting?.http.close();
  await gateway?.http.close();
  await gatewayOrm?.close(true);
  for (const s of subgraphs) {
    await s.app.http.close();
    await s.orm.close(true);
  }
  await hub?.close();
});

interface Page {
  data?: {
    enterprises: {
      pageInfo: { endCursor: string | null };
      edges: { node: { riskProfile: unknown; penalties: { edges: unknown[] } | null } }[];
    };
  };
  errors?: unknown[];
}

async function page(first: number, after: string | null): Promise<Page> {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await mintToken(config, PRINCIPALS.reader)}`,
      'x-purpose': Purpose.CREDIT_ASSESSMENT,
    },
    body: JSON.stringify({ query: PAGE, variables: { first, after } }),
  });
  const body = (await res.json()) as Page;
  expect(body.errors).toBeUndefined();
  expect(body.data?.enterprises.edges).toHaveLength(first);
  return body;
}

async function statementsPerSubgraph(first: number, after: string | null): Promise<Record<string, number>> {
  for (const s of subgraphs) s.counter.reset();
  const body = await page(first, after);
  expect(body.data?.enterprises.edges.every((e) => e.node.riskProfile !== null)).toBe(true);
  return Object.fromEntries(subgraphs.map((s) => [s.name, s.counter.count]));
}

describe('federated statement counts', () => {
  it('a page of 1 and of 200 enterprises cost each subgraph the same number of statements', async () => {
    // Both pages start at an enterprise with a penalty: the gateway asks the registry for the
    // enterprise behind each penalty only when there is one, for N = 1 as for N = 200.
    const warm = await page(200, null);
    const first = warm.data!.enterprises.edges.findIndex((e) => (e.node.penalties?.edges.length ?? 0) > 0);
    expect(first).toBeGreaterThanOrEqual(0);
    const after = first === 0 ? null : (await page(first, null)).data!.enterprises.pageInfo.endCursor;
    // Profiles left stale by the seed are recomputed by the first read of them; the counted reads find them fresh.
    await page(200, after);
    const one = await statementsPerSubgraph(1, after);
    const twoHundred = await statementsPerSubgraph(200, after);
    process.stdout.write(
      `SQL statements per subgraph for the all-domains page through the gateway: N=1 ${JSON.stringify(one)}, N=200 ${JSON.stringify(twoHundred)}\n`,
    );
    expect(twoHundred).toEqual(one);
    // Every department subgraph, the risk subgraph and the registry did work for the page.
    for (const name of ['registry', 'credit', 'medical-insurance', 'transport-credit', 'sci-tech', 'risk'])
      expect({ name, worked: (one[name] ?? 0) > 0 }).toEqual({ name, worked: true });
  });

  it("the supergraph's API schema is the single hub's schema without subscriptions", () => {
    const hubSdl = readFileSync('schema/schema.graphql', 'utf8');
    const withoutSubscription = hubSdl.replace(/\ntype Subscription \{[\s\S]*?\n\}\n\n/, '\n');
    expect(withoutSubscription).not.toBe(hubSdl);
    expect(`${supergraphApi.trim()}\n`).toBe(withoutSubscription);
  });

  it('runs the whole-operation rules at the gateway: reject mode and the purpose argument refuse before any subgraph is asked', async () => {
    const call = async (
      url: string,
      query: string,
      purpose?: Purpose,
      principal = PRINCIPALS.bank,
      requestId = randomUUID(),
    ) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await mintToken(config, principal)}`,
          ...(purpose ? { 'x-purpose': purpose } : {}),
          'x-request-id': requestId,
        },
        body: JSON.stringify({ query }),
      });
      return (await res.json()) as {
        data?: unknown;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      };
    };
    const quiet = () => subgraphs.every((s) => s.counter.count === 0);
    const taxGrades = '{ enterprises(first: 3) { edges { node { name taxGrades { totalCount } } } } }';

    for (const s of subgraphs) s.counter.reset();
    const refusedId = randomUUID();
    const refused = await call(
      rejectingUrl,
      taxGrades,
      Purpose.CREDIT_ASSESSMENT,
      PRINCIPALS.bank,
      refusedId,
    );
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      fields: ['Enterprise.taxGrades'],
    });
    expect(quiet()).toBe(true);
    // The refusal is on the access log, written by the gateway (no subgraph served anything).
    const records = await hub.orm.em
      .fork()
      .execute<
        { resources: string[] }[]
      >('select resources from audit_access_log where request_id = ?', [refusedId]);
    expect(records.map((r) => r.resources)).toEqual([['credit.taxGrades']]);
    // The same operation in partial mode: the names are served, taxGrades is null with FORBIDDEN.
    const partial = await call(gatewayUrl, taxGrades, Purpose.CREDIT_ASSESSMENT);
    expect(partial.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(JSON.stringify(partial.data)).toContain('"name"');

    // The purpose argument is read at the gateway: it serves the reader without a header...
    const usccs = JSON.stringify(
      (
        await hub.orm.em.fork().execute<{ uscc: string }[]>('select uscc from registry_enterprise limit 3')
      ).map((r) => r.uscc),
    );
    const byArgument = `{ portfolioRisk(usccs: ${usccs}, purpose: CREDIT_ASSESSMENT) { input profile { score } } }`;
    const served = await call(gatewayUrl, byArgument, undefined, PRINCIPALS.reader);
    expect(served.errors).toBeUndefined();
    expect(JSON.stringify(served.data)).toContain('"score"');
    // ...and refuses one that disagrees with the header, before any subgraph is asked.
    for (const s of subgraphs) s.counter.reset();
    const conflicting = await call(gatewayUrl, byArgument, Purpose.STATISTICS, PRINCIPALS.reader);
    expect(conflicting.data ?? null).toBeNull();
    expect(conflicting.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(quiet()).toBe(true);
  });
});
