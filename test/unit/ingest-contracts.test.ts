import { describe, expect, it } from '@jest/globals';
import { Department } from '../../src/common/department.js';
import { allFields, type FieldRule, type IngestContract } from '../../src/db/ingest/contract.js';
import { validateRecord } from '../../src/db/ingest/validate.js';
import { MODULES } from '../../src/modules/index.js';
import { SAMPLES, USCC, enterpriseRecord } from '../helpers/ingest-samples.js';

const CONTRACTS: IngestContract[] = MODULES.flatMap((m) => m.ingest ?? []);
const NOW = new Date('2026-02-01T12:00:00Z');

/** A valid record and its writer for every contract. */
const VALID = new Map<string, { record: Record<string, unknown>; department: Department }>([
  ['Enterprise', { record: enterpriseRecord(USCC.a), department: Department.MARKET_REGULATION }],
  ...SAMPLES(USCC.a).map((s) => [s.recordType, { record: s.record, department: s.writer.org }] as const),
]);

/** Values that break each kind of rule, with the code they must be rejected under. */
function breakers(rule: FieldRule): [string, unknown, string][] {
  switch (rule.kind) {
    case 'text':
      return [
        ['NUL character', 'a\u0000b', 'INVALID_VALUE'],
        ['control character', 'a\u001Bb', 'INVALID_VALUE'],
        ['one character too many', '字'.repeat(rule.maxLength + 1), 'INVALID_VALUE'],
        ['blank', '   ', 'MISSING_FIELD'],
        ['a number', 42, 'INVALID_VALUE'],
        ...(rule.pattern
          ? ([['against its pattern', '字', 'INVALID_VALUE']] as [string, unknown, string][])
          : []),
      ];
    case 'uscc':
      return [
        ['wrong check character', '91350100M000100Y44', 'INVALID_USCC'],
        ['wrong organisation check digit', '91350100M000101Y43', 'INVALID_USCC'],
        ['17 characters', '91350100M000100Y4', 'INVALID_USCC'],
        ['lower case', '91350100m000100Y43', 'INVALID_USCC'],
      ];
    case 'enum':
      return [
        ['a value outside the enum', 'NOT_A_VALUE', 'INVALID_VALUE'],
        ['lower case', rule.values[0]!.toLowerCase(), 'INVALID_VALUE'],
      ];
    case 'enumArray':
      return [
        ['an empty list', [], 'INVALID_VALUE'],
        ['a value outside the enum', ['NOT_A_VALUE'], 'INVALID_VALUE'],
      ];
    case 'amount':
      return [
        ['negative', -1, 'INVALID_VALUE'],
        ['too many decimals', rule.scale === 1 ? 1.25 : 1.234, 'INVALID_VALUE'],
        ['too many integer digits', '9'.repeat(rule.maxIntegerDigits + 1), 'INVALID_VALUE'],
        ['text', 'ten', 'INVALID_VALUE'],
      ];
    case 'int':
      return [
        ['a fraction', 1.5, 'INVALID_VALUE'],
        ['below the minimum', rule.min - 1, 'INVALID_VALUE'],
        ['above the maximum', rule.max + 1, 'INVALID_VALUE'],
      ];
    case 'date':
      return [
        ['not a calendar date', '2025-02-30', 'INVALID_VALUE'],
        ['another format', '01/02/2025', 'INVALID_VALUE'],
        ...(rule.notFuture
          ? ([['in the future', '2026-02-02', 'INVALID_VALUE']] as [string, unknown, string][])
          : []),
      ];
    case 'month':
      return [
        ['month 13', '2025-13', 'INVALID_VALUE'],
        ['in the future', '2026-03', 'INVALID_VALUE'],
      ];
    case 'boolean':
      return [['yes', 'yes', 'INVALID_VALUE']];
    case 'timestamp':
      return [
        ['in the future', '2026-02-01T13:00:00Z', 'INVALID_VALUE'],
        ['without a time zone', '2026-01-01T10:00:00', 'INVALID_VALUE'],
        ['not a date', 'yesterday', 'INVALID_VALUE'],
      ];
  }
}

/** Records that break each cross-field rule, by contract and rule description. */
const CROSS_FIELD: Record<string, Record<string, [Record<string, unknown>, string]>> = {
  AdministrativePenalty: {
    'decisionDate is on or before publicityEndDate': [{ publicityEndDate: '2025-10-01' }, 'publicityEndDate'],
  },
  AdministrativeLicence: { 'validFrom is on or before validTo': [{ validTo: '2025-05-31' }, 'validTo'] },
  CreditListEntry: {
    'listedDate is on or before removedDate': [
      { removedDate: '2025-11-01', removalReason: 'PERFORMED' },
      'removedDate',
    ],
    'the writer owns the list: COURT the dishonest-debtor list, MARKET_REGULATION the others': [
      { list: 'SERIOUS_DISHONESTY' },
      'list',
    ],
    'removedDate and removalReason are given together': [{ removedDate: '2026-01-02' }, 'removalReason'],
  },
  TaxCreditEvaluation: { 'year is not after the current year': [{ year: 2099 }, 'year'] },
  TaxArrears: { 'arrearsSince is on or before paidOffDate': [{ paidOffDate: '2025-01-01' }, 'paidOffDate'] },
  SocialInsuranceAccount: {
    'arrears = max(contributionsDue − contributionsPaid, 0)': [{ arrears: 5000 }, 'arrears'],
  },
  DesignatedMedicalInstitution: {
    'designatedFrom is on or before statusChangedDate': [
      { statusChangedDate: '2019-01-01' },
      'statusChangedDate',
    ],
  },
  TransportLicence: { 'validFrom is on or before validTo': [{ validTo: '2023-01-01' }, 'validTo'] },
  TransportCreditRating: { 'score is at most 100': [{ score: 100.5 }, 'score'] },
  TechCertification: { 'validFrom is on or before validTo': [{ validTo: '2024-12-31' }, 'validTo'] },
};

describe('ingestion contracts', () => {
  it('cover every department record type the hub serves, and the enterprise master record', () => {
    const served = MODULES.flatMap((m) => Object.keys(m.records ?? {})).sort();
    expect(CONTRACTS.map((c) => c.recordType).sort()).toEqual(served);
  });

  it.each(CONTRACTS.map((c) => [c.recordType, c] as const))('%s: the sample record is valid', (_t, c) => {
    const valid = VALID.get(c.recordType)!;
    expect(validateRecord(c, valid.record, valid.department, NOW)).toMatchObject({ ok: true });
  });

  const cases = CONTRACTS.flatMap((c) =>
    allFields(c).flatMap((f) => [
      ...(f.required ? [[c.recordType, f.name, 'absent', undefined, 'MISSING_FIELD'] as const] : []),
      ...breakers(f.rule).map(([what, value, code]) => [c.recordType, f.name, what, value, code] as const),
    ]),
  );
  it.each(cases)('%s.%s %s is rejected', (recordType, field, _what, value, code) => {
    const contract = CONTRACTS.find((c) => c.recordType === recordType)!;
    const valid = VALID.get(recordType)!;
    const result = validateRecord(contract, { ...valid.record, [field]: value }, valid.department, NOW);
    expect(result).toMatchObject({ ok: false, code, field });
    expect(result.ok ? '' : result.message).toContain(field);
  });

  const rules = CONTRACTS.flatMap((c) => c.rules.map((r) => [c.recordType, r.description] as const));
  it.each(rules)('%s: rule "%s" rejects a record that breaks it', (recordType, description) => {
    const breaking = CROSS_FIELD[recordType]?.[description];
    expect(breaking).toBeDefined();
    const contract = CONTRACTS.find((c) => c.recordType === recordType)!;
    const valid = VALID.get(recordType)!;
    const [changes, field] = breaking!;
    const result = validateRecord(contract, { ...valid.record, ...changes }, valid.department, NOW);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_VALUE', field });
  });

  it('a court may not write market regulation’s lists (row-level owner)', () => {
    const c = CONTRACTS.find((x) => x.recordType === 'CreditListEntry')!;
    const r = { ...VALID.get('CreditListEntry')!.record, list: 'BUSINESS_ANOMALY', caseNumber: undefined };
    expect(validateRecord(c, r, Department.COURT, NOW)).toMatchObject({ ok: false, field: 'list' });
    expect(validateRecord(c, r, Department.MARKET_REGULATION, NOW)).toMatchObject({ ok: true });
  });

  it('rejects unknown fields and non-objects', () => {
    const c = CONTRACTS[0]!;
    const valid = VALID.get(c.recordType)!;
    expect(validateRecord(c, { ...valid.record, extra: 1 }, valid.department, NOW)).toMatchObject({
      ok: false,
      code: 'UNKNOWN_FIELD',
      field: 'extra',
    });
    expect(validateRecord(c, [1, 2], valid.department, NOW)).toMatchObject({
      ok: false,
      code: 'MALFORMED_RECORD',
    });
  });

  it('normalises what CSV sends as text', () => {
    const c = CONTRACTS.find((x) => x.recordType === 'TransportVehicle')!;
    const r = { ...VALID.get('TransportVehicle')!.record, keyVehicle: 'true' };
    const v = validateRecord(c, r, Department.TRANSPORT, NOW);
    expect(v.ok && v.record.keyVehicle).toBe(true);
    const l = CONTRACTS.find((x) => x.recordType === 'TransportLicence')!;
    const lr = {
      ...VALID.get('TransportLicence')!.record,
      businessScopes: 'PASSENGER_CHARTER|GENERAL_FREIGHT',
    };
    const lv = validateRecord(l, lr, Department.TRANSPORT, NOW);
    expect(lv.ok && lv.record.businessScopes).toEqual(['GENERAL_FREIGHT', 'PASSENGER_CHARTER']);
  });
});
