import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLObjectType, getNamedType, isLeafType, isObjectType, type GraphQLSchema } from 'graphql';
import { SharingClass, type CatalogFieldEntry } from '../../src/auth/catalog.js';
import { hubCatalog } from '../../src/auth/hub-catalog.js';
import { maskPersonal } from '../../src/auth/masking.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';
import { Department } from '../../src/common/department.js';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import { PRINCIPALS, department } from '../helpers/principals.js';
import { grantEveryConditionalResource, startTestHub, type TestHub } from '../helpers/test-hub.js';

/**
 * The authorisation matrix: every catalogued field × every principal kind (each
 * department as owner and as non-owner) × with / without an agreement × right /
 * wrong / no purpose. Generated from the catalog and the schema, so a new
 * catalogued field is covered without editing this file. The expected cell comes
 * from `expected` below, which restates the sharing rules independently of the
 * code under test; values are compared with what the owner itself is served.
 */

type Cell = 'value' | 'masked' | 'deny';

const RIGHT = Purpose.CREDIT_ASSESSMENT;
const WRONG = Purpose.STATISTICS;

function expected(
  entry: CatalogFieldEntry,
  who: TokenClaims,
  hasAgreement: boolean,
  purpose: Purpose | undefined,
): Cell {
  if (who.kind === PrincipalKind.DEPARTMENT && who.org === entry.owner) return 'value';
  const readable =
    entry.sharing === SharingClass.UNCONDITIONAL ||
    (entry.sharing === SharingClass.CONDITIONAL && hasAgreement && purpose === RIGHT);
  if (!readable) return 'deny';
  return entry.personal ? 'masked' : 'value';
}

/** Where a catalogued field is found in the generated query: the response path to its values. */
interface Site {
  readonly key: string;
  readonly entry: CatalogFieldEntry;
  /** Response keys from data down to the field; lists along the way are flattened. */
  readonly path: readonly string[];
}

/**
 * Decided per record, not per field: RiskSignal.record follows the record's own
 * resource (tested in risk-views.test.ts, "usable but invisible").
 */
const DYNAMIC = new Set(['RiskSignal.record']);

function buildQuery(
  schema: GraphQLSchema,
  catalog: ReadonlyMap<string, CatalogFieldEntry>,
  usccs: readonly string[],
) {
  const sites: Site[] = [];
  const catalogued = new Set([...catalog.values()].map((e) => e.typeName));

  /** Selects every catalogued field of `type`, recursing into catalogued object types. */
  function select(type: GraphQLObjectType, path: string[], seen: Set<string>): string {
    const parts: string[] = [];
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      const entry = catalog.get(key);
      if (!entry || DYNAMIC.has(key)) continue;
      const named = getNamedType(field.type);
      if (isObjectType(named) && named.name.endsWith('Connection')) {
        const edge = getNamedType(named.getFields().edges!.type) as GraphQLObjectType;
        const node = getNamedType(edge.getFields().node!.type) as GraphQLObjectType;
        const alias = `${field.name}_items`;
        sites.push({ key, entry, path: [...path, alias] });
        if (catalogued.has(node.name) && !seen.has(node.name)) {
          const inner = select(node, [...path, alias, 'edges', 'node'], new Set([...seen, node.name]));
          parts.push(`${alias}: ${field.name}(first: 20) { totalCount edges { node { ${inner} } } }`);
        } else parts.push(`${alias}: ${field.name}(first: 20) { totalCount }`);
      } else if (isObjectType(named) && catalogued.has(named.name) && !seen.has(named.name)) {
        sites.push({ key, entry, path: [...path, field.name] });
        parts.push(
          `${field.name} { ${select(named, [...path, field.name], new Set([...seen, named.name]))} }`,
        );
      } else {
        sites.push({ key, entry, path: [...path, field.name] });
        parts.push(isObjectType(named) || !isLeafType(named) ? `${field.name} { __typename }` : field.name);
      }
    }
    return parts.join(' ');
  }

  const type = (name: string) => schema.getType(name) as GraphQLObjectType;
  const enterprise = select(type('Enterprise'), ['enterprises', 'edges', 'node'], new Set(['Enterprise']));
  const portfolio = select(
    type('PortfolioRiskItem'),
    ['portfolioRisk'],
    new Set(['PortfolioRiskItem', 'Enterprise']),
  );
  const statistics = select(
    type('RiskStatistics'),
    ['riskStatistics'],
    new Set(['RiskStatistics', 'Enterprise']),
  );
  const query = `query Matrix {
    enterprises(first: 40) { edges { node { ${enterprise} } } }
    portfolioRisk(usccs: ${JSON.stringify(usccs)}) { ${portfolio} }
    riskStatistics(groupBy: [RISK_GRADE]) { ${statistics} }
  }`;
  const seenKeys = new Set<string>();
  const unique = sites.filter((s) => (seenKeys.has(s.key) ? false : (seenKeys.add(s.key), true)));
  return { query, sites: unique };
}

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * When the profile was computed depends on which of two concurrent recomputes of
 * the same unchanged data committed last (the statistics and the profile loader
 * both refresh dirty profiles); its content does not. It counts by presence.
 */
const VOLATILE = new Set(['RiskProfile.computedAt']);

/** Object values (records, connections, provenance) count by presence: their own fields have their own cells. */
const leaf = (v: unknown): unknown => (v !== null && typeof v === 'object' ? 'object' : v);

function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [value];
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (value === null || value === undefined || typeof value !== 'object') return [];
  const [head, ...rest] = path;
  const child = (value as Record<string, unknown>)[head!];
  return rest.length === 0 ? (Array.isArray(child) ? child.map(leaf) : [leaf(child)]) : valuesAt(child, rest);
}

function occurrences(body: Body, site: Site): unknown[] {
  const values = valuesAt(body.data ?? null, site.path);
  return VOLATILE.has(site.key) ? values.map((v) => (v === null || v === undefined ? v : 'present')) : values;
}

const present = (values: unknown[]) => values.filter((v) => v !== null && v !== undefined);

/** A FORBIDDEN error at the field or at an ancestor on its path (same resource). */
function deniedOnPath(body: Body, site: Site): boolean {
  return (body.errors ?? []).some((e) => {
    if (e.extensions?.code !== 'FORBIDDEN' || !e.path) return false;
    const keys = e.path.filter((p): p is string => typeof p === 'string');
    return keys.length > 0 && keys.every((k, i) => site.path[i] === k);
  });
}

let hub: TestHub;
let query: string;
let sites: Site[];
const ownerView = new Map<string, unknown[]>();

const DEPARTMENTS = Object.values(Department).map(department);
const OTHERS = [PRINCIPALS.bank, PRINCIPALS.analyst, PRINCIPALS.auditor, PRINCIPALS.admin];
const PRINCIPAL_SET: TokenClaims[] = [...DEPARTMENTS, ...OTHERS];
const PURPOSES: (Purpose | undefined)[] = [RIGHT, WRONG, undefined];

beforeAll(async () => {
  hub = await startTestHub({ enterprises: 40 });
  const usccs = (
    await hub.orm.em
      .fork()
      .execute<{ uscc: string }[]>('select uscc from registry_enterprise order by uscc limit 10')
  ).map((r) => r.uscc);
  ({ query, sites } = buildQuery(hub.app.schema, hubCatalog(), usccs));
  // What each field's owner is served: the reference for every readable cell.
  for (const owner of Object.values(Department)) {
    const res = await hub.as({ principal: department(owner) })(query);
    for (const site of sites.filter((s) => s.entry.owner === owner))
      ownerView.set(site.key, occurrences(res.body as Body, site));
  }
});
afterAll(async () => {
  await hub?.close();
});

async function checkCells(hasAgreement: boolean): Promise<number> {
  let cells = 0;
  for (const who of PRINCIPAL_SET) {
    for (const purpose of PURPOSES) {
      const res = await hub.as({ principal: who, purpose })(query);
      const body = res.body as Body;
      expect(res.status).toBe(200);
      for (const site of sites) {
        const cell = expected(site.entry, who, hasAgreement, purpose);
        const got = occurrences(body, site);
        const reference = ownerView.get(site.key)!;
        const label = `${site.key} as ${who.kind}:${who.org} agreement=${hasAgreement} purpose=${purpose ?? 'none'} -> ${cell}`;
        if (cell === 'deny') {
          expect({ label, values: present(got) }).toEqual({ label, values: [] });
          expect({ label, forbidden: deniedOnPath(body, site) }).toEqual({ label, forbidden: true });
        } else {
          const want =
            cell === 'masked'
              ? reference.map((v) => (typeof v === 'string' ? maskPersonal(v) : v))
              : reference;
          expect({ label, values: got }).toEqual({ label, values: want });
        }
        cells++;
      }
    }
  }
  return cells;
}

describe('authorisation matrix', () => {
  it('covers every catalogued field, and the owners see data in every resource', () => {
    expect(sites.map((s) => s.key).sort()).toEqual(
      [...hubCatalog().keys()].filter((k) => !DYNAMIC.has(k)).sort(),
    );
    const resourcesWithData = new Set(
      sites.filter((s) => present(ownerView.get(s.key) ?? []).length > 0).map((s) => s.entry.resource),
    );
    const allResources = new Set(sites.map((s) => s.entry.resource));
    expect([...allResources].filter((r) => !resourcesWithData.has(r))).toEqual([]);
  });

  it('without agreements: values, masks and denials as the sharing rules say', async () => {
    const cells = await checkCells(false);
    process.stdout.write(`authorisation matrix without agreements: ${cells} cells\n`);
    expect(cells).toBe(sites.length * PRINCIPAL_SET.length * PURPOSES.length);
  });

  it('with agreements for every conditional resource (for CREDIT_ASSESSMENT): the same, per purpose', async () => {
    for (const who of PRINCIPAL_SET) await grantEveryConditionalResource(hub.orm, who.org, [RIGHT]);
    const cells = await checkCells(true);
    process.stdout.write(`authorisation matrix with agreements: ${cells} cells\n`);
    expect(cells).toBe(sites.length * PRINCIPAL_SET.length * PURPOSES.length);
  });
});
