import { describe, expect, it } from '@jest/globals';
import { maskPhone, toE164 } from './phone.js';

describe('toE164', () => {
  it.each([
    ['13812341234', '+8613812341234'],
    ['+8613812341234', '+8613812341234'],
    [' 138 1234-1234 ', '+8613812341234'],
    ['+14155552671', '+14155552671'],
    ['12812341234', null],
    ['1381234123', null],
    ['abc', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });
});

describe('maskPhone', () => {
  it.each([
    ['+8613812341234', '138****1234'],
    ['+14155552671', '+14*****2671'],
    ['+123456', '****'],
  ])('%s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});
