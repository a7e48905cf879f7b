import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { LOCAL_POSTGRES_URL } from '../helpers/test-db.js';
import { mintToken } from '../../src/auth/authenticate.js';
import { loadConfig } from '../../src/config/config.js';
import { createOrm, type HubOrm } from '../../src/db/orm.js';
import { buildApp, type HubApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { SAMPLES, USCC, enterpriseRecord } from '../helpers/ingest-samples.js';
import { HUB } from '../../src/hub.js';

/**
 * Two hub processes' worth of hubs on one PostgreSQL database (PGlite is one
 * process's, so this runs on PostgreSQL whatever DATABASE_URL says): events
 * committed through one reach subscribers of the other by LISTEN/NOTIFY.
 */
let a: TestHub;
let bOrm: HubOrm;
let b: HubApp;
let bUrl: string;
let client: Client;

beforeAll(async () => {
  a = await startTestHub({ adminUrl: process.env.DATABASE_URL ?? LOCAL_POSTGRES_URL });
  // No polling to fall back on within the test: only the NOTIFY from A's commit can wake B.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: a.db.url!,
    MONITORING_POLL_MS: '60000',
  });
  bOrm = await createOrm(HUB, config);
  b = await buildApp({ hub: HUB, orm: bOrm, config, log: createLogger(config) });
  bUrl = await b.http.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await client?.dispose();
  await b?.http.close();
  await bOrm?.close(true);
  await a?.close();
});

describe('monitoring across hub instances', () => {
  it('a subscriber on instance B receives the event of a change ingested through instance A', async () => {
    await a.as({ principal: PRINCIPALS.marketRegulation })(
      'mutation ($e: [JSONObject!]!) { ingest(recordType: Enterprise, records: $e) { rejected } }',
      { e: [enterpriseRecord(USCC.d)] },
    );
    const created = await a.as({ principal: PRINCIPALS.reader })<{ createPortfolio: { id: string } }>(
      'mutation { createPortfolio(input: { name: "two instances", purpose: CREDIT_ASSESSMENT }) { id } }',
    );
    const id = created.body.data!.createPortfolio.id;
    await a.as({ principal: PRINCIPALS.reader })(
      'mutation ($id: ID!, $u: [String!]!) { addToPortfolio(id: $id, usccs: $u) { accepted } }',
      { id, u: [USCC.d] },
    );
    client = createClient({
      url: `${bUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await mintToken(a.config, PRINCIPALS.reader)}` },
      retryAttempts: 0,
    });
    const received: { uscc: string; kind: string; signalCode: string | null }[] = [];
    const arrived = new Promise<unknown>((resolve) => {
      client.subscribe<{ riskEventAdded: { uscc: string; kind: string; signalCode: string | null } }>(
        {
          query: 'subscription ($p: ID!) { riskEventAdded(portfolio: $p) { uscc kind signalCode } }',
          variables: { p: id },
        },
        {
          next: (v) => {
            if (v.errors) resolve(v.errors);
            if (v.data) received.push(v.data.riskEventAdded);
            if (received.some((e) => e.signalCode === 'TAX_ARREARS')) resolve(null);
          },
          error: resolve,
          complete: () => resolve(null),
        },
      );
    });
    await new Promise((r) => setTimeout(r, 300));
    const arrears = SAMPLES(USCC.d).find((s) => s.recordType === 'TaxArrears')!;
    const ingested = await a.as({ principal: PRINCIPALS.tax })<{ ingest: { rejected: number } }>(
      'mutation ($r: [JSONObject!]!) { ingest(recordType: TaxArrears, records: $r) { rejected } }',
      { r: [arrears.record] },
    );
    expect(ingested.body.data!.ingest.rejected).toBe(0);
    expect(await arrived).toBeNull();
    expect(received.filter((e) => e.signalCode === 'TAX_ARREARS')).toEqual([
      { uscc: USCC.d, kind: 'SIGNAL_RAISED', signalCode: 'TAX_ARREARS' },
    ]);
  });
});
