import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SAMPLES, USCC, enterpriseRecord } from '../helpers/ingest-samples.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ env: { INGEST_BULK_PROFILES: 'deferred' } });
  const res = await hub.as({ principal: PRINCIPALS.marketRegulation })<{ ingest: { inserted: number } }>(
    `mutation($r: [JSONObject!]!) { ingest(recordType: Enterprise, records: $r) { inserted } }`,
    { r: [enterpriseRecord(USCC.c)] },
  );
  expect(res.body.data?.ingest.inserted).toBe(1);
});
afterAll(async () => {
  await hub?.close();
});

describe('INGEST_BULK_PROFILES=deferred', () => {
  it('a bulk load only marks the profiles dirty, and the next read serves the new signal', async () => {
    const penalty = { ...SAMPLES(USCC.c)[0]!.record, publicityEndDate: '2099-06-01' };
    const res = await fetch(`${hub.url}/ingest/AdministrativePenalty`, {
      method: 'POST',
      headers: {
        ...(await hub.headersFor({ principal: PRINCIPALS.marketRegulation })),
        'content-type': 'application/x-ndjson',
      },
      body: `${JSON.stringify(penalty)}\n`,
    });
    expect(await res.json()).toMatchObject({ status: 'SUCCEEDED', inserted: 1 });
    const [row] = await hub.orm.em
      .fork()
      .execute<{ dirty: boolean }[]>('select dirty from risk_profile where uscc = ?', [USCC.c]);
    expect(row!.dirty).toBe(true);
    const read = await hub.graphql<{ enterprise: { riskProfile: { signals: { code: string }[] } } }>(
      `{ enterprise(uscc: "${USCC.c}") { riskProfile { signals { code } } } }`,
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.enterprise.riskProfile.signals.map((s) => s.code)).toContain('ADMIN_PENALTY');
  });
});
