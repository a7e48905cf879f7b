import { describe, expect, it } from '@jest/globals';
import { TransportCreditGrade as G } from '../../src/modules/transport-credit/transport-credit.enums.js';
import { transportGrade } from '../../src/modules/transport-credit/transport-grade.js';

describe('transportGrade', () => {
  it.each([
    [100, 0, G.AA],
    [90, 0, G.AA],
    [89.9, 0, G.A],
    [80, 0, G.A],
    [79.9, 0, G.B],
    [60, 0, G.B],
    [59.9, 0, G.C],
    [40, 0, G.C],
    [39.9, 0, G.D],
    [0, 0, G.D],
  ])('score %p with %p points is %p', (score, points, grade) => {
    expect(transportGrade(score, points)).toBe(grade);
  });

  it.each([
    [95, 19, G.AA],
    [95, 20, G.C],
    [85, 20, G.C],
    [65, 35, G.C],
    [40, 20, G.C],
    [39.9, 20, G.D],
    [10, 50, G.D],
  ])(
    'score %p with %p points is %p: 20 points cap the grade at C, a score under 40 stays D',
    (score, points, grade) => {
      expect(transportGrade(score, points)).toBe(grade);
    },
  );

  it.each([
    [-0.1, 0],
    [100.1, 0],
    [Number.NaN, 0],
    [50, -1],
  ])('rejects score %p with %p points', (score, points) => {
    expect(() => transportGrade(score, points)).toThrow(RangeError);
  });
});
