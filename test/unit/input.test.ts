import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '../../src/common/errors.js';
import {
  charLength,
  checkDateTime,
  checkList,
  checkOrganisation,
  checkText,
  checkUuid,
  quote,
} from '../../src/common/input.js';

/** The `rule` a check refused with, or 'ok'. */
function ruleOf(check: () => unknown): unknown {
  try {
    check();
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(BadInputError);
    return (err as BadInputError).details.rule;
  }
}

describe('input checks', () => {
  it('count characters, not UTF-16 units', () => {
    expect('😀'.repeat(3).length).toBe(6);
    expect(charLength('😀'.repeat(3))).toBe(3);
  });

  it('quote a bounded prefix and say how long the value was', () => {
    expect(quote('short')).toBe('"short"');
    const long = quote('x'.repeat(5_000_000));
    expect(long).toBe(`"${'x'.repeat(64)}"… (5000000 characters)`);
    expect(quote({ a: 1 })).toBe('an object');
  });

  it.each([
    ['a\u0000b', {}, 'nul'],
    ['a\u0007b', {}, 'control'],
    ['a\u001b[31mb', {}, 'control'],
    ['a\u009bb', {}, 'control'],
    ['a\tb', {}, 'control'],
    ['a\tb\nc', { multiline: true }, 'ok'],
    ['a\ud800b', {}, 'wellFormed'],
    ['😀'.repeat(10), {}, 'ok'],
    ['😀'.repeat(11), {}, 'maxLength'],
    ['   ', {}, 'required'],
    ['abc', { min: 5 }, 'minLength'],
    [42, {}, 'type'],
    [null, {}, 'required'],
  ])('checkText(%j, %j) is %s', (value, rule, expected) => {
    expect(ruleOf(() => checkText('v', value, { max: 10, ...rule }))).toBe(expected);
  });

  it('normalises to NFC, trims, and stores CR LF as LF in free text', () => {
    expect(checkText('v', ' Cafe\u0301 ', { max: 10 })).toBe('Café');
    expect(checkText('v', 'a\r\nb', { max: 10, multiline: true })).toBe('a\nb');
  });

  // Plain text (printable, no surrogates, already NFC) takes a one-pass path: same answers.
  it.each([
    [' 〔2025〕1号 ', {}, '〔2025〕1号'],
    ['\u00a0a\u3000', {}, 'a'],
    ['a\tb', { multiline: true }, 'a\tb'],
    ['  a  ', { trim: false }, '  a  '],
    ['字'.repeat(10), {}, '字'.repeat(10)],
    ['Cafe\u0301', {}, 'Café'],
  ])('checkText(%j, %j) stores %j', (value, rule, expected) => {
    expect(checkText('v', value, { max: 10, ...rule })).toBe(expected);
  });

  it.each([
    // Short once trimmed, but refused for its size before anything linear runs.
    [`a${' '.repeat(1100)}`, {}, 'maxLength'],
    ['字'.repeat(11), {}, 'maxLength'],
    ['a\u0085b', { multiline: true }, 'control'],
    ['a\u007fb', {}, 'control'],
    ['a\rb', { multiline: true }, 'control'],
    ['  ', { trim: false, min: 3 }, 'minLength'],
    ['\u3000', {}, 'required'],
  ])('checkText(%j, %j) on the plain path still refuses with %s', (value, rule, expected) => {
    expect(ruleOf(() => checkText('v', value, { max: 10, ...rule }))).toBe(expected);
  });

  it('ids are UUIDs, organisations codes, dates in 1900..9999', () => {
    expect(ruleOf(() => checkUuid('id', '00000000-0000-4000-8000-00000000000A'))).toBe('ok');
    expect(ruleOf(() => checkUuid('id', 'not-a-uuid'))).toBe('uuid');
    expect(ruleOf(() => checkOrganisation('org', 'BANK_XM_001'))).toBe('ok');
    expect(ruleOf(() => checkOrganisation('org', "BANK'; drop table x;--"))).toBe('format');
    expect(ruleOf(() => checkDateTime('d', new Date('0000-01-01T00:00:00Z')))).toBe('dateRange');
    expect(ruleOf(() => checkDateTime('d', new Date('1900-01-01T00:00:00Z')))).toBe('ok');
    expect(ruleOf(() => checkDateTime('d', new Date('not a date')))).toBe('type');
  });

  it('lists are bounded and deduplicated', () => {
    expect(checkList('s', ['a', 'a', 'b'], 3, (arg, v) => checkText(arg, v, { max: 5 }))).toEqual(['a', 'b']);
    expect(ruleOf(() => checkList('s', ['a', 'b'], 1, (arg, v) => v))).toBe('maxItems');
  });
});
