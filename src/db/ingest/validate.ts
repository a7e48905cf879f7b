import type { Department } from '../../common/department.js';
import { BadInputError } from '../../common/errors.js';
import { checkText as checkInputText } from '../../common/input.js';
import { checkUscc } from '../../common/uscc.js';
import { RejectionCode } from './codes.js';
import { allFields, type FieldRule, type IngestContract, type IngestField } from './contract.js';

/** A record as the contract reads it: the values by field name, normalised for storage. */
export type NormalisedRecord = Readonly<Record<string, string | number | boolean | Date | string[] | null>>;

export interface FieldBreach {
  readonly code: RejectionCode;
  readonly field: string | null;
  readonly message: string;
}

export type Validation =
  | { readonly ok: true; readonly record: NormalisedRecord }
  | ({ readonly ok: false } & FieldBreach);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** asOf may run ahead of the hub's clock by this much (clock skew between systems). */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const breach = (field: string, message: string, code = RejectionCode.INVALID_VALUE) =>
  ({ ok: false, code, field, message }) as const;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

type FieldResult =
  | { ok: true; value: string | number | boolean | Date | string[] }
  | ReturnType<typeof breach>;

/**
 * A text field: the hub's one text rule (src/common/input.ts: well-formed Unicode, no NUL or
 * control characters other than tab and newline, NFC, length in characters), reported as a
 * rejection of this record instead of an error for the whole request.
 */
function checkText(name: string, value: unknown, maxLength: number): FieldResult {
  try {
    return { ok: true, value: checkInputText(name, value, { max: maxLength, multiline: true }) };
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    const blank = err.details.rule === 'required';
    return breach(name, err.message, blank ? RejectionCode.MISSING_FIELD : RejectionCode.INVALID_VALUE);
  }
}

/** Checks one value against its rule; `today` is YYYY-MM-DD (UTC). */
export function checkField(
  name: string,
  rule: FieldRule,
  value: unknown,
  today: string,
  now: Date,
): FieldResult {
  switch (rule.kind) {
    case 'text': {
      const text = checkText(name, value, rule.maxLength);
      if (text.ok && rule.pattern && !rule.pattern.test(value as string))
        return breach(name, `${name} must be ${rule.patternRule}`);
      return text;
    }
    case 'uscc': {
      const check = checkUscc(value);
      return check.valid
        ? { ok: true, value: check.code }
        : breach(name, `${name}: ${check.message}`, RejectionCode.INVALID_USCC);
    }
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value)
        ? { ok: true, value }
        : breach(name, `${name} must be one of ${rule.values.join(', ')}`);
    case 'enumArray': {
      const items = typeof value === 'string' ? value.split(/[|;]/) : value;
      if (!Array.isArray(items) || items.length === 0)
        return breach(name, `${name} must be a non-empty list of ${rule.values.join(', ')}`);
      for (const item of items)
        if (typeof item !== 'string' || !rule.values.includes(item))
          return breach(name, `${name} must list only ${rule.values.join(', ')}`);
      return { ok: true, value: [...new Set(items as string[])].sort() };
    }
    case 'amount': {
      const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
      if (typeof text !== 'string' || !/^-?\d+(\.\d+)?$/.test(text))
        return breach(name, `${name} must be a decimal number of yuan`);
      if (text.startsWith('-')) return breach(name, `${name} must be ≥ 0`);
      const [whole, decimals = ''] = text.split('.');
      if (decimals.length > rule.scale) return breach(name, `${name} has at most ${rule.scale} decimals`);
      if (whole!.replace(/^0+(?=\d)/, '').length > rule.maxIntegerDigits)
        return breach(name, `${name} has at most ${rule.maxIntegerDigits} digits before the decimal point`);
      return { ok: true, value: text };
    }
    case 'int': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n))
        return breach(name, `${name} must be a whole number`);
      if (n < rule.min || n > rule.max)
        return breach(name, `${name} must be between ${rule.min} and ${rule.max}`);
      return { ok: true, value: n };
    }
    case 'boolean':
      if (value === true || value === 'true') return { ok: true, value: true };
      if (value === false || value === 'false') return { ok: true, value: false };
      return breach(name, `${name} must be true or false`);
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value))
        return breach(name, `${name} must be a calendar date YYYY-MM-DD`);
      if (rule.notFuture && value > today) return breach(name, `${name} must not be in the future`);
      return { ok: true, value };
    case 'month':
      if (typeof value !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
        return breach(name, `${name} must be a month YYYY-MM`);
      if (value > today.slice(0, 7)) return breach(name, `${name} must not be in the future`);
      return { ok: true, value };
    case 'timestamp': {
      if (typeof value !== 'string' || !TIMESTAMP.test(value) || !isCalendarDate(value.slice(0, 10)))
        return breach(name, `${name} must be an ISO 8601 date or date-time with a time zone`);
      const at = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
      if (Number.isNaN(at.getTime())) return breach(name, `${name} is not a valid date-time`);
      if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
        return breach(name, `${name} must not be in the future`);
      return { ok: true, value: at };
    }
  }
}

const known = new WeakMap<IngestContract, ReadonlySet<string>>();
function fieldNames(contract: IngestContract): ReadonlySet<string> {
  let names = known.get(contract);
  if (!names) known.set(contract, (names = new Set(allFields(contract).map((f) => f.name))));
  return names;
}

const absent = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Validates one record against its contract: unknown fields, then every field in
 * declaration order, then the cross-field rules. The first breach is reported.
 */
export function validateRecord(
  contract: IngestContract,
  input: unknown,
  department: Department,
  now = new Date(),
): Validation {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return {
      ok: false,
      code: RejectionCode.MALFORMED_RECORD,
      field: null,
      message: 'a record must be an object',
    };
  const raw = input as Record<string, unknown>;
  const names = fieldNames(contract);
  for (const key of Object.keys(raw))
    if (!names.has(key))
      return {
        ok: false,
        code: RejectionCode.UNKNOWN_FIELD,
        field: key.slice(0, 64),
        message: `${contract.recordType} has no field ${key.slice(0, 64)}`,
      };
  const today = now.toISOString().slice(0, 10);
  const record: Record<string, NormalisedRecord[string]> = {};
  for (const f of allFields(contract) as IngestField[]) {
    const value = raw[f.name];
    if (absent(value)) {
      if (f.required) return breach(f.name, `${f.name} is required`, RejectionCode.MISSING_FIELD);
      record[f.name] = null;
      continue;
    }
    const result = checkField(f.name, f.rule, value, today, now);
    if (!result.ok) return result;
    record[f.name] = result.value;
  }
  for (const rule of contract.rules) {
    const broken = rule.check(record, department);
    if (broken)
      return {
        ok: false,
        code: (broken.code as RejectionCode | undefined) ?? RejectionCode.INVALID_VALUE,
        field: broken.field,
        message: broken.message,
      };
  }
  return { ok: true, record };
}
