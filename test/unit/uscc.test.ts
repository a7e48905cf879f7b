import { describe, expect, it } from '@jest/globals';
import {
  USCC_CHARSET,
  checkUscc,
  completeUscc,
  isValidUscc,
  orgCodeCheckDigit,
  usccCheckCharacter,
} from '../../src/common/uscc.js';

const VALID = [
  '91350100M000100Y43',
  '91310230MA1K314J7C',
  '91350200776049653A',
  '91440101MA5CJQ4N59',
  '9135021359498494XQ',
];

/** Replaces position `pos` (1-based) with the next character of the USCC set. */
function withWrongChar(code: string, pos: number): string {
  const current = code[pos - 1]!;
  const next = USCC_CHARSET[(USCC_CHARSET.indexOf(current) + 1) % USCC_CHARSET.length]!;
  return code.slice(0, pos - 1) + next + code.slice(pos);
}

describe('checkUscc', () => {
  it.each(VALID)('accepts the valid code %s', (code) => {
    expect(checkUscc(code)).toEqual({ valid: true, code });
  });

  it.each(VALID)('rejects %s with a wrong check character (position 18)', (code) => {
    const result = checkUscc(withWrongChar(code, 18));
    expect(result).toMatchObject({ valid: false, failure: 'CHECK_CHARACTER' });
    expect(!result.valid && result.message).toContain(`expected '${code[17]}'`);
  });

  it.each(VALID)('rejects %s with a wrong organisation-code check digit (position 17)', (code) => {
    // Position 17 is a digit or X; any other digit there breaks the GB 11714 check.
    const wrong17 = code[16] === '1' ? '2' : '1';
    const bad = code.slice(0, 16) + wrong17 + code.slice(17);
    expect(checkUscc(bad)).toMatchObject({ valid: false, failure: 'ORG_CODE_CHECK_DIGIT' });
  });

  it('rejects a change in the organisation code body via the position 17 check', () => {
    expect(checkUscc(withWrongChar(VALID[1]!, 12))).toMatchObject({
      valid: false,
      failure: 'ORG_CODE_CHECK_DIGIT',
    });
  });

  it('rejects a change in the first eight characters via the position 18 check', () => {
    expect(checkUscc(withWrongChar(VALID[0]!, 3))).toMatchObject({
      valid: false,
      failure: 'CHECK_CHARACTER',
    });
  });

  it.each([
    ['', 0],
    ['91350100M000100Y4', 17],
    ['91350100M000100Y433', 19],
  ])('rejects %j for its length (%d)', (code, length) => {
    const result = checkUscc(code);
    expect(result).toMatchObject({ valid: false, failure: 'LENGTH' });
    expect(!result.valid && result.message).toBe(`a USCC has 18 characters, got ${length}`);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the excluded letter %s and names its position', (letter) => {
    const code = `91350100M${letter}00100Y43`;
    const result = checkUscc(code);
    expect(result).toMatchObject({ valid: false, failure: 'CHARACTER' });
    expect(!result.valid && result.message).toContain(`'${letter}' at position 10`);
  });

  it('rejects lower case rather than silently upper-casing it', () => {
    expect(checkUscc('91310230ma1k314j7c')).toMatchObject({ valid: false, failure: 'CHARACTER' });
  });

  it('rejects non-strings', () => {
    expect(checkUscc(913501)).toMatchObject({ valid: false, failure: 'NOT_A_STRING' });
  });

  it('maps check value 10 to X and 11 to 0 at position 17', () => {
    // 59498494 -> X (from the valid example 9135021359498494XQ)
    expect(orgCodeCheckDigit('59498494')).toBe('X');
    // Find a body whose check is 0 to cover the 11 -> '0' branch.
    let found = '';
    for (let n = 0; n < 1000 && !found; n++) {
      const body = String(10000000 + n);
      if (orgCodeCheckDigit(body) === '0') found = body;
    }
    expect(found).not.toBe('');
  });

  it('does not reject a code because its division was later renamed', () => {
    // 350100 and 310230 are historical prefixes; only the check characters matter.
    expect(checkUscc('91310230MA1K314J7C').valid).toBe(true);
  });

  it('completeUscc builds codes that pass both checks', () => {
    const code = completeUscc('91110108MA01ABCD');
    expect(code).toHaveLength(18);
    expect(checkUscc(code).valid).toBe(true);
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  it('isValidUscc (the bulk path) agrees with checkUscc, code by code', () => {
    // Valid codes, every single-character change of them, and codes of random characters
    // (a third completed, so both check characters are right), lower case and excluded letters.
    const chars = `${USCC_CHARSET}IOSVZa`;
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const codes = [...VALID, '', '9135010', `${VALID[0]!}0`, 913501, null];
    for (const code of VALID)
      for (let pos = 1; pos <= 18; pos++)
        for (const ch of chars) codes.push(code.slice(0, pos - 1) + ch + code.slice(pos));
    for (let i = 0; i < 20_000; i++) {
      const completed = next(3) === 0;
      const from = completed ? USCC_CHARSET : chars;
      let code = '';
      for (let c = 0; c < 18; c++) code += from[next(from.length)]!;
      codes.push(completed ? completeUscc(code.slice(0, 16)) : code);
    }
    const disagreeing = codes.filter((c) => isValidUscc(c) !== checkUscc(c).valid);
    expect(disagreeing).toEqual([]);
    expect(codes.filter((c) => isValidUscc(c)).length).toBeGreaterThan(6000);
  });
});
