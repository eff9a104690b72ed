import { IdentityError, IdentityErrorCode } from './identity.errors.js';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const MAINLAND_PREFIX = '+86';
/** Separators people type inside numbers: spaces, dashes, dots, parentheses. */
const SEPARATORS = /[\s\-.()]/g;

/**
 * A phone number in E.164 form. Mainland mobiles typed as 11 digits become `+86…`; other
 * numbers must already be E.164. A `+86` number must be a mainland mobile, because a phone
 * identity has to be reachable by SMS.
 */
export class PhoneNumber {
  private constructor(readonly e164: string) {}

  static parse(input: string): PhoneNumber {
    const compact = input.trim().replace(SEPARATORS, '');
    if (MAINLAND_MOBILE.test(compact)) return new PhoneNumber(MAINLAND_PREFIX + compact);
    if (E164.test(compact)) {
      if (
        compact.startsWith(MAINLAND_PREFIX) &&
        !MAINLAND_MOBILE.test(compact.slice(MAINLAND_PREFIX.length))
      ) {
        throw invalid('a +86 number must be a mainland mobile number (11 digits starting with 13–19)');
      }
      return new PhoneNumber(compact);
    }
    throw invalid(
      'must be a mainland China mobile number (11 digits starting with 13–19) or an E.164 number such as +8613812341234',
    );
  }

  get isMainland(): boolean {
    return this.e164.startsWith(MAINLAND_PREFIX);
  }

  /**
   * For people and logs: mainland numbers show the national number as `138****1234`; other
   * numbers keep the country-code side and the last four digits, e.g. `+44******0123`.
   */
  masked(): string {
    if (this.isMainland) {
      const national = this.e164.slice(MAINLAND_PREFIX.length);
      return `${national.slice(0, 3)}****${national.slice(-4)}`;
    }
    const digits = this.e164.slice(1);
    return `+${digits.slice(0, 2)}${'*'.repeat(digits.length - 6)}${digits.slice(-4)}`;
  }

  equals(other: PhoneNumber): boolean {
    return other.e164 === this.e164;
  }

  /** Never the full number by accident (string templates, JSON). */
  toString(): string {
    return this.masked();
  }

  toJSON(): string {
    return this.masked();
  }
}

function invalid(problem: string): IdentityError {
  return new IdentityError(IdentityErrorCode.PHONE_INVALID, `phone: ${problem}`, 'phone');
}
