import { describe, expect, it } from '@jest/globals';
import { KeySet } from '../../src/db/ingest/key-set.js';

describe('KeySet (the keys a bulk file has used)', () => {
  it('answers exactly like a Set over many keys, through every growth, including colliding and non-ASCII keys', () => {
    const keys = new KeySet();
    const reference = new Set<string>();
    // Keys that differ only in order or by one character, empty, long, CJK and astral.
    const make = (i: number) =>
      i % 7 === 0
        ? `厦市监罚〔2025〕${i}号`
        : i % 11 === 0
          ? `𠀀-${i}`
          : i % 13 === 0
            ? 'x'.repeat(i % 64)
            : `P-${i}`;
    for (let i = 0; i < 50_000; i++) {
      const key = make(i % 40_000); // the last 10,000 repeat earlier keys
      expect(keys.add(key)).toBe(!reference.has(key));
      reference.add(key);
    }
    expect(keys.size).toBe(reference.size);
    for (let i = 0; i < 45_000; i++) expect(keys.has(make(i))).toBe(reference.has(make(i)));
    expect(keys.has('P-40000x')).toBe(false);
    expect(keys.has('')).toBe(reference.has(''));
  });
});
