import { BadInputError, type ErrorDetails } from './errors.js';

/**
 * The one validation layer every input passes before it reaches SQL: resolvers,
 * services, authentication and ingestion call these checks, and each failure is
 * a BadInputError (BAD_USER_INPUT) whose extensions name the `argument` and the
 * `rule` it broke. Messages quote at most a bounded prefix of the value.
 */

/** Rules a check can report in `extensions.rule`; documented in the README. */
export type InputRule =
  | 'required'
  | 'type'
  | 'nul'
  | 'control'
  | 'wellFormed'
  | 'minLength'
  | 'maxLength'
  | 'format'
  | 'uuid'
  | 'dateRange'
  | 'enum'
  | 'maxItems'
  | 'reference';

/** At most this many characters of an offending value appear in a message. */
export const QUOTE_LIMIT = 64;

/** Characters (code points), not UTF-16 units: 1,500 emoji are 1,500 characters. */
export const charLength = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** A value quoted for a message: JSON-escaped, cut after QUOTE_LIMIT characters. */
export function quote(value: unknown, limit = QUOTE_LIMIT): string {
  if (typeof value !== 'string') {
    if (value === null || value === undefined || typeof value !== 'object') return String(value);
    return Array.isArray(value) ? 'a list' : 'an object';
  }
  let prefix = '';
  let n = 0;
  for (const ch of value) {
    if (n === limit) return `${JSON.stringify(prefix)}… (${charLength(value)} characters)`;
    prefix += ch;
    n++;
  }
  return JSON.stringify(prefix);
}

export const inputError = (
  argument: string,
  rule: InputRule,
  message: string,
  details: ErrorDetails = {},
): BadInputError => new BadInputError(message, { argument, rule, ...details });

export interface TextRule {
  /** Most characters (code points) allowed after normalisation and trimming. */
  readonly max: number;
  readonly min?: number;
  /** Free text may hold tab and newline (CR LF is kept as LF); single-line values may not. */
  readonly multiline?: boolean;
  /** Trim surrounding white space first (default true). */
  readonly trim?: boolean;
}

// C0 controls except tab and newline, DEL and C1 controls (0x9B is CSI, an ANSI escape on its own).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_MULTILINE = /[\u0001-\u0008\u000B-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_SINGLE_LINE = /[\u0001-\u001F\u007F-\u009F]/u;
// With the u flag a surrogate range matches only halves that are not part of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The common case of `checkText` in one pass over the code units, without a regular
 * expression or a copy: text of printable characters (tab and newline too when
 * multiline) with no surrogate at all, already in NFC and within the length once
 * trimmed. Returns what `checkText` would return, or undefined when the value needs
 * the full check (which then also words any error).
 */
function plainText(value: string, rule: TextRule): string | undefined {
  const n = value.length;
  if (n > rule.max * 4 + 1024) return undefined;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if ((c === 0x09 || c === 0x0a) && rule.multiline) continue;
    // Past the C1 controls and outside the surrogates: one code unit is one character.
    if (c >= 0xa0 && (c < 0xd800 || c > 0xdfff)) {
      ascii = false;
      continue;
    }
    return undefined;
  }
  // ASCII is its own NFC; other text is taken as it is only if normalising leaves it unchanged.
  if (!ascii && value.normalize('NFC') !== value) return undefined;
  const text = rule.trim === false ? value : value.trim();
  return text.length >= (rule.min ?? 1) && text.length <= rule.max ? text : undefined;
}

/**
 * A text value: a string, well-formed Unicode, no NUL, no control characters
 * (so no ANSI escape sequences, which all begin with ESC or CSI), NFC-normalised,
 * trimmed, and between `min` and `max` characters. Returns the value to store.
 */
export function checkText(argument: string, value: unknown, rule: TextRule): string {
  if (value === null || value === undefined)
    throw inputError(argument, 'required', `${argument} is required`);
  if (typeof value !== 'string') throw inputError(argument, 'type', `${argument} must be a string`);
  const plain = plainText(value, rule);
  if (plain !== undefined) return plain;
  // Checked before anything that is linear in the size: a 5 MB value is refused as overlong at once.
  if (value.length > rule.max * 4 + 1024) {
    throw inputError(
      argument,
      'maxLength',
      `${argument} must be at most ${rule.max} characters, got ${charLength(value)}`,
    );
  }
  if (value.includes('\u0000')) {
    throw inputError(argument, 'nul', `${argument} must not contain NUL characters (U+0000)`);
  }
  if (LONE_SURROGATE.test(value)) {
    throw inputError(argument, 'wellFormed', `${argument} must be well-formed Unicode (no lone surrogates)`);
  }
  let text = value.normalize('NFC');
  if (rule.multiline) text = text.replace(/\r\n/g, '\n');
  if (rule.trim !== false) text = text.trim();
  const control = (rule.multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).exec(text);
  if (control) {
    const at = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw inputError(
      argument,
      'control',
      `${argument} must not contain control characters${rule.multiline ? ' other than tab and newline' : ''}; found U+${at}`,
    );
  }
  const length = charLength(text);
  const min = rule.min ?? 1;
  if (length < min) {
    throw inputError(
      argument,
      length === 0 ? 'required' : 'minLength',
      length === 0
        ? `${argument} must not be empty`
        : `${argument} must be ${min} to ${rule.max} characters, got ${length}`,
    );
  }
  if (length > rule.max) {
    throw inputError(
      argument,
      'maxLength',
      `${argument} must be at most ${rule.max} characters, got ${length}`,
    );
  }
  return text;
}

/** A text value that must also match `pattern` (described in words by `shape`). */
export function checkToken(
  argument: string,
  value: unknown,
  max: number,
  pattern: RegExp,
  shape: string,
): string {
  const text = checkText(argument, value, { max });
  if (!pattern.test(text)) {
    throw inputError(argument, 'format', `${argument} must be ${shape}; ${quote(text)} is not`);
  }
  return text;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A record id: every id the hub issues is a UUID, and anything else is the same
 * error everywhere (BAD_USER_INPUT, rule uuid), never NOT_FOUND and never SQL.
 */
export function checkUuid(argument: string, value: unknown): string {
  if (typeof value !== 'string' || !UUID_PATTERN.test(value)) {
    throw inputError(argument, 'uuid', `${argument} must be a UUID, got ${quote(value)}`);
  }
  return value.toLowerCase();
}

/** Organisation codes: a Department code or an institution id such as BANK_XM_001. */
export const ORGANISATION_MAX = 64;
export const ORGANISATION_PATTERN = /^[A-Z0-9][A-Z0-9_]*$/;

export const checkOrganisation = (argument: string, value: unknown): string =>
  checkToken(
    argument,
    value,
    ORGANISATION_MAX,
    ORGANISATION_PATTERN,
    `an organisation code of upper-case letters, digits and _ (at most ${ORGANISATION_MAX})`,
  );

/** Subjects (principal ids): printable, no white space, at most 128 characters. */
export const SUBJECT_MAX = 128;
export const SUBJECT_PATTERN = /^[^\s]+$/u;

export const checkSubject = (argument: string, value: unknown): string =>
  checkToken(argument, value, SUBJECT_MAX, SUBJECT_PATTERN, 'a subject without white space');

export interface DateRule {
  readonly minYear?: number;
  readonly maxYear?: number;
}

/** Years a governance date may fall in; PostgreSQL rejects year 0 and a JS Date goes far past 9999. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** A date-time that is a real instant within [minYear, maxYear] (UTC). */
export function checkDateTime(argument: string, value: unknown, rule: DateRule = {}): Date {
  const min = rule.minYear ?? MIN_YEAR;
  const max = rule.maxYear ?? MAX_YEAR;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw inputError(argument, 'type', `${argument} must be a valid date-time`);
  }
  const year = value.getUTCFullYear();
  if (year < min || year > max) {
    throw inputError(
      argument,
      'dateRange',
      `${argument} must fall in the years ${min} to ${max}, got year ${year}`,
    );
  }
  return value;
}

/** One of an enum's values. */
export function checkEnum<T extends string>(argument: string, value: unknown, values: readonly T[]): T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw inputError(
      argument,
      'enum',
      `${argument} must be one of ${values.join(', ')}, got ${quote(value)}`,
    );
  }
  return value as T;
}

/** A list of at most `max` items, each checked by `item`; repeats are dropped. */
export function checkList<T>(
  argument: string,
  values: readonly unknown[] | null | undefined,
  max: number,
  item: (argument: string, value: unknown) => T,
): T[] {
  const list = values ?? [];
  if (list.length > max) {
    throw inputError(argument, 'maxItems', `${argument} may list at most ${max} items, got ${list.length}`);
  }
  return [...new Set(list.map((v) => item(argument, v)))];
}
