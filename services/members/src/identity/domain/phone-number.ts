import { isMainlandPhone, maskPhone, parsePhone } from '@atrium/kernel';
import { IdentityError, IdentityErrorCode } from './identity.errors.js';

/**
 * A phone number in E.164 form, parsed by the kernel's rule: mainland mobiles typed as 11
 * digits become `+86…`; other numbers must already be E.164; a `+86` number must be a mainland
 * mobile, because a phone identity has to be reachable by SMS. Prints masked.
 */
export class PhoneNumber {
  private constructor(readonly e164: string) {}

  static parse(input: string): PhoneNumber {
    const parsed = parsePhone(input);
    if (!parsed.ok)
      throw new IdentityError(IdentityErrorCode.PHONE_INVALID, `phone: ${parsed.problem}`, 'phone');
    return new PhoneNumber(parsed.e164);
  }

  get isMainland(): boolean {
    return isMainlandPhone(this.e164);
  }

  /** For people and logs: `138****1234`, or `+44******0123` outside the mainland. */
  masked(): string {
    return maskPhone(this.e164);
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
