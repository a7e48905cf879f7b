import { describe, expect, it } from '@jest/globals';
import {
  GENESIS_HASH,
  accessLogHash,
  canonicalAccessLogRecord,
  canonicalJson,
  sha256Hex,
  type HashedAccessLogFields,
} from '../../src/audit/access-log.hash.js';
import { accessLogColumns } from '../../src/audit/access-log.append.js';
import { formatAnchor, parseAnchor } from '../../src/audit/access-log.verify.js';
import { SharingClass } from '../../src/auth/catalog.js';
import { PrincipalKind } from '../../src/auth/principal.js';
import { Purpose } from '../../src/auth/purpose.js';

const base: HashedAccessLogFields = {
  id: '7',
  occurredAt: new Date('2024-05-01T08:00:00.123Z'),
  principalId: 'risk-engine',
  organisation: 'BANK_XM_001',
  principalKind: PrincipalKind.BANK,
  purpose: Purpose.CREDIT_ASSESSMENT,
  operationName: 'Check',
  documentHash: sha256Hex('{ enterprise { name } }'),
  requestId: 'req-1',
  usccs: ['91350100M000100Y43'],
  resources: ['TAX_ARREARS'],
  owners: ['TAX'],
  decisions: {
    resources: [
      {
        resource: 'TAX_ARREARS',
        sharing: SharingClass.CONDITIONAL,
        owner: 'TAX',
        fields: { 'TaxArrears.amount': 2 },
        masked: false,
        agreementId: 'agr-1',
      },
    ],
    denials: [{ field: 'Court.case', resource: null, owner: null, reason: 'NOT_CATALOGUED', count: 1 }],
  },
  previousHash: GENESIS_HASH,
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and omits undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
  });

  it('gives the same bytes whatever the key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ x: 1, y: { p: 2, q: 3 } })).toBe(canonicalJson({ y: { q: 3, p: 2 }, x: 1 }));
  });

  it('writes dates in UTC with milliseconds and refuses non-finite numbers', () => {
    expect(canonicalJson(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)))).toBe('"2024-01-02T03:04:05.006Z"');
    expect(() => canonicalJson(Number.NaN)).toThrow('non-finite');
  });
});

describe('accessLogHash', () => {
  it('is a fixed SHA-256 of the canonical record', () => {
    const canonical = canonicalAccessLogRecord(base);
    expect(canonical.startsWith('{"decisions":{"denials":[{"count":1,"field":"Court.case"')).toBe(true);
    expect(canonical).toContain('"occurredAt":"2024-05-01T08:00:00.123Z"');
    expect(canonical).toContain(`"previousHash":"${GENESIS_HASH}"`);
    expect(accessLogHash(base)).toBe(sha256Hex(canonical));
    expect(accessLogHash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(accessLogHash({ ...base })).toBe(accessLogHash(base));
  });

  it('matches the pinned value, so a change of serialisation cannot slip in unnoticed', () => {
    // Records already in the log were hashed this way; changing it breaks every existing chain.
    expect(accessLogHash(base)).toBe('d6c7a01d0adfa0b9599c135ade51b3a5b2abd501d252317efcacc8435f234bbd');
  });

  it('does not depend on the key order of decisions', () => {
    const reordered: HashedAccessLogFields = {
      ...base,
      decisions: {
        denials: [{ count: 1, reason: 'NOT_CATALOGUED', owner: null, resource: null, field: 'Court.case' }],
        resources: [
          {
            agreementId: 'agr-1',
            masked: false,
            fields: { 'TaxArrears.amount': 2 },
            owner: 'TAX',
            sharing: SharingClass.CONDITIONAL,
            resource: 'TAX_ARREARS',
          },
        ],
      },
    };
    expect(accessLogHash(reordered)).toBe(accessLogHash(base));
  });

  const changes: [string, Partial<HashedAccessLogFields>][] = [
    ['id', { id: '8' }],
    ['occurredAt by one millisecond', { occurredAt: new Date('2024-05-01T08:00:00.124Z') }],
    ['principalId', { principalId: 'other' }],
    ['organisation', { organisation: 'BANK_GZ_002' }],
    ['principalKind', { principalKind: PrincipalKind.ANALYST }],
    ['purpose', { purpose: Purpose.STATISTICS }],
    ['purpose to null', { purpose: null }],
    ['operationName', { operationName: null }],
    ['documentHash', { documentHash: sha256Hex('{ x }') }],
    ['requestId', { requestId: 'req-2' }],
    ['a uscc', { usccs: ['91310230MA1K314J7C'] }],
    ['usccs order', { usccs: ['B', 'A'] }],
    ['resources', { resources: [] }],
    ['owners', { owners: ['TAX', 'COURT'] }],
    [
      'a field count',
      { decisions: { ...base.decisions, denials: [{ ...base.decisions.denials[0]!, count: 2 }] } },
    ],
    ['previousHash', { previousHash: 'f'.repeat(64) }],
  ];
  it.each(changes)('changes when %s changes', (_name, change) => {
    expect(accessLogHash({ ...base, ...change })).not.toBe(accessLogHash(base));
  });

  it('distinguishes usccs ["A","B"] from ["A,B"]', () => {
    expect(accessLogHash({ ...base, usccs: ['A', 'B'] })).not.toBe(
      accessLogHash({ ...base, usccs: ['A,B'] }),
    );
  });
});

describe('accessLogColumns', () => {
  it('derives sorted, distinct resources and owners from reads and denials, and hashes the document', () => {
    const columns = accessLogColumns({
      principal: { id: 'p', organisation: 'BANK_XM_001', kind: PrincipalKind.BANK },
      purpose: undefined,
      operationName: undefined,
      document: '{ a }',
      requestId: 'r',
      occurredAt: new Date('2024-05-01T08:00:00.999Z'),
      summary: {
        usccs: ['B', 'A', 'B'],
        resources: [
          {
            resource: 'R2',
            sharing: SharingClass.CONDITIONAL,
            owner: 'TAX',
            fields: { 'T.f': 1 },
            masked: false,
            agreementId: null,
          },
        ],
        denials: [
          { field: 'T.g', resource: 'R1', owner: 'COURT', reason: 'NOT_SHARED', count: 1 },
          { field: 'T.h', resource: 'R2', owner: 'TAX', reason: 'NO_AGREEMENT', count: 3 },
          { field: 'T.i', resource: null, owner: null, reason: 'NOT_CATALOGUED', count: 1 },
        ],
      },
    });
    expect(columns).toMatchObject({
      usccs: ['A', 'B'],
      resources: ['R1', 'R2'],
      owners: ['COURT', 'TAX'],
      purpose: null,
      operationName: null,
      documentHash: sha256Hex('{ a }'),
    });
    expect(columns.occurredAt.toISOString()).toBe('2024-05-01T08:00:00.999Z');
  });
});

describe('audit:verify anchors', () => {
  const hash = sha256Hex('anchor');

  it('reads back what it prints', () => {
    expect(parseAnchor(formatAnchor({ id: '42', hash }))).toEqual({ id: '42', hash });
    expect(parseAnchor(` 0042:${hash}\n`)).toEqual({ id: '42', hash });
  });

  it.each([
    ['no separator', `42${hash}`],
    ['a short hash', `42:${hash.slice(1)}`],
    ['an upper-case hash', `42:${hash.toUpperCase()}`],
    ['a negative id', `-42:${hash}`],
    ['an empty string', ''],
    ['an id beyond bigint', `9223372036854775808:${hash}`],
  ])('refuses %s, quoting it', (_name, text) => {
    expect(() => parseAnchor(text)).toThrow(
      `anchor "${text}" is not <record id>:<64 lowercase hex characters`,
    );
  });
});
