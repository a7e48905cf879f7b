import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { mintToken } from '../../src/auth/authenticate.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { SAMPLES, USCC, enterpriseRecord } from '../helpers/ingest-samples.js';
import { readmeSubscribe, readmeVerify } from '../helpers/readme-snippets.js';

/*
 * One penalty ingested for a watched enterprise through the real `ingest` mutation
 * reaches each of the three delivery modes exactly once: the replayable feed, an
 * open graphql-ws subscription (the README's client snippet) and a webhook receiver
 * (a local HTTP server; the signature checked with the README's verification snippet).
 */
interface Hit {
  readonly body: string;
  readonly signature: string;
  readonly key: string;
}
interface Event {
  readonly id: string;
  readonly uscc: string;
  readonly kind: string;
  readonly signalCode: string | null;
}

const FEED = `query ($p: ID!, $after: String) { riskEvents(portfolio: $p, after: $after, first: 100) {
  edges { cursor node { id uscc kind signalCode } } pageInfo { hasNextPage endCursor } } }`;
const DELIVERIES = `query ($e: ID!) { webhookDeliveries(endpoint: $e) { eventId status attempts } }`;

let hub: TestHub;
let server: Server;
let hookUrl: string;
let client: Client | undefined;
const hits: Hit[] = [];

async function until<T>(what: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function feed(portfolio: string): Promise<Event[]> {
  const out: Event[] = [];
  let after: string | null = null;
  for (;;) {
    const res: {
      body: {
        data?: {
          riskEvents: {
            edges: { node: Event }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        } | null;
        errors?: unknown;
      };
    } = await hub.as({ principal: PRINCIPALS.reader })(FEED, { p: portfolio, after });
    expect(res.body.errors).toBeUndefined();
    out.push(...res.body.data!.riskEvents.edges.map((e) => e.node));
    if (!res.body.data!.riskEvents.pageInfo.hasNextPage) return out;
    after = res.body.data!.riskEvents.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  hub = await startTestHub({
    env: { WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true', MONITORING_POLL_MS: '200', WEBHOOK_BACKOFF_MS: '50' },
  });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      hits.push({
        body,
        signature: String(req.headers['x-hub-signature']),
        key: String(req.headers['idempotency-key']),
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await client?.dispose();
  await hub?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

describe('a penalty ingested for a watched enterprise', () => {
  it('reaches the feed, an open subscription and a webhook receiver, each exactly once, the webhook validly signed', async () => {
    const registered = await hub.as({ principal: PRINCIPALS.marketRegulation })<{
      ingest: { rejected: number };
    }>('mutation ($e: [JSONObject!]!) { ingest(recordType: Enterprise, records: $e) { rejected } }', {
      e: [enterpriseRecord(USCC.a), enterpriseRecord(USCC.b)],
    });
    expect(registered.body.data!.ingest.rejected).toBe(0);
    const created = await hub.as({ principal: PRINCIPALS.reader })<{ createPortfolio: { id: string } }>(
      'mutation { createPortfolio(input: { name: "end to end", purpose: CREDIT_ASSESSMENT }) { id } }',
    );
    const portfolio = created.body.data!.createPortfolio.id;
    await hub.as({ principal: PRINCIPALS.reader })(
      'mutation ($id: ID!, $u: [String!]!) { addToPortfolio(id: $id, usccs: $u) { accepted } }',
      { id: portfolio, u: [USCC.a, USCC.b] },
    );
    const reg = await hub.as({ principal: PRINCIPALS.reader })<{
      registerWebhook: { endpoint: { id: string }; secret: string };
    }>(
      `mutation ($p: ID!, $u: String!) { registerWebhook(portfolio: $p, url: $u) { endpoint { id } secret } }`,
      { p: portfolio, u: hookUrl },
    );
    expect(reg.body.errors).toBeUndefined();
    const { endpoint, secret } = reg.body.data!.registerWebhook;

    // The README's client, open before the change.
    const pushed: Event[] = [];
    const errors: unknown[] = [];
    client = readmeSubscribe(
      `${hub.url.replace(/^http/, 'ws')}/graphql`,
      await mintToken(hub.config, PRINCIPALS.reader),
      portfolio,
      (e) => pushed.push(e as unknown as Event),
      (e) => errors.push(e),
    );
    // Proof the subscription is running: a change of B (tax arrears) must be pushed
    // before the penalty of A is ingested.
    const warmUp = SAMPLES(USCC.b).find((s) => s.recordType === 'TaxArrears')!;
    await hub.as({ principal: warmUp.writer })(
      'mutation ($r: [JSONObject!]!) { ingest(recordType: TaxArrears, records: $r) { rejected } }',
      { r: [{ ...warmUp.record, sourceRecordId: 'ARR-E2E-WARM' }] },
    );
    // The socket may still be connecting when that commits (events count from the
    // moment of subscribing): another arrears record each second until one is pushed.
    for (let i = 0; pushed.length === 0; i++) {
      expect(errors).toEqual([]);
      if (i > 0 && i % 20 === 0) {
        await hub.as({ principal: warmUp.writer })(
          'mutation ($r: [JSONObject!]!) { ingest(recordType: TaxArrears, records: $r) { rejected } }',
          { r: [{ ...warmUp.record, sourceRecordId: `ARR-E2E-WARM-${i}`, taxType: `T${i}` }] },
        );
      }
      if (i > 600) throw new Error('the subscription never received anything');
      await new Promise((r) => setTimeout(r, 50));
    }
    const before = new Set((await feed(portfolio)).map((e) => e.id));

    const penalty = SAMPLES(USCC.a).find((s) => s.recordType === 'AdministrativePenalty')!;
    const ingested = await hub.as({ principal: PRINCIPALS.marketRegulation })<{
      ingest: { rejected: number };
    }>(
      'mutation ($r: [JSONObject!]!) { ingest(recordType: AdministrativePenalty, records: $r) { rejected } }',
      // Still in its publicity period (an expired penalty raises no signal).
      { r: [{ ...penalty.record, sourceRecordId: 'PEN-E2E-1', publicityEndDate: '2099-11-01' }] },
    );
    expect(ingested.body.errors).toBeUndefined();
    expect(ingested.body.data!.ingest.rejected).toBe(0);

    // The feed: the penalty's SIGNAL_RAISED once, among what the change raised.
    const all = await until(async () => {
      const events = await feed(portfolio);
      return events.some((e) => e.signalCode === 'ADMIN_PENALTY') ? events : undefined;
    });
    const fresh = all.filter((e) => !before.has(e.id));
    const raised = fresh.filter((e) => e.kind === 'SIGNAL_RAISED' && e.uscc === USCC.a);
    expect(raised.map((e) => e.signalCode)).toEqual(['ADMIN_PENALTY']);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const freshIds = fresh.map((e) => e.id);

    // The subscription and the webhook: every event of the change, once each, in feed order.
    await until(() => (freshIds.every((id) => pushed.some((e) => e.id === id)) ? true : undefined));
    await until(async () => {
      const res = await hub.as({ principal: PRINCIPALS.reader })<{
        webhookDeliveries: { eventId: string; status: string }[];
      }>(DELIVERIES, { e: endpoint.id });
      const list = res.body.data!.webhookDeliveries;
      return freshIds.every((id) => list.some((d) => d.eventId === id && d.status === 'DELIVERED'))
        ? true
        : undefined;
    });
    // Let anything that would come twice arrive before counting.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(errors).toEqual([]);
    expect(pushed.filter((e) => freshIds.includes(e.id)).map((e) => e.id)).toEqual(freshIds);
    const hooked = hits.filter((h) => freshIds.includes(h.key));
    expect(hooked.map((h) => h.key)).toEqual(freshIds);
    const verify = readmeVerify();
    for (const h of hits) {
      expect(verify(secret, h.signature, h.body)).toBe(true);
      expect((JSON.parse(h.body) as { id: string }).id).toBe(h.key);
    }
    const hookedPenalty = hooked
      .map((h) => JSON.parse(h.body) as Event)
      .filter((e) => e.id === raised[0]!.id);
    expect(hookedPenalty).toEqual([
      expect.objectContaining({ uscc: USCC.a, kind: 'SIGNAL_RAISED', signalCode: 'ADMIN_PENALTY' }),
    ]);
    // A tampered body, a wrong secret or a stale timestamp fails the README's check.
    const sample = hits[hits.length - 1]!;
    expect(verify(secret, sample.signature, `${sample.body} `)).toBe(false);
    expect(verify('0'.repeat(64), sample.signature, sample.body)).toBe(false);
    expect(verify(secret, sample.signature, sample.body, -1)).toBe(false);
  });
});
