import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EnterpriseProfileDocument, EnterprisesInRegionDocument } from '../gql/graphql.js';
import { Purpose } from '../../src/auth/purpose.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { DEMO_PRINCIPALS } from '../../seeds/demo-principals.js';
import { expectedAsBankXiamen } from '../../scripts/readme-expectations.js';
import { seedGovernance } from '../../seeds/governance.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const README = readFileSync('README.md', 'utf8');
const QUERY_FILES = readdirSync('queries').filter((f) => f.endsWith('.graphql'));

/** Variables the README shows next to each example operation. */
const EXAMPLE_VARIABLES = JSON.parse(readFileSync('queries/variables.json', 'utf8')) as Record<
  string,
  Record<string, unknown>
>;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 60 });
});
afterAll(async () => {
  await hub?.close();
});

describe('README examples', () => {
  it.each(QUERY_FILES)('%s is shown in the README verbatim, with its variables', (file) => {
    const text = readFileSync(`queries/${file}`, 'utf8').trim();
    expect(README).toContain(text);
    expect(README).toContain(JSON.stringify(EXAMPLE_VARIABLES[file]));
  });

  it.each(QUERY_FILES)('%s runs without errors against a seeded hub', async (file) => {
    const res = await hub.graphql(readFileSync(`queries/${file}`, 'utf8'), EXAMPLE_VARIABLES[file]);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it('each curl command of the examples section posts a body the hub answers without errors', async () => {
    const section = README.slice(
      README.indexOf('<!-- examples:start -->'),
      README.indexOf('<!-- examples:end -->'),
    );
    // The body as the shell passes it: '\'' is how a single quote is written inside '…'.
    const bodies = [...section.matchAll(/--data '((?:[^']|'\\'')*)'/g)].map((m) =>
      m[1]!.replaceAll("'\\''", "'"),
    );
    expect(bodies).toHaveLength(QUERY_FILES.length);
    const headers = await hub.headersFor({
      principal: PRINCIPALS.reader,
      purpose: Purpose.CREDIT_ASSESSMENT,
    });
    for (const body of bodies) {
      const res = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      const json = (await res.json()) as { errors?: unknown[] };
      expect({ status: res.status, errors: json.errors }).toEqual({ status: 200, errors: undefined });
    }
  });

  it('the profile example returns the transport company with records from every department', async () => {
    const res = await hub.graphql(EnterpriseProfileDocument, { uscc: '91350200776049653A' });
    const e = res.body.data!.enterprise!;
    expect(e.provenance?.department).toBe('MARKET_REGULATION');
    expect(e.industrySection).toBe('G');
    expect(e.transportLicences?.edges.some((l) => l.node.businessScopes?.includes('DANGEROUS_GOODS'))).toBe(
      true,
    );
    expect(e.vehicles?.edges.every((v) => v.node.keyVehicle === true)).toBe(true);
    expect(['C', 'D']).toContain(e.transportCreditRatings?.edges[0]?.node.grade);
    expect(e.listEntries?.edges.map((l) => l.node.list)).toContain('BUSINESS_ANOMALY');
    expect(e.socialInsuranceAccounts?.edges.length).toBeGreaterThan(0);
  });

  it('the region example lists only Fujian manufacturers, largest first', async () => {
    const res = await hub.graphql(EnterprisesInRegionDocument, { region: '35' });
    const nodes = res.body.data!.enterprises!.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.regionCode?.startsWith('35'))).toBe(true);
    const capitals = nodes.map((n) => n.registeredCapital ?? 0);
    expect(capitals).toEqual([...capitals].sort((a, b) => b - a));
  });

  it('the configuration table matches the settings in code', async () => {
    const { settingsTable } = await import('../../src/config/describe.js');
    expect(README).toContain(settingsTable());
  });
});

/**
 * What the README's own `$TOKEN` (bank-xiamen, with the demo agreements `npm start` seeds)
 * gets back from each example: the README states it per example (generated from
 * queries/expected-as-bank-xiamen.json), and this compares it with a seeded hub's answers.
 */
const AS_BANK_XIAMEN = JSON.parse(readFileSync('queries/expected-as-bank-xiamen.json', 'utf8')) as Record<
  string,
  { errors: number; denied: { code: string; reason?: string; resource?: string }[] }
>;

describe('README examples as bank-xiamen (the quick start token)', () => {
  beforeAll(async () => {
    await seedGovernance(hub.orm.em.fork());
  });

  it.each(QUERY_FILES)('%s answers bank-xiamen as the README says', async (file) => {
    const res = await hub.as({
      principal: DEMO_PRINCIPALS['bank-xiamen'],
      purpose: Purpose.CREDIT_ASSESSMENT,
    })(readFileSync(`queries/${file}`, 'utf8'), EXAMPLE_VARIABLES[file]);
    const errors = res.body.errors ?? [];
    const denied = [
      ...new Map(
        errors.map((e) => {
          const x = e.extensions ?? {};
          const d = {
            code: String(x.code),
            ...(typeof x.reason === 'string' ? { reason: x.reason } : {}),
            ...(typeof x.resource === 'string' ? { resource: x.resource } : {}),
          };
          return [JSON.stringify(d), d] as const;
        }),
      ).values(),
    ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(res.body.data).toBeTruthy();
    expect({ file, errors: errors.length, denied }).toEqual({ file, ...AS_BANK_XIAMEN[file] });
    expect(README).toContain(expectedAsBankXiamen(file));
  });
});
