import { describe, expect, it } from '@jest/globals';
import { chinaToday } from '../../src/common/china-date.js';

const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

describe('chinaToday', () => {
  it('turns at midnight in China (16:00 UTC), to the millisecond, also when remembered', () => {
    const midnight = Date.parse('2026-12-04T16:00:00.000Z');
    expect(chinaToday(midnight - 30_000)).toBe('2026-12-04');
    expect(chinaToday(midnight - 1)).toBe('2026-12-04');
    expect(chinaToday(midnight)).toBe('2026-12-05');
    expect(chinaToday(midnight + 59_999)).toBe('2026-12-05');
    expect(chinaToday(midnight - 1)).toBe('2026-12-04');
  });

  it('agrees with Intl for instants across years', () => {
    let t = Date.parse('2019-12-31T00:00:00.000Z');
    for (let i = 0; i < 2000; i++) {
      t += 1_000_003 * 97 + (i % 7) * 61_001;
      expect(chinaToday(t)).toBe(intl.format(new Date(t)));
    }
  });
});
