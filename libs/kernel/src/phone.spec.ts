import { describe, expect, it } from '@jest/globals';
import { maskPhone, parsePhone, toE164 } from './phone.js';

describe('phone numbers', () => {
  it.each([
    ['13812341234', '+8613812341234'],
    [' 138-1234 1234 ', '+8613812341234'],
    ['+86 138 1234 1234', '+8613812341234'],
    ['+44 20 7946 0123', '+442079460123'],
    ['(212) 555-0100', null],
    ['12812341234', null],
    ['+8601012345678', null],
    ['', null],
  ])('%j is %s', (input, e164) => {
    expect(toE164(input)).toBe(e164);
  });

  it('names the problem of a +86 number that is not a mobile', () => {
    expect(parsePhone('+86 010 1234 5678')).toEqual({
      ok: false,
      problem: 'a +86 number must be a mainland mobile number (11 digits starting with 13–19)',
    });
  });

  it.each([
    ['+8613812341234', '138****1234'],
    ['+442079460123', '+44******0123'],
    ['+12345', '****'],
  ])('%s is shown as %s', (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked);
  });
});
