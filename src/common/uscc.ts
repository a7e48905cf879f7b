/**
 * Unified Social Credit Code (GB 32100-2015) validation.
 *
 * Position 17 is the GB 11714 organisation-code check digit over positions 9-16;
 * position 18 is the GB 32100 check character over positions 1-17.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type UsccFailure =
  | 'NOT_A_STRING'
  | 'LENGTH'
  | 'CHARACTER'
  | 'ORG_CODE_CHECK_DIGIT'
  | 'CHECK_CHARACTER';

export type UsccCheck =
  | { readonly valid: true; readonly code: string }
  | { readonly valid: false; readonly failure: UsccFailure; readonly message: string };

function orgCodeCharValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  return c - 65 + 10; // GB 11714 letters: A=10 ... Z=35 over the full alphabet
}

/** GB 11714 check digit for the eight organisation-code characters (positions 9-16). */
export function orgCodeCheckDigit(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeCharValue(body8[i]!) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/** GB 32100 check character for the first seventeen characters. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Each character code's value in USCC_CHARSET (-1 outside it), and in GB 11714 (digits, A=10 … Z=35). */
const CHARSET_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) CHARSET_VALUE[USCC_CHARSET.charCodeAt(i)] = i;

/**
 * Whether `input` is a valid USCC: the same answer as `checkUscc(input).valid`, from
 * character codes alone (no substrings, no result object), for checking many codes.
 */
export function isValidUscc(input: unknown): input is string {
  if (typeof input !== 'string' || input.length !== 18) return false;
  let sum = 0;
  let orgSum = 0;
  for (let i = 0; i < 17; i++) {
    const c = input.charCodeAt(i);
    const v = c < 128 ? CHARSET_VALUE[c]! : -1;
    if (v < 0) return false;
    sum += v * USCC_WEIGHTS[i]!;
    // Positions 9-16 (indices 8-15), GB 11714 values: a digit is itself, a letter 10 + its place in A-Z.
    if (i >= 8 && i < 16) orgSum += (c <= 57 ? c - 48 : c - 55) * ORG_CODE_WEIGHTS[i - 8]!;
  }
  const org = 11 - (orgSum % 11);
  const expected17 = org === 10 ? 88 /* X */ : org === 11 ? 48 /* 0 */ : 48 + org;
  const last = input.charCodeAt(17);
  return (
    input.charCodeAt(16) === expected17 &&
    last < 128 &&
    CHARSET_VALUE[last]! >= 0 &&
    last === USCC_CHARSET.charCodeAt((31 - (sum % 31)) % 31)
  );
}

/**
 * Checks length, character set and both check characters. It never corrects a
 * code: legacy records with a bad checksum must be reported, not "fixed".
 * The division (positions 3-8) is not checked against current GB/T 2260, because
 * a code keeps the division it was issued under after a renaming.
 */
export function checkUscc(input: unknown): UsccCheck {
  if (typeof input !== 'string') {
    return { valid: false, failure: 'NOT_A_STRING', message: 'a USCC must be a string of 18 characters' };
  }
  if (input.length !== 18) {
    return {
      valid: false,
      failure: 'LENGTH',
      message: `a USCC has 18 characters, got ${input.length}`,
    };
  }
  for (let i = 0; i < 18; i++) {
    const ch = input[i]!;
    if (!USCC_CHARSET.includes(ch)) {
      const hint = /[a-z]/.test(ch)
        ? 'lower-case letters are not used'
        : 'allowed are 0-9 and upper-case letters except I, O, S, V, Z';
      return {
        valid: false,
        failure: 'CHARACTER',
        message: `character '${ch}' at position ${i + 1} is not allowed in a USCC (${hint})`,
      };
    }
  }
  const expected17 = orgCodeCheckDigit(input.slice(8, 16));
  if (input[16] !== expected17) {
    return {
      valid: false,
      failure: 'ORG_CODE_CHECK_DIGIT',
      message: `organisation-code check digit (position 17, GB 11714) is '${input[16]}', expected '${expected17}'`,
    };
  }
  const expected18 = usccCheckCharacter(input.slice(0, 17));
  if (input[17] !== expected18) {
    return {
      valid: false,
      failure: 'CHECK_CHARACTER',
      message: `check character (position 18, GB 32100) is '${input[17]}', expected '${expected18}'`,
    };
  }
  return { valid: true, code: input };
}

/** Builds a valid code from its 16 leading characters (used by the seed generator). */
export function completeUscc(first16: string): string {
  const with17 = first16 + orgCodeCheckDigit(first16.slice(8, 16));
  return with17 + usccCheckCharacter(with17);
}
