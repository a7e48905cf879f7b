import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { SAMPLES, USCC, enterpriseRecord } from '../helpers/ingest-samples.js';

interface Received {
  readonly status: number;
  readonly body: string;
  readonly signature: string;
  readonly eventId: string;
}

/** A local receiver answering 500 to its first `failures` requests, then 200. */
async function receiver(failures: number) {
  const got: Received[] = [];
  let left = failures;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const status = left > 0 ? 500 : 200;
      if (left > 0) left--;
      got.push({
        status,
        body,
        signature: String(req.headers['x-hub-signature']),
        eventId: String(req.headers['idempotency-key']),
      });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    got,
    url,
    succeed: () => (left = 0),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The README's verification: HMAC-SHA256 over `${t}.${body}`, compared with v1. */
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const mac = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex');
  return mac === parts.v1;
}

const REGISTER = `mutation ($p: ID!, $u: String!) { registerWebhook(portfolio: $p, url: $u) { endpoint { id url } secret } }`;
const DELIVERIES = `query ($e: ID!) { webhookDeliveries(endpoint: $e) { id eventId status attempts lastError } }`;

let hub: TestHub;
let portfolio: string;
const servers: { close(): Promise<void> }[] = [];

async function until<T>(what: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  hub = await startTestHub({
    env: {
      WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true',
      MONITORING_POLL_MS: '100',
      WEBHOOK_BACKOFF_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '5',
    },
  });
  await hub.as({ principal: PRINCIPALS.marketRegulation })(
    'mutation ($e: [JSONObject!]!) { ingest(recordType: Enterprise, records: $e) { rejected } }',
    { e: [enterpriseRecord(USCC.a), enterpriseRecord(USCC.b)] },
  );
  const created = await hub.as({ principal: PRINCIPALS.reader })<{ createPortfolio: { id: string } }>(
    'mutation { createPortfolio(input: { name: "hooked", purpose: CREDIT_ASSESSMENT }) { id } }',
  );
  portfolio = created.body.data!.createPortfolio.id;
  await hub.as({ principal: PRINCIPALS.reader })(
    'mutation ($id: ID!, $u: [String!]!) { addToPortfolio(id: $id, usccs: $u) { accepted } }',
    { id: portfolio, u: [USCC.a, USCC.b] },
  );
});
afterAll(async () => {
  await hub?.close();
  for (const s of servers) await s.close();
});

const arrears = (uscc: string, id: string) => ({
  ...SAMPLES(uscc).find((s) => s.recordType === 'TaxArrears')!.record,
  sourceRecordId: id,
});

describe('webhooks', () => {
  it('refuses a plain-http endpoint that is not loopback, with a coded error', async () => {
    const res = await hub.as({ principal: PRINCIPALS.reader })(REGISTER, {
      p: portfolio,
      u: 'http://bank.example/hook',
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'url',
      rule: 'format',
    });
    const foreign = await hub.as({ principal: PRINCIPALS.bank })(REGISTER, {
      p: portfolio,
      u: 'https://bank.example/h',
    });
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'portfolio' });
  });

  it('a receiver failing three times then succeeding gets each event once, in order, validly signed', async () => {
    const hook = await receiver(3);
    servers.push(hook);
    const reg = await hub.as({ principal: PRINCIPALS.reader })<{
      registerWebhook: { endpoint: { id: string }; secret: string };
    }>(REGISTER, { p: portfolio, u: hook.url });
    expect(reg.body.errors).toBeUndefined();
    const { endpoint, secret } = reg.body.data!.registerWebhook;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    for (const [u, id] of [
      [USCC.a, 'ARR-HOOK-1'],
      [USCC.b, 'ARR-HOOK-2'],
    ] as const) {
      const res = await hub.as({ principal: PRINCIPALS.tax })(
        'mutation ($r: [JSONObject!]!) { ingest(recordType: TaxArrears, records: $r) { rejected } }',
        { r: [arrears(u, id)] },
      );
      expect(res.body.errors).toBeUndefined();
    }
    await until(() => {
      const ok = hook.got.filter((g) => g.status === 200);
      const arrearsEvents = ok.filter(
        (g) => (JSON.parse(g.body) as { signalCode: string }).signalCode === 'TAX_ARREARS',
      );
      return arrearsEvents.length >= 2 ? true : undefined;
    });
    // Both changes may have raised more events (grade, score): wait until none is pending.
    await until(async () => {
      const res = await hub.as({ principal: PRINCIPALS.reader })<{
        webhookDeliveries: { eventId: string; status: string; attempts: number }[];
      }>(DELIVERIES, { e: endpoint.id });
      const list = res.body.data!.webhookDeliveries;
      return list.every((d) => d.status === 'DELIVERED') ? list : undefined;
    });
    const delivered = hook.got.filter((g) => g.status === 200);
    const listed = (
      await hub.as({ principal: PRINCIPALS.reader })<{
        webhookDeliveries: { eventId: string; status: string; attempts: number }[];
      }>(DELIVERIES, { e: endpoint.id })
    ).body.data!.webhookDeliveries;
    expect(hook.got.slice(0, 3).map((g) => g.status)).toEqual([500, 500, 500]);
    const ids = delivered.map((g) => g.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((x, y) => Number(x) - Number(y))).toEqual(ids);
    // The three failures were retries of the first event: nothing overtook it.
    expect(new Set(hook.got.slice(0, 4).map((g) => g.eventId)).size).toBe(1);
    for (const g of hook.got) {
      expect(verify(secret, g.signature, g.body)).toBe(true);
      expect((JSON.parse(g.body) as { id: string }).id).toBe(g.eventId);
    }
    // Each queued event was delivered exactly once, in queue order.
    expect(listed.map((d) => d.eventId).slice(0, ids.length)).toEqual(ids);
    expect(listed[0]!.attempts).toBe(4);
  });

  it('after WEBHOOK_MAX_ATTEMPTS failures a delivery is DEAD; the owner re-delivers it', async () => {
    const hook = await receiver(1000);
    servers.push(hook);
    const reg = await hub.as({ principal: PRINCIPALS.reader })<{
      registerWebhook: { endpoint: { id: string } };
    }>(REGISTER, { p: portfolio, u: hook.url });
    const endpoint = reg.body.data!.registerWebhook.endpoint.id;
    await hub.as({ principal: PRINCIPALS.marketRegulation })(
      'mutation ($e: [JSONObject!]!) { ingest(recordType: Enterprise, records: $e) { rejected } }',
      { e: [enterpriseRecord(USCC.a, { status: 'SUSPENDED', asOf: '2026-03-01T08:00:00Z' })] },
    );
    const dead = await until(async () => {
      const res = await hub.as({ principal: PRINCIPALS.reader })<{
        webhookDeliveries: { id: string; status: string; attempts: number }[];
      }>(DELIVERIES, { e: endpoint });
      const d = res.body.data!.webhookDeliveries[0];
      return d?.status === 'DEAD' ? d : undefined;
    });
    expect(dead.attempts).toBe(5);
    hook.succeed();
    const again = await hub.as({ principal: PRINCIPALS.reader })<{ redeliverWebhook: { status: string } }>(
      'mutation ($d: ID!) { redeliverWebhook(delivery: $d) { status } }',
      { d: dead.id },
    );
    expect(again.body.data!.redeliverWebhook.status).toBe('PENDING');
    await until(() => (hook.got.some((g) => g.status === 200) ? true : undefined));
    const foreign = await hub.as({ principal: PRINCIPALS.bank })(
      'mutation ($d: ID!) { redeliverWebhook(delivery: $d) { status } }',
      { d: dead.id },
    );
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
