import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { SharingClass, type CatalogFieldEntry } from '../../src/auth/catalog.js';
import {
  hubArguments,
  hubCatalog,
  hubSignalRecords,
  rootFieldsServingCatalogue,
} from '../../src/auth/hub-catalog.js';
import { MODULES } from '../../src/modules/index.js';
import { redactedDetail } from '../../src/auth/derived-policy.js';
import type { RiskSignal } from '../../src/common/risk-signal.js';
import { maskPersonal } from '../../src/auth/masking.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';
import { Department } from '../../src/common/department.js';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import { untilEventsServed } from '../helpers/event-horizon.js';
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
const DYNAMIC = new Set([
  'RiskSignal.record',
  // Whether a risk event reaches a watcher is decided per event, as a read of what it
  // reveals: checked event by event in 'risk events' below.
  ...[...hubCatalog(MODULES).keys()].filter((k) => k.startsWith('RiskEvent.')),
]);

/** Fields whose values repeat the values of the record behind them (src/auth/derived-policy.ts). */
const DERIVED = new Set([
  'RiskSignal.detail',
  'RiskSignal.occurredOn',
  'RiskContribution.occurredOn',
  'RiskSourceFreshness.asOf',
]);

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
let usccs: string[];
let query: string;
let sites: Site[];
const ownerView = new Map<string, unknown[]>();

const DEPARTMENTS = Object.values(Department).map(department);
const OTHERS = [PRINCIPALS.bank, PRINCIPALS.analyst, PRINCIPALS.auditor, PRINCIPALS.admin];
const PRINCIPAL_SET: TokenClaims[] = [...DEPARTMENTS, ...OTHERS];
const PURPOSES: (Purpose | undefined)[] = [RIGHT, WRONG, undefined];

beforeAll(async () => {
  // Each setup's input cells go out as one operation of many aliased root fields; the
  // operation limits that would refuse it are tested in operation-limits.test.ts.
  hub = await startTestHub({
    enterprises: 40,
    env: {
      MAX_ALIASES: '100000',
      MAX_ROOT_FIELDS: '100000',
      MAX_SELECTIONS: '1000000',
      MAX_OPERATION_COST: '1000000000',
      RATE_LIMIT_POINTS:
        'DEPARTMENT=1000000000,BANK=1000000000,ANALYST=1000000000,AUDITOR=1000000000,ADMIN=1000000000',
    },
  });
  usccs = (
    await hub.orm.em
      .fork()
      .execute<{ uscc: string }[]>('select uscc from registry_enterprise order by uscc limit 10')
  ).map((r) => r.uscc);
  ({ query, sites } = buildQuery(hub.app.schema, hubCatalog(MODULES), usccs));
  // What each field's owner is served: the reference for every readable cell.
  for (const owner of Object.values(Department)) {
    const res = await hub.as({ principal: department(owner) })(query);
    for (const site of sites.filter((s) => s.entry.owner === owner))
      ownerView.set(site.key, occurrences(res.body, site));
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
        // Derived values depend on the record behind each value, not only on the field:
        // their allowed cells are checked value by value in 'derived values' below.
        if (cell !== 'deny' && DERIVED.has(site.key)) {
          cells++;
          continue;
        }
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
      [...hubCatalog(MODULES).keys()].filter((k) => !DYNAMIC.has(k)).sort(),
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
    const inputs = await checkInputCells(probes(hub.app.schema, usccs), false);
    const derived = await checkDerivedCells(false);
    const events = await checkEventCells(false);
    process.stdout.write(
      `  + inputs ${inputs} cells, derived values ${derived} cells, events ${events} cells\n`,
    );
    expect(inputs).toBe(probes(hub.app.schema, usccs).length * PRINCIPAL_SET.length * PURPOSES.length);
    expect(derived).toBeGreaterThan(0);
    expect(events).toBeGreaterThan(0);
  });

  it('with agreements for every conditional resource (for CREDIT_ASSESSMENT): the same, per purpose', async () => {
    for (const who of PRINCIPAL_SET) await grantEveryConditionalResource(hub.orm, who.org, [RIGHT]);
    const cells = await checkCells(true);
    process.stdout.write(`authorisation matrix with agreements: ${cells} cells\n`);
    expect(cells).toBe(sites.length * PRINCIPAL_SET.length * PURPOSES.length);
    const inputs = await checkInputCells(probes(hub.app.schema, usccs), true);
    const derived = await checkDerivedCells(true);
    const events = await checkEventCells(true);
    process.stdout.write(
      `  + inputs ${inputs} cells, derived values ${derived} cells, events ${events} cells\n`,
    );
    expect(derived).toBeGreaterThan(0);
    expect(events).toBeGreaterThan(0);
  });
});

/**
 * Inputs: every catalogued input of every root field serving catalogued data,
 * with one probe per value where the value decides (orderings, groupings, signal
 * codes), asked as one aliased operation per principal and purpose. A probe is
 * denied exactly when a field it tests is denied by the same `expected` rule.
 */
interface Probe {
  readonly alias: string;
  readonly label: string;
  readonly path: string;
  readonly tested: readonly string[];
  readonly call: string;
}

const SCALARS: Readonly<Record<string, string>> = {
  'EnterpriseFilter.regionPrefix': '"35"',
  'EnterpriseFilter.industryCodePrefix': '"65"',
  'EnterpriseFilter.nameContains': '"有限"',
  'EnterpriseFilter.establishedFrom': '"2000-01-01"',
  'EnterpriseFilter.establishedTo': '"2030-01-01"',
  'EnterpriseFilter.maxRiskScore': '50',
  'RiskStatisticsFilter.regionPrefix': '"35"',
};
const SELECT: Readonly<Record<string, string>> = {
  enterprise: '{ uscc }',
  enterprises: '{ totalCount }',
  portfolioRisk: '{ status }',
  riskStatistics: '{ total }',
};

function probes(schema: GraphQLSchema, codes: readonly string[]): Probe[] {
  const out: Probe[] = [];
  const base: Record<string, Record<string, string>> = {
    enterprise: { uscc: JSON.stringify(codes[0]) },
    portfolioRisk: { usccs: JSON.stringify(codes.slice(0, 2)) },
    riskStatistics: { groupBy: '[REGION_PROVINCE]' },
  };
  for (const { field } of rootFieldsServingCatalogue(schema, hubCatalog(MODULES))) {
    const visit = (coordinate: string, path: string[], type: GraphQLInputType) => {
      const rule = hubArguments(MODULES).get(coordinate);
      const inner = isNonNullType(type) ? type.ofType : type;
      const list = isListType(inner);
      const named = getNamedType(type);
      if (isInputObjectType(named)) {
        for (const f of Object.values(named.getFields()))
          visit(`${named.name}.${f.name}`, [...path, f.name], f.type);
        return;
      }
      if (!rule || 'open' in rule) return;
      const literals: { value: string; tested: string[] }[] = [];
      const wrap = (v: string) => (list ? `[${v}]` : v);
      if ('byValue' in rule)
        for (const [v, key] of Object.entries(rule.byValue)) literals.push({ value: wrap(v), tested: [key] });
      else if ('signalCode' in rule)
        for (const [code, recordType] of hubSignalRecords(MODULES))
          literals.push({ value: JSON.stringify(code), tested: [rule.sameAs, `${recordType}.provenance`] });
      else {
        const value =
          SCALARS[coordinate] ??
          base[field.name]?.[path[0]!] ??
          (isEnumType(named) ? wrap(named.getValues()[0]!.name) : undefined);
        if (value === undefined) throw new Error(`no probe value for ${coordinate}`);
        literals.push({ value, tested: [rule.sameAs] });
      }
      for (const { value, tested } of literals) {
        let text = value;
        for (const segment of [...path.slice(1)].reverse()) text = `{ ${segment}: ${text} }`;
        const args = { ...base[field.name], [path[0]!]: text };
        const alias = `p${out.length}`;
        const rendered = Object.entries(args)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ');
        out.push({
          alias,
          label: `${coordinate}=${value}`,
          path: path.join('.'),
          tested,
          call: `${alias}: ${field.name}(${rendered}) ${SELECT[field.name]}`,
        });
      }
    };
    for (const arg of field.args) visit(`Query.${field.name}(${arg.name}:)`, [arg.name], arg.type);
  }
  return out;
}

async function checkInputCells(all: readonly Probe[], hasAgreement: boolean): Promise<number> {
  const doc = `query Inputs { ${all.map((p) => p.call).join('\n')} }`;
  let cells = 0;
  for (const who of PRINCIPAL_SET) {
    for (const purpose of PURPOSES) {
      const res = await hub.as({ principal: who, purpose })(doc);
      const body = res.body as Body;
      for (const probe of all) {
        const denied = probe.tested.some(
          (key) => expected(hubCatalog(MODULES).get(key)!, who, hasAgreement, purpose) === 'deny',
        );
        const errors = (body.errors ?? []).filter((e) => e.path?.[0] === probe.alias);
        const value = (body.data ?? {})[probe.alias] ?? null;
        const label = `${probe.label} as ${who.kind}:${who.org} agreement=${hasAgreement} purpose=${purpose ?? 'none'}`;
        if (denied) {
          expect({
            label,
            value,
            codes: errors.map((e) => [e.extensions?.code, e.extensions?.argument]),
          }).toEqual({
            label,
            value: null,
            codes: [['FORBIDDEN', probe.path]],
          });
        } else {
          expect({ label, answered: value !== null, errors: errors.map((e) => e.extensions?.code) }).toEqual({
            label,
            answered: true,
            errors: [],
          });
        }
        cells++;
      }
    }
  }
  return cells;
}

/**
 * Derived values: for every principal, purpose and signal of the profiles it is
 * served, `detail` and `occurredOn` are the record's own iff the caller may read
 * the record (by the same `expected` rule), else value-free and null.
 */
async function checkDerivedCells(hasAgreement: boolean): Promise<number> {
  const rows = await hub.orm.em
    .fork()
    .execute<
      { uscc: string; signals: RiskSignal[] | string }[]
    >('select uscc, signals from risk_profile where uscc in (?)', [usccs]);
  const raw = new Map(
    rows.map((r) => [
      r.uscc,
      (typeof r.signals === 'string' ? (JSON.parse(r.signals) as RiskSignal[]) : r.signals).filter(
        (s) => s.active,
      ),
    ]),
  );
  const doc = `query Derived($usccs: [String!]!) { portfolioRisk(usccs: $usccs) { uscc profile { signals { code recordType detail occurredOn } } } }`;
  let cells = 0;
  for (const who of PRINCIPAL_SET) {
    for (const purpose of PURPOSES) {
      const res = await hub.as({ principal: who, purpose })<{
        portfolioRisk: {
          uscc: string;
          profile: { signals: { code: string; detail: string; occurredOn: string | null }[] } | null;
        }[];
      }>(doc, { usccs });
      const profileCell = expected(
        hubCatalog(MODULES).get('RiskProfile.signals')!,
        who,
        hasAgreement,
        purpose,
      );
      for (const item of res.body.data!.portfolioRisk) {
        if (profileCell === 'deny') {
          expect({ who: who.org, profile: item.profile }).toEqual({ who: who.org, profile: null });
          continue;
        }
        const want = raw.get(item.uscc)!.map((s) => {
          const readable =
            expected(hubCatalog(MODULES).get(`${s.recordType}.provenance`)!, who, hasAgreement, purpose) !==
            'deny';
          return readable
            ? { code: s.code, detail: s.detail, occurredOn: s.occurredOn }
            : { code: s.code, detail: redactedDetail(s.code, s.department), occurredOn: null };
        });
        const got = item.profile!.signals.map(({ code, detail, occurredOn }) => ({
          code,
          detail,
          occurredOn,
        }));
        expect({ who: `${who.kind}:${who.org}`, purpose, uscc: item.uscc, signals: got }).toEqual({
          who: `${who.kind}:${who.org}`,
          purpose,
          uscc: item.uscc,
          signals: want,
        });
        cells += want.length * 2;
      }
    }
  }
  return cells;
}

/**
 * Risk events: every event of the watched enterprises × every principal kind × a
 * portfolio watched for the right / wrong purpose. An event is delivered exactly
 * when everything it reveals is readable by the same `expected` rule: a signal
 * event the profile's signals and the record behind it (a raised one only while
 * its signal still counts), a grade or score event that value, a status event the
 * status. Besides the events the seeded profiles raised, one of each other kind
 * is written per watched enterprise.
 */
const portfolios = new Map<string, string>();

async function portfolioOf(who: TokenClaims, purpose: Purpose): Promise<string> {
  const key = `${who.org}/${who.sub}/${purpose}`;
  const known = portfolios.get(key);
  if (known) return known;
  const created = await hub.as({ principal: who })<{ createPortfolio: { id: string } }>(
    'mutation ($input: CreatePortfolioInput!) { createPortfolio(input: $input) { id } }',
    { input: { name: `matrix ${purpose}`, purpose } },
  );
  const id = created.body.data!.createPortfolio.id;
  const added = await hub.as({ principal: who })(
    'mutation ($id: ID!, $usccs: [String!]!) { addToPortfolio(id: $id, usccs: $usccs) { accepted } }',
    { id, usccs },
  );
  expect(added.body.errors).toBeUndefined();
  portfolios.set(key, id);
  return id;
}

interface RawEvent {
  id: string;
  uscc: string;
  kind: string;
  signal_code: string | null;
  record_type: string | null;
  record_id: string | null;
  from_value: string | null;
  to_value: string | null;
}

let eventsWritten = false;

async function watchedEvents(): Promise<RawEvent[]> {
  const em = hub.orm.em.fork();
  if (!eventsWritten) {
    eventsWritten = true;
    const statuses = await em.execute<{ uscc: string; status: string }[]>(
      'select uscc, status from registry_enterprise where uscc in (?)',
      [usccs],
    );
    for (const { uscc, status } of statuses)
      await em.execute(
        `insert into monitoring_event (tx, uscc, kind, from_value, to_value) values
           (pg_current_xact_id()::text::bigint, ?, 'GRADE_CHANGED', 'B', 'D'),
           (pg_current_xact_id()::text::bigint, ?, 'SCORE_MOVED', '70', '52.5'),
           (pg_current_xact_id()::text::bigint, ?, 'SCORE_MOVED', '52.5', '54'),
           (pg_current_xact_id()::text::bigint, ?, 'STATUS_CHANGED', 'SUSPENDED', ?)`,
        [uscc, uscc, uscc, uscc, status],
      );
    // A cleared signal for every active one, as a repair would write.
    await em.execute(
      `insert into monitoring_event (tx, uscc, kind, signal_code, record_type, record_id, department)
       select pg_current_xact_id()::text::bigint, p.uscc, 'SIGNAL_CLEARED', s->>'code', s->>'recordType', s->>'recordId', s->>'department'
       from risk_profile p, jsonb_array_elements(p.signals) s where p.uscc in (?) and (s->>'active')::boolean`,
      [usccs],
    );
  }
  // Served only once every older transaction on the server has ended (other files' too).
  await untilEventsServed(em);
  // `id::text`: the driver hands the bigint id back as a string on both databases.
  return em.execute<RawEvent[]>(
    `select id::text as id, uscc, kind, signal_code, record_type, record_id, from_value, to_value
     from monitoring_event e where uscc in (?) order by e.tx, e.id`,
    [usccs],
  );
}

async function checkEventCells(hasAgreement: boolean): Promise<number> {
  const all = await watchedEvents();
  const rows = await hub.orm.em
    .fork()
    .execute<
      { uscc: string; signals: RiskSignal[] | string }[]
    >('select uscc, signals from risk_profile where uscc in (?)', [usccs]);
  const active = new Set(
    rows.flatMap((r) =>
      (typeof r.signals === 'string' ? (JSON.parse(r.signals) as RiskSignal[]) : r.signals)
        .filter((s) => s.active)
        .map((s) => `${r.uscc}|${s.code}|${s.recordType}|${s.recordId}`),
    ),
  );
  expect(all.some((e) => e.kind === 'SIGNAL_RAISED')).toBe(true);
  let cells = 0;
  for (const who of PRINCIPAL_SET) {
    for (const purpose of [RIGHT, WRONG]) {
      const readable = (key: string) =>
        expected(hubCatalog(MODULES).get(key)!, who, hasAgreement, purpose) !== 'deny';
      const want = all
        .filter((e) => {
          switch (e.kind) {
            case 'SIGNAL_RAISED':
            case 'SIGNAL_CLEARED':
              return (
                readable('RiskProfile.signals') &&
                readable(`${e.record_type}.provenance`) &&
                (e.kind === 'SIGNAL_CLEARED' ||
                  active.has(`${e.uscc}|${e.signal_code}|${e.record_type}|${e.record_id}`))
              );
            case 'GRADE_CHANGED':
              return readable('RiskProfile.grade');
            case 'SCORE_MOVED':
              // The portfolio's default threshold is 5 points.
              return (
                Math.abs(Number(e.to_value) - Number(e.from_value)) >= 5 && readable('RiskProfile.score')
              );
            default:
              return readable('Enterprise.status');
          }
        })
        .map((e) => `${e.id} ${e.kind} ${e.signal_code ?? ''}`);
      const id = await portfolioOf(who, purpose);
      const got: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: {
          body: {
            data?: {
              riskEvents: {
                edges: { node: { id: string; kind: string; signalCode: string | null } }[];
                pageInfo: { hasNextPage: boolean; endCursor: string };
              };
            } | null;
            errors?: unknown;
          };
        } = await hub.as({ principal: who })(
          `query ($p: ID!, $after: String) { riskEvents(portfolio: $p, after: $after, first: 1000) {
            edges { node { id kind signalCode } } pageInfo { hasNextPage endCursor } } }`,
          { p: id, after },
        );
        expect(res.body.errors).toBeUndefined();
        const feed = res.body.data!.riskEvents;
        got.push(...feed.edges.map((e) => `${e.node.id} ${e.node.kind} ${e.node.signalCode ?? ''}`));
        if (!feed.pageInfo.hasNextPage) break;
        after = feed.pageInfo.endCursor;
      }
      const label = `${who.kind}:${who.org} agreement=${hasAgreement} portfolio purpose=${purpose}`;
      expect({ label, events: got }).toEqual({ label, events: want });
      cells += all.length;
    }
  }
  return cells;
}
