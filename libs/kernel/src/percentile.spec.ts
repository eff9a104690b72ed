import { describe, expect, it } from '@jest/globals';
import { percentileCont } from './percentile.js';

describe('percentileCont: the definition of PostgreSQL percentile_cont', () => {
  it.each([
    [[], 0.5, null],
    [[7], 0.5, 7],
    [[7], 0.9, 7],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[4, 1, 3, 2], 0.5, 2.5],
    [[1, 2, 3, 4], 0.9, 3.7],
    [[10, 20, 30, 40, 50], 0.5, 30],
    [[10, 20, 30, 40, 50], 0.9, 46],
    [[10, 20, 30, 40, 50], 0, 10],
    [[10, 20, 30, 40, 50], 1, 50],
  ])('%j at %d is %d', (values, fraction, expected) => {
    const got = percentileCont(values, fraction);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });

  it('refuses a fraction outside 0..1', () => expect(() => percentileCont([1], 1.5)).toThrow(RangeError));
});
