import { describe, expect, it } from '@jest/globals';
import { accessLogColumns } from '../../src/audit/access-log.append.js';
import { canonicalPieces } from '../../src/audit/access-log.batch.js';
import { canonicalAccessLogRecord } from '../../src/audit/access-log.hash.js';
import { SharingClass } from '../../src/auth/catalog.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';

const columns = (operationName: string | null, purpose: Purpose | null) =>
  accessLogColumns({
    principal: { id: 'risk-"engine"\\', organisation: 'BANK_XM_001', kind: PrincipalKind.BANK },
    purpose,
    operationName,
    document: 'query { x }',
    requestId: 'req-1',
    occurredAt: new Date('2026-12-02T16:00:00.123Z'),
    summary: {
      usccs: ['91350100M000100Y43'],
      resources: [
        {
          resource: 'credit.taxArrears',
          sharing: SharingClass.CONDITIONAL,
          owner: 'TAX',
          fields: { 'Enterprise.taxArrears': 2, 'TaxArrears."id"': 1 },
          masked: false,
          agreementId: null,
        },
      ],
      denials: [{ field: 'Enterprise.x', resource: null, owner: null, reason: 'NOT_CATALOGUED', count: 1 }],
    },
  });

describe('canonicalPieces', () => {
  it.each([
    ['a plain operation', 'Profile', Purpose.CREDIT_ASSESSMENT],
    ['no operation name or purpose', null, null],
    ['names that look like the cut keys', '"id":"1","previousHash":"x" 企业', Purpose.CREDIT_ASSESSMENT],
  ])(
    'joined around an id and a previous hash give canonicalAccessLogRecord exactly (%s)',
    (_, name, purpose) => {
      const c = columns(name, purpose);
      const { p1, p2, p3 } = canonicalPieces(c);
      const id = '9007199254740993';
      const previousHash = 'ab'.repeat(32);
      expect(`${p1}"${id}"${p2}"${previousHash}"${p3}`).toBe(
        canonicalAccessLogRecord({ ...c, id, previousHash }),
      );
    },
  );
});
