import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ enterprises: 30 });
});
afterAll(async () => {
  await hub?.close();
});

describe('registry', () => {
  it('returns an enterprise by USCC', async () => {
    const res = await hub.graphql(
      `{ enterprise(uscc: "91350100M000100Y43") { uscc name status regionCode provenance { department sourceRecordId } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toMatchObject({
      enterprise: {
        uscc: '91350100M000100Y43',
        regionCode: '350100',
        provenance: { department: 'MARKET_REGULATION' },
      },
    });
  });
});
