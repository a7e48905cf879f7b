import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlEntityManager } from '@mikro-orm/sql';
// Imported before the agreements component: see agreements.test.ts on the import cycle.
import { untilEventsServed } from '../helpers/event-horizon.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { createAgreementRecord, SharingAgreementStatus } from '../../src/auth/agreements/index.js';
import { Purpose } from '../../src/auth/purpose.js';
import type { TokenClaims } from '../../src/auth/authenticate.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { mintToken } from '../../src/auth/authenticate.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { SAMPLES, USCC, enterpriseRecord } from '../helpers/ingest-samples.js';

const DAY = 24 * 60 * 60 * 1000;
/** Holds an agreement for the risk profile only: penalties (unconditional) yes, tax arrears (conditional) no. */
const PROFILE_ONLY = { sub: 'engine', org: 'BANK_PROFILE_ONLY', kind: PrincipalKind.BANK } as TokenClaims;
const NO_AGREEMENT = { sub: 'engine', org: 'BANK_NOTHING', kind: PrincipalKind.BANK } as TokenClaims;

const CREATE = `mutation ($input: CreatePortfolioInput!) { createPortfolio(input: $input) { id name purpose scoreThreshold memberCount } }`;
const ADD = `mutation ($id: ID!, $usccs: [String!]!) { addToPortfolio(id: $id, usccs: $usccs) {
  accepted unchanged portfolio { memberCount } items { index input outcome reason } } }`;
const REMOVE = `mutation ($id: ID!, $usccs: [String!]!) { removeFromPortfolio(id: $id, usccs: $usccs) {
  accepted unchanged portfolio { memberCount } items { index outcome } } }`;
const FEED = `query ($p: ID!, $after: String, $first: Int) { riskEvents(portfolio: $p, after: $after, first: $first) {
  edges { cursor node { id uscc kind signalCode recordType department detail from to } }
  pageInfo { hasNextPage endCursor } } }`;

interface EventNode {
  id: string;
  uscc: string;
  kind: string;
  signalCode: string | null;
  recordType: string | null;
  department: string | null;
  detail: string | null;
  from: string | null;
  to: string | null;
}
interface Feed {
  riskEvents: {
    edges: { cursor: string; node: EventNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

let hub: TestHub;
const sample = (type: string, uscc: string) => SAMPLES(uscc).find((s) => s.recordType === type)!;

async function ingest(
  type: string,
  records: Record<string, unknown>[],
  enterprises?: Record<string, unknown>[],
) {
  const writer = sample(type, USCC.a).writer;
  const res = await hub.as({ principal: writer })<{ ingest: { rejected: number } }>(
    `mutation ($t: IngestRecordType!, $r: [JSONObject!]!, $e: [JSONObject!]) {
      ingest(recordType: $t, records: $r, enterprises: $e) { rejected } }`,
    { t: type, r: records, e: enterprises },
  );
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data!.ingest.rejected).toBe(0);
}

async function createPortfolio(who: TokenClaims, name: string, purpose = Purpose.CREDIT_ASSESSMENT) {
  const res = await hub.as({ principal: who })<{ createPortfolio: { id: string } }>(CREATE, {
    input: { name, purpose },
  });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.createPortfolio.id;
}

async function watch(who: TokenClaims, id: string, usccs: string[]) {
  const res = await hub.as({ principal: who })(ADD, { id, usccs });
  expect(res.body.errors).toBeUndefined();
}

/** Every event of the feed, read page by page from the start. */
async function replay(who: TokenClaims, id: string, first = 50): Promise<EventNode[]> {
  await untilEventsServed(hub.orm.em.fork());
  const out: EventNode[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res: { body: { data?: Feed | null; errors?: unknown } } = await hub.as({ principal: who })<Feed>(
      FEED,
      {
        p: id,
        after,
        first,
      },
    );
    expect(res.body.errors).toBeUndefined();
    const feed = res.body.data!.riskEvents;
    out.push(...feed.edges.map((e) => e.node));
    after = feed.pageInfo.endCursor;
    if (!feed.pageInfo.hasNextPage) return out;
  }
  throw new Error('feed did not end');
}

const brief = (e: EventNode) => `${e.uscc.slice(-4)} ${e.kind} ${e.signalCode ?? `${e.from}->${e.to}`}`;

beforeAll(async () => {
  hub = await startTestHub();
  const em = hub.orm.em.fork() as SqlEntityManager;
  await createAgreementRecord(em, {
    consumerOrg: PROFILE_ONLY.org,
    resource: 'risk.profile',
    purposes: [Purpose.CREDIT_ASSESSMENT],
    status: SharingAgreementStatus.APPROVED,
    validFrom: new Date(Date.now() - DAY),
    validTo: new Date(Date.now() + 30 * DAY),
  });
  // The enterprises exist before anyone watches them.
  await hub.as({ principal: PRINCIPALS.marketRegulation })(
    `mutation ($e: [JSONObject!]!) { ingest(recordType: Enterprise, records: $e) { rejected } }`,
    { e: [USCC.a, USCC.b, USCC.c].map((u) => enterpriseRecord(u)) },
  );
});
afterAll(async () => {
  await hub?.close();
});

describe('watch lists', () => {
  it('are created, listed, renamed and deleted by their organisation only, each write on the access log', async () => {
    const created = await hub.as({ principal: PRINCIPALS.bank })<{
      createPortfolio: {
        id: string;
        name: string;
        purpose: string;
        scoreThreshold: number;
        memberCount: number;
      };
    }>(CREATE, { input: { name: 'SME book', purpose: 'CREDIT_ASSESSMENT', scoreThreshold: 8 } });
    expect(created.body.errors).toBeUndefined();
    const p = created.body.data!.createPortfolio;
    expect(p).toMatchObject({
      name: 'SME book',
      purpose: 'CREDIT_ASSESSMENT',
      scoreThreshold: 8,
      memberCount: 0,
    });

    const again = await hub.as({ principal: PRINCIPALS.bank })(CREATE, {
      input: { name: 'SME book', purpose: 'SUPERVISION' },
    });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      argument: 'name',
      rule: 'unique',
    });

    const renamed = await hub.as({ principal: PRINCIPALS.bank })<{ renamePortfolio: { name: string } }>(
      'mutation ($id: ID!, $n: String!) { renamePortfolio(id: $id, name: $n) { name } }',
      { id: p.id, n: 'SME book 2026' },
    );
    expect(renamed.body.data!.renamePortfolio.name).toBe('SME book 2026');

    const foreign = await hub.as({ principal: PRINCIPALS.otherBank })(
      'mutation ($id: ID!) { deletePortfolio(id: $id) { id } }',
      { id: p.id },
    );
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
    const otherList = await hub.as({ principal: PRINCIPALS.otherBank })<{ portfolios: unknown[] }>(
      '{ portfolios { id } }',
    );
    expect(otherList.body.data!.portfolios).toEqual([]);
    const list = await hub.as({ principal: PRINCIPALS.bank })<{ portfolios: { id: string; name: string }[] }>(
      '{ portfolios { id name } }',
    );
    expect(list.body.data!.portfolios).toEqual([{ id: p.id, name: 'SME book 2026' }]);

    const deleted = await hub.as({ principal: PRINCIPALS.bank })<{ deletePortfolio: { id: string } }>(
      'mutation ($id: ID!) { deletePortfolio(id: $id) { id } }',
      { id: p.id },
    );
    expect(deleted.body.data!.deletePortfolio.id).toBe(p.id);
    const rows = await hub.orm.em
      .fork()
      .execute<
        { operation_name: string; organisation: string }[]
      >("select operation_name, organisation from audit_access_log where decisions->'write'->>'targetId' = ? order by id", [p.id]);
    expect(rows).toEqual([
      { operation_name: 'PORTFOLIO_CREATED', organisation: 'BANK_XM_001' },
      { operation_name: 'PORTFOLIO_RENAMED', organisation: 'BANK_XM_001' },
      { operation_name: 'PORTFOLIO_DELETED', organisation: 'BANK_XM_001' },
    ]);
  });

  it('adds and removes codes in batches, reporting invalid, repeated and absent codes per item', async () => {
    const id = await createPortfolio(PRINCIPALS.bank, 'batch book');
    const res = await hub.as({ principal: PRINCIPALS.bank })<{
      addToPortfolio: {
        accepted: number;
        unchanged: number;
        portfolio: { memberCount: number };
        items: { index: number; input: string; outcome: string; reason: string | null }[];
      };
    }>(ADD, {
      id,
      usccs: [USCC.a, '91350100M000100Y44', USCC.b, USCC.a, 'short', '91350100M000100Y4O'],
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.addToPortfolio).toEqual({
      accepted: 2,
      unchanged: 4,
      portfolio: { memberCount: 2 },
      items: [
        { index: 1, input: '91350100M000100Y44', outcome: 'INVALID_USCC', reason: 'CHECK_CHARACTER' },
        { index: 3, input: USCC.a, outcome: 'DUPLICATE', reason: null },
        { index: 4, input: 'short', outcome: 'INVALID_USCC', reason: 'LENGTH' },
        { index: 5, input: '91350100M000100Y4O', outcome: 'INVALID_USCC', reason: 'CHARACTER' },
      ],
    });
    const second = await hub.as({ principal: PRINCIPALS.bank })<{
      addToPortfolio: { accepted: number; items: { outcome: string }[] };
    }>(ADD, { id, usccs: [USCC.b, USCC.c] });
    expect(second.body.data!.addToPortfolio).toMatchObject({
      accepted: 1,
      items: [{ outcome: 'ALREADY_PRESENT' }],
    });
    const removed = await hub.as({ principal: PRINCIPALS.bank })<{
      removeFromPortfolio: {
        accepted: number;
        portfolio: { memberCount: number };
        items: { index: number; outcome: string }[];
      };
    }>(REMOVE, { id, usccs: [USCC.c, USCC.d] });
    expect(removed.body.data!.removeFromPortfolio).toEqual({
      accepted: 1,
      unchanged: 1,
      portfolio: { memberCount: 2 },
      items: [{ index: 1, outcome: 'NOT_PRESENT' }],
    });
  });

  it('refuses a batch over 10,000 codes with a coded error and writes nothing', async () => {
    const id = await createPortfolio(PRINCIPALS.bank, 'too big');
    const res = await hub.as({ principal: PRINCIPALS.bank })(ADD, { id, usccs: Array(10_001).fill(USCC.a) });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'usccs',
      rule: 'maxItems',
    });
    const [row] = await hub.orm.em
      .fork()
      .execute<
        { n: string }[]
      >('select count(*) as n from monitoring_portfolio_member where portfolio_id = ?', [id]);
    expect(Number(row!.n)).toBe(0);
  });
});

describe('risk events', () => {
  let full: string;
  let profileOnly: string;
  let nothing: string;

  beforeAll(async () => {
    full = await createPortfolio(PRINCIPALS.reader, 'reader book');
    profileOnly = await createPortfolio(PROFILE_ONLY, 'profile only');
    nothing = await createPortfolio(NO_AGREEMENT, 'no agreement');
    for (const [who, id] of [
      [PRINCIPALS.reader, full],
      [PROFILE_ONLY, profileOnly],
      [NO_AGREEMENT, nothing],
    ] as const)
      await watch(who, id, [USCC.a, USCC.b]);
  });

  it('ingesting a penalty and tax arrears for a watched enterprise puts their events on the feed once', async () => {
    const penalty = {
      ...sample('AdministrativePenalty', USCC.a).record,
      sourceRecordId: 'PEN-MON-1',
      decisionDate: '2026-11-10',
      publicityEndDate: '2027-11-10',
    };
    await ingest('AdministrativePenalty', [penalty]);
    await ingest('CreditListEntry', [
      { ...sample('CreditListEntry', USCC.a).record, sourceRecordId: 'CL-MON-1' },
    ]);
    await ingest('TaxArrears', [{ ...sample('TaxArrears', USCC.a).record, sourceRecordId: 'ARR-MON-1' }]);
    // Not watched: no event for anyone.
    await ingest('TaxArrears', [{ ...sample('TaxArrears', USCC.c).record, sourceRecordId: 'ARR-MON-C' }]);

    const events = await replay(PRINCIPALS.reader, full);
    const signals = events.filter((e) => e.kind === 'SIGNAL_RAISED').map(brief);
    expect(signals).toEqual([
      '0Y43 SIGNAL_RAISED ADMIN_PENALTY',
      '0Y43 SIGNAL_RAISED DISHONEST_JUDGMENT_DEBTOR',
      '0Y43 SIGNAL_RAISED TAX_ARREARS',
    ]);
    expect(events.every((e) => e.uscc === USCC.a)).toBe(true);
    const penaltyEvent = events.find((e) => e.signalCode === 'ADMIN_PENALTY')!;
    expect(penaltyEvent).toMatchObject({
      recordType: 'AdministrativePenalty',
      department: 'MARKET_REGULATION',
    });
    expect(penaltyEvent.detail).toEqual(expect.any(String));
    // Grade or score moved too, once each at most per change.
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('a watcher without the agreement for conditional data gets no event about it; without the profile, none', async () => {
    const partial = await replay(PROFILE_ONLY, profileOnly);
    const codes = partial.filter((e) => e.signalCode).map((e) => e.signalCode);
    expect(codes).toEqual(['ADMIN_PENALTY', 'DISHONEST_JUDGMENT_DEBTOR']);
    expect(JSON.stringify(partial)).not.toContain('TAX_ARREARS');
    expect(await replay(NO_AGREEMENT, nothing)).toEqual([]);
  });

  it('pages replay the same events in the same order as one read, and a bad cursor is coded', async () => {
    const whole = await replay(PRINCIPALS.reader, full, 100);
    expect(whole.length).toBeGreaterThan(2);
    expect(await replay(PRINCIPALS.reader, full, 1)).toEqual(whole);
    const bad = await hub.as({ principal: PRINCIPALS.reader })(FEED, { p: full, after: 'bm90LWEtY3Vyc29y' });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const foreign = await hub.as({ principal: PRINCIPALS.bank })(FEED, { p: full });
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'portfolio' });
  });

  it('every delivery of governed content is on the access log, under the portfolio’s purpose', async () => {
    const before = await hub.orm.em
      .fork()
      .execute<
        { n: string }[]
      >("select count(*) as n from audit_access_log where operation_name = 'riskEvents'");
    await replay(PRINCIPALS.reader, full, 100);
    const rows = await hub.orm.em
      .fork()
      .execute<
        { organisation: string; purpose: string; resources: string[] | string; usccs: string[] | string }[]
      >("select organisation, purpose, resources, usccs from audit_access_log where operation_name = 'riskEvents' order by id desc limit 1");
    const [countRow] = await hub.orm.em
      .fork()
      .execute<
        { n: string }[]
      >("select count(*) as n from audit_access_log where operation_name = 'riskEvents'");
    expect(Number(countRow!.n)).toBe(Number(before[0]!.n) + 1);
    expect(rows[0]).toMatchObject({ organisation: 'TEST_READER', purpose: 'CREDIT_ASSESSMENT' });
    expect(String(rows[0]!.resources)).toContain('credit.taxArrears');
    expect(String(rows[0]!.resources)).toContain('risk.profile');
    expect(String(rows[0]!.usccs)).toContain(USCC.a);
  });

  it('a repaired record raises SIGNAL_CLEARED, and its raised event is no longer delivered', async () => {
    const res = await hub.as({ principal: PRINCIPALS.court })(
      `mutation ($d: RepairDecisionInput!) { repairRecord(recordType: CreditListEntry, sourceRecordId: "CL-MON-1", decision: $d) { repairedDate } }`,
      {
        d: {
          kind: 'PERFORMED',
          decisionNumber: '信用修复〔2026〕7号',
          decisionDate: '2026-01-28',
          legalBasis: '《失信行为纠正后的信用信息修复管理办法（试行）》',
        },
      },
    );
    expect(res.body.errors).toBeUndefined();
    const events = await replay(PRINCIPALS.reader, full);
    const listed = events.filter((e) => e.signalCode === 'DISHONEST_JUDGMENT_DEBTOR');
    expect(listed.map((e) => e.kind)).toEqual(['SIGNAL_CLEARED']);
    expect(listed[0]!.detail).toBe('dishonest judgment debtor no longer counts in the risk profile');
    // The arrears are still current: their raised event is still delivered.
    expect(events.filter((e) => e.signalCode === 'TAX_ARREARS').map((e) => e.kind)).toEqual([
      'SIGNAL_RAISED',
    ]);
  });

  it('a status change of a watched enterprise is one STATUS_CHANGED event', async () => {
    await hub.as({ principal: PRINCIPALS.marketRegulation })(
      `mutation ($e: [JSONObject!]!) { ingest(recordType: Enterprise, records: $e) { rejected } }`,
      { e: [enterpriseRecord(USCC.b, { status: 'REVOKED', asOf: '2026-02-01T08:00:00Z' })] },
    );
    const events = await replay(PRINCIPALS.reader, full);
    expect(events.filter((e) => e.kind === 'STATUS_CHANGED').map(brief)).toEqual([
      '4J7C STATUS_CHANGED OPERATING->REVOKED',
    ]);
  });

  it('the outbox is append-only', async () => {
    await expect(hub.orm.em.fork().execute('delete from monitoring_event')).rejects.toThrow(/append-only/);
  });
});

describe('subscriptions over graphql-ws', () => {
  const SUBSCRIBE = `subscription ($p: ID!) { riskEventAdded(portfolio: $p) { id uscc kind signalCode } }`;
  const clients: Client[] = [];
  afterAll(async () => {
    for (const c of clients) await c.dispose();
  });

  async function client(who: TokenClaims | null): Promise<Client> {
    const token = who ? await mintToken(hub.config, who) : null;
    const c = createClient({
      url: `${hub.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: true,
    });
    clients.push(c);
    return c;
  }

  /** Collects what a subscription pushes until `until` holds or the subscription ends. */
  function collect(c: Client, variables: Record<string, unknown>, until: (events: EventNode[]) => boolean) {
    const events: EventNode[] = [];
    let unsubscribe = () => {};
    const done = new Promise<{ events: EventNode[]; error?: unknown }>((resolve) => {
      unsubscribe = c.subscribe<{ riskEventAdded: EventNode }>(
        { query: SUBSCRIBE, variables },
        {
          next: (value) => {
            if (value.errors) resolve({ events, error: value.errors });
            if (value.data) events.push(value.data.riskEventAdded);
            if (until(events)) resolve({ events });
          },
          error: (error) => resolve({ events, error }),
          complete: () => resolve({ events }),
        },
      );
    });
    return { done, stop: () => unsubscribe(), events };
  }

  it('pushes a watched enterprise’s new event once, authorised for the portfolio’s purpose', async () => {
    const id = await createPortfolio(PRINCIPALS.reader, 'live book');
    await watch(PRINCIPALS.reader, id, [USCC.c]);
    const c = await client(PRINCIPALS.reader);
    const sub = collect(c, { p: id }, (events) => events.some((e) => e.signalCode === 'TAX_ARREARS'));
    // Subscribed before the change: wait until the server has the subscription running.
    await new Promise((r) => setTimeout(r, 300));
    await ingest('TaxArrears', [
      { ...sample('TaxArrears', USCC.c).record, sourceRecordId: 'ARR-LIVE-C', taxType: 'CIT' },
    ]);
    const { events, error } = await sub.done;
    sub.stop();
    expect(error).toBeUndefined();
    const arrears = events.filter((e) => e.signalCode === 'TAX_ARREARS');
    expect(arrears.map((e) => `${e.uscc} ${e.kind}`)).toEqual([`${USCC.c} SIGNAL_RAISED`]);
    // The same event is in the replayable feed, with the same id.
    const feed = await replay(PRINCIPALS.reader, id);
    expect(
      feed.filter((e) => e.signalCode === 'TAX_ARREARS' && e.kind === 'SIGNAL_RAISED').map((e) => e.id),
    ).toEqual(expect.arrayContaining(arrears.map((e) => e.id)));
  });

  it('another organisation cannot subscribe to a portfolio, and a connection without credentials is refused', async () => {
    const id = await createPortfolio(PRINCIPALS.reader, 'private live book');
    const foreign = collect(await client(PRINCIPALS.bank), { p: id }, () => false);
    const refused = await foreign.done;
    expect(JSON.stringify(refused.error)).toContain('NOT_FOUND');
    const anonymous = collect(await client(null), { p: id }, () => false);
    const closed = await anonymous.done;
    expect((closed.error as { code?: number }).code).toBe(4403);
  });
});
