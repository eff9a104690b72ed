import { describe, expect, it } from '@jest/globals';
import { maskIdentity, normalizeIdentity } from './channel-identity.js';
import { byPriority, parseIdentifierPriority } from './identifier-priority.js';
import { IdentityError } from './identity.errors.js';

describe('channel identity values', () => {
  it.each([
    ['CARD', ' 8800-1234 5678 ', '880012345678'],
    ['CARD', 'vip00123', 'VIP00123'],
    ['APP_ACCOUNT', ' li.wei@atrium ', 'li.wei@atrium'],
    ['MINI_PROGRAM_OPENID', 'oAbC_12-xyz', 'oAbC_12-xyz'],
    ['PHONE', '138 1234 5678', '+8613812345678'],
  ] as const)('%s %j is stored as %j', (kind, value, stored) => {
    expect(normalizeIdentity(kind, value)).toBe(stored);
  });

  it.each([
    ['CARD', '123'],
    ['CARD', 'ABC!123456'],
    ['APP_ACCOUNT', 'a b'],
    ['MINI_PROGRAM_UNIONID', 'x'],
  ] as const)('%s %j is refused, naming the field', (kind, value) => {
    expect(() => normalizeIdentity(kind, value, 'value')).toThrow(IdentityError);
    try {
      normalizeIdentity(kind, value, 'value');
    } catch (error) {
      expect((error as IdentityError).field).toBe('value');
    }
  });

  it('a bad phone under another field name keeps that field name', () => {
    try {
      normalizeIdentity('PHONE', '123', 'filter.phone');
      throw new Error('expected a failure');
    } catch (error) {
      expect((error as IdentityError).field).toBe('filter.phone');
    }
  });

  it.each([
    ['PHONE', '+8613812345678', '138****5678'],
    ['CARD', '880012345678', '****5678'],
    ['MINI_PROGRAM_OPENID', 'oAbCdEfGhIjK', 'oAbC…hIjK'],
    ['APP_ACCOUNT', 'short', 'sh…'],
  ] as const)('%s %s is shown as %s', (kind, value, masked) => {
    expect(maskIdentity(kind, value)).toBe(masked);
  });
});

describe('identifier priority', () => {
  it('the default puts the card first, then the phone', () => {
    expect(parseIdentifierPriority(undefined).slice(0, 2)).toEqual(['CARD', 'PHONE']);
  });

  it('a configured list comes first; the identifiers it leaves out follow in default order', () => {
    expect(parseIdentifierPriority('phone, MEMBER_CODE')).toEqual([
      'PHONE',
      'MEMBER_CODE',
      'CARD',
      'MINI_PROGRAM_UNIONID',
      'MINI_PROGRAM_OPENID',
      'APP_ACCOUNT',
    ]);
  });

  it('an unknown or repeated identifier stops the boot with a clear message', () => {
    expect(() => parseIdentifierPriority('CARD,EMAIL')).toThrow(/unknown identifier\(s\) EMAIL/);
    expect(() => parseIdentifierPriority('CARD,card')).toThrow(/listed twice/);
  });

  it('only the identifiers present are tried, in priority order', () => {
    expect(
      byPriority(['CARD', 'PHONE', 'APP_ACCOUNT'], { APP_ACCOUNT: 'a', PHONE: 'p', CARD: null }),
    ).toEqual([
      ['PHONE', 'p'],
      ['APP_ACCOUNT', 'a'],
    ]);
  });
});
