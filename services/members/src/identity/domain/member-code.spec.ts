import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { CROCKFORD_ALPHABET, generateMemberCode, isMemberCode } from './member-code.js';

const fixed =
  (...bytes: number[]) =>
  () =>
    Uint8Array.from(bytes);

describe('generateMemberCode', () => {
  it.each([
    ['all-zero bits give the lowest code', [0, 0, 0, 0, 0], 'M00000000'],
    ['all-one bits give the highest code', [255, 255, 255, 255, 255], 'MZZZZZZZZ'],
    ['the last 5 bits are the last character', [0, 0, 0, 0, 31], 'M0000000Z'],
    ['the first 5 bits are the first character', [0b11111000, 0, 0, 0, 0], 'MZ0000000'],
    ['a mixed value encodes each 5-bit group', [0x12, 0x34, 0x56, 0x78, 0x9a], 'M28T5CY4T'],
  ])('%s', (_name, bytes, code) => {
    expect(generateMemberCode(fixed(...bytes))).toBe(code);
  });

  it('random codes are M plus 8 Crockford base32 characters without I, L, O or U', () => {
    for (let i = 0; i < 2000; i += 1) {
      const code = generateMemberCode((n) => randomBytes(n));
      expect(code).toMatch(/^M[0-9A-Z]{8}$/);
      expect(code.slice(1)).not.toMatch(/[ILOU]/);
      expect(isMemberCode(code)).toBe(true);
    }
  });

  it('uses the 32-character Crockford alphabet', () => {
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(new Set(CROCKFORD_ALPHABET).size).toBe(32);
  });

  it('refuses a random source that returns too few bytes', () => {
    expect(() => generateMemberCode(fixed(1, 2, 3))).toThrow('5 random bytes');
  });
});

describe('isMemberCode', () => {
  it.each([
    ['M28T5CY4T', true],
    ['M00000000', true],
    ['m28t5cy4t', false],
    ['X28T5CY4T', false],
    ['M28T5CY4', false],
    ['M28T5CY4TT', false],
    ['M28T5CYIT', false],
    ['M28T5CYOT', false],
  ])('%s → %s', (value, expected) => {
    expect(isMemberCode(value)).toBe(expected);
  });
});
