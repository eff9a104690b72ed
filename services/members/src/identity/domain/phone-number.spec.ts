import { describe, expect, it } from '@jest/globals';
import { IdentityError, IdentityErrorCode } from './identity.errors.js';
import { PhoneNumber } from './phone-number.js';

describe('PhoneNumber.parse', () => {
  it.each([
    ['a mainland 11-digit mobile gains +86', '13812341234', '+8613812341234'],
    ['a mainland mobile starting with 19 is accepted', '19912345678', '+8619912345678'],
    ['an E.164 mainland mobile is kept', '+8613812341234', '+8613812341234'],
    ['a foreign E.164 number is kept', '+14155552671', '+14155552671'],
    ['a Hong Kong E.164 number is kept', '+85291234567', '+85291234567'],
    ['surrounding spaces are dropped', '  13812341234 ', '+8613812341234'],
    ['spaces and dashes inside are dropped', '138-1234 1234', '+8613812341234'],
    ['a formatted foreign number is compacted', '+1 (415) 555-2671', '+14155552671'],
  ])('%s', (_name, input, e164) => {
    expect(PhoneNumber.parse(input).e164).toBe(e164);
  });

  it.each([
    ['an empty string', ''],
    ['ten digits', '1381234123'],
    ['twelve digits', '138123412345'],
    ['a mainland number starting with 12', '12812341234'],
    ['a landline without country code', '02112345678'],
    ['letters', '1381234abcd'],
    ['a +86 number that is not a mobile', '+862112345678'],
    ['a +86 mobile with a digit too many', '+86138123412345'],
    ['E.164 with a leading zero country code', '+0123456789'],
    ['E.164 longer than 15 digits', '+1234567890123456'],
  ])('rejects %s as MEMBER_PHONE_INVALID on the phone field', (_name, input) => {
    let caught: unknown;
    try {
      PhoneNumber.parse(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IdentityError);
    expect((caught as IdentityError).code).toBe(IdentityErrorCode.PHONE_INVALID);
    expect((caught as IdentityError).field).toBe('phone');
  });
});

describe('PhoneNumber masking', () => {
  it.each([
    ['a mainland number shows the national number masked', '13812341234', '138****1234'],
    ['a +86 number is masked like the national number', '+8613900001111', '139****1111'],
    ['a US number keeps country side and last four digits', '+14155552671', '+14*****2671'],
    ['a UK number keeps country side and last four digits', '+447911123456', '+44******3456'],
  ])('%s', (_name, input, masked) => {
    expect(PhoneNumber.parse(input).masked()).toBe(masked);
  });

  it('never prints the full number through String() or JSON', () => {
    const phone = PhoneNumber.parse('13812341234');
    expect(String(phone)).toBe('138****1234');
    expect(`${phone}`).not.toContain('13812341234');
    expect(JSON.stringify({ phone })).toBe('{"phone":"138****1234"}');
  });

  it('two spellings of one number are equal', () => {
    expect(PhoneNumber.parse('138 1234 1234').equals(PhoneNumber.parse('+8613812341234'))).toBe(true);
    expect(PhoneNumber.parse('13812341234').equals(PhoneNumber.parse('13812341235'))).toBe(false);
  });
});
