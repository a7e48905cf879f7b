import { createHash } from 'node:crypto';
import { ErrorCode, HubError } from '../common/errors.js';
import type { AccessDecisions } from './access-log.entity.js';

/** The previous hash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every column of a log record except its own hash. */
export interface HashedAccessLogFields {
  readonly id: string;
  readonly occurredAt: Date;
  readonly principalId: string;
  readonly organisation: string;
  readonly principalKind: string;
  readonly purpose: string | null;
  readonly operationName: string | null;
  readonly documentHash: string;
  readonly requestId: string;
  readonly usccs: readonly string[];
  readonly resources: readonly string[];
  readonly owners: readonly string[];
  readonly decisions: AccessDecisions;
  readonly previousHash: string;
}

/** Raised when a value cannot be serialised canonically; it is a server fault, never the caller's. */
export class AccessLogError extends HubError {
  constructor(message: string) {
    super(ErrorCode.INTERNAL_SERVER_ERROR, message);
  }
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Canonical JSON: object keys sorted by UTF-16 code units at every depth, no
 * whitespace, absent (undefined) object members omitted. jsonb reorders keys and
 * a verifier in another language must get the same bytes, so nothing may depend
 * on insertion order or on JSON.stringify's handling of odd values. For keys in
 * the Basic Multilingual Plane this is Python's
 * json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=False).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new AccessLogError(`cannot hash the non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (value instanceof Date) return JSON.stringify(isoUtcMillis(value));
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
      const members = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new AccessLogError(`cannot hash a value of type ${typeof value}`);
  }
}

/** ISO-8601 in UTC with exactly three fractional digits, e.g. 2024-05-01T08:00:00.123Z. */
export function isoUtcMillis(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new AccessLogError('cannot hash an invalid date');
  return date.toISOString();
}

/** The bytes a record's hash is computed over. */
export function canonicalAccessLogRecord(fields: HashedAccessLogFields): string {
  const record: Record<keyof HashedAccessLogFields, unknown> = {
    id: fields.id,
    occurredAt: isoUtcMillis(fields.occurredAt),
    principalId: fields.principalId,
    organisation: fields.organisation,
    principalKind: fields.principalKind,
    purpose: fields.purpose,
    operationName: fields.operationName,
    documentHash: fields.documentHash,
    requestId: fields.requestId,
    usccs: fields.usccs,
    resources: fields.resources,
    owners: fields.owners,
    decisions: fields.decisions,
    previousHash: fields.previousHash,
  };
  return canonicalJson(record);
}

export const accessLogHash = (fields: HashedAccessLogFields): string =>
  sha256Hex(canonicalAccessLogRecord(fields));
