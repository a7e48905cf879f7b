import type { Department } from '../../common/department.js';
import { BadInputError } from '../../common/errors.js';
import { checkText as checkInputText } from '../../common/input.js';
import { checkUscc, isValidUscc } from '../../common/uscc.js';
import { RejectionCode } from './codes.js';
import { allFields, type FieldRule, type IngestContract } from './contract.js';

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

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const INTEGER = /^-?\d+$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const LIST_SEPARATOR = /[|;]/;
/** asOf may run ahead of the hub's clock by this much (clock skew between systems). */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * A broken field rule, while a record is checked: a class, so that a field's check
 * returns either the value to store or a Breach, with no result object per field.
 */
class Breach {
  constructor(
    readonly field: string,
    readonly message: string,
    readonly code: RejectionCode = RejectionCode.INVALID_VALUE,
  ) {}
}

const breach = (field: string, message: string, code = RejectionCode.INVALID_VALUE) =>
  ({ ok: false, code, field, message }) as const;

const failure = (b: Breach) => breach(b.field, b.message, b.code);

/** The number written by `length` ASCII digits from `at`, or -1. */
function digits(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * The milliseconds of midnight UTC of a calendar date YYYY-MM-DD, or NaN: read from
 * the character codes, without a regular expression or a Date. Years 0000-0099 are
 * not dates here (the check this replaces read them through Date.UTC, which takes
 * 0-99 for 1900-1999, and so never matched them).
 */
function calendarDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return NaN;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!)) return NaN;
  return Date.UTC(y, mo - 1, d);
}

const isCalendarDate = (text: string): boolean => !Number.isNaN(calendarDay(text));

type FieldValue = string | number | boolean | Date | string[];

type FieldResult = { ok: true; value: FieldValue } | ReturnType<typeof breach>;

/**
 * A text field: the hub's one text rule (src/common/input.ts: well-formed Unicode, no NUL or
 * control characters other than tab and newline, NFC, length in characters), reported as a
 * rejection of this record instead of an error for the whole request.
 */
function checkText(name: string, value: unknown, maxLength: number): string | Breach {
  try {
    return checkInputText(name, value, { max: maxLength, multiline: true });
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    const blank = err.details.rule === 'required';
    return new Breach(name, err.message, blank ? RejectionCode.MISSING_FIELD : RejectionCode.INVALID_VALUE);
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** An amount as the text to store: what `/^-?\d+(\.\d+)?$/`, a sign, the decimals and the integer digits allow. */
function amount(name: string, value: unknown, scale: number, maxIntegerDigits: number): string | Breach {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return new Breach(name, `${name} must be a decimal number of yuan`);
  const n = text.length;
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  let i = start;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  const wholeEnd = i;
  let decimals = 0;
  let shaped = wholeEnd > start;
  if (shaped && i < n) {
    if (text.charCodeAt(i) !== 46) shaped = false;
    else {
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      decimals = i - wholeEnd - 1;
      shaped = decimals > 0 && i === n;
    }
  }
  if (!shaped) return new Breach(name, `${name} must be a decimal number of yuan`);
  if (start === 1) return new Breach(name, `${name} must be ≥ 0`);
  if (decimals > scale) return new Breach(name, `${name} has at most ${scale} decimals`);
  // Leading zeros do not count (one is kept for a zero whole part).
  let first = 0;
  while (first < wholeEnd - 1 && text.charCodeAt(first) === 48) first++;
  if (wholeEnd - first > maxIntegerDigits)
    return new Breach(name, `${name} has at most ${maxIntegerDigits} digits before the decimal point`);
  return text;
}

/** One value against its rule: the value to store, or the breach. `today` is YYYY-MM-DD (UTC). */
function fieldValue(
  name: string,
  rule: FieldRule,
  value: unknown,
  today: string,
  nowMs: number,
): FieldValue | Breach {
  switch (rule.kind) {
    case 'text': {
      const text = checkText(name, value, rule.maxLength);
      if (!(text instanceof Breach) && rule.pattern && !rule.pattern.test(value as string))
        return new Breach(name, `${name} must be ${rule.patternRule}`);
      return text;
    }
    case 'uscc': {
      if (isValidUscc(value)) return value;
      const check = checkUscc(value);
      return check.valid
        ? check.code
        : new Breach(name, `${name}: ${check.message}`, RejectionCode.INVALID_USCC);
    }
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value)
        ? value
        : new Breach(name, `${name} must be one of ${rule.values.join(', ')}`);
    case 'enumArray': {
      const items = typeof value === 'string' ? value.split(LIST_SEPARATOR) : value;
      if (!Array.isArray(items) || items.length === 0)
        return new Breach(name, `${name} must be a non-empty list of ${rule.values.join(', ')}`);
      for (const item of items)
        if (typeof item !== 'string' || !rule.values.includes(item))
          return new Breach(name, `${name} must list only ${rule.values.join(', ')}`);
      return [...new Set(items as string[])].sort();
    }
    case 'amount':
      return amount(name, value, rule.scale, rule.maxIntegerDigits);
    case 'int': {
      const n = typeof value === 'string' && INTEGER.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isInteger(n))
        return new Breach(name, `${name} must be a whole number`);
      if (n < rule.min || n > rule.max)
        return new Breach(name, `${name} must be between ${rule.min} and ${rule.max}`);
      return n;
    }
    case 'boolean':
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      return new Breach(name, `${name} must be true or false`);
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value))
        return new Breach(name, `${name} must be a calendar date YYYY-MM-DD`);
      if (rule.notFuture && value > today) return new Breach(name, `${name} must not be in the future`);
      return value;
    case 'month':
      if (typeof value !== 'string' || !MONTH.test(value))
        return new Breach(name, `${name} must be a month YYYY-MM`);
      if (value > today.slice(0, 7)) return new Breach(name, `${name} must not be in the future`);
      return value;
    case 'timestamp': {
      const shape = `${name} must be an ISO 8601 date or date-time with a time zone`;
      if (typeof value !== 'string') return new Breach(name, shape);
      let ms: number;
      if (value.length === 10) {
        // A date alone: midnight UTC.
        ms = calendarDay(value);
        if (Number.isNaN(ms)) return new Breach(name, shape);
      } else {
        if (!TIMESTAMP.test(value) || !isCalendarDate(value.slice(0, 10))) return new Breach(name, shape);
        ms = new Date(value).getTime();
        if (Number.isNaN(ms)) return new Breach(name, `${name} is not a valid date-time`);
      }
      if (ms > nowMs + CLOCK_SKEW_MS) return new Breach(name, `${name} must not be in the future`);
      return new Date(ms);
    }
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
  const v = fieldValue(name, rule, value, today, now.getTime());
  return v instanceof Breach ? failure(v) : { ok: true, value: v };
}

const known = new WeakMap<IngestContract, ReadonlySet<string>>();
function fieldNames(contract: IngestContract): ReadonlySet<string> {
  let names = known.get(contract);
  if (!names) known.set(contract, (names = new Set(allFields(contract).map((f) => f.name))));
  return names;
}

/** The day of the last `now` seen: a chunk checks all its records against one `now`. */
let todayOf = { ms: NaN, day: '' };

const templates = new WeakMap<IngestContract, Readonly<Record<string, null>>>();

/**
 * A record of the contract with every field null, to be filled in: a copy of one
 * template object per contract, so each record is allocated once with all its
 * fields in place rather than grown one property at a time.
 */
function emptyRecord(contract: IngestContract): Record<string, NormalisedRecord[string]> {
  let template = templates.get(contract);
  if (!template) {
    // JSON.parse builds an object with all its properties in the object itself.
    template = JSON.parse(
      JSON.stringify(Object.fromEntries(allFields(contract).map((f) => [f.name, null]))),
    ) as Record<string, null>;
    templates.set(contract, template);
  }
  return { ...template };
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
  const nowMs = now.getTime();
  if (nowMs !== todayOf.ms) todayOf = { ms: nowMs, day: now.toISOString().slice(0, 10) };
  const today = todayOf.day;
  const record = emptyRecord(contract);
  const fields = allFields(contract);
  // Indexed: for-of allocated an iterator per record here.
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const value = raw[f.name];
    if (absent(value)) {
      if (f.required) return breach(f.name, `${f.name} is required`, RejectionCode.MISSING_FIELD);
      continue;
    }
    const result = fieldValue(f.name, f.rule, value, today, nowMs);
    if (result instanceof Breach) return failure(result);
    record[f.name] = result;
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
