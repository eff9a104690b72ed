import { IdentityError, IdentityErrorCode } from './identity.errors.js';
import type { IdentityKind } from './member.js';
import { PhoneNumber } from './phone-number.js';

/** What each linkable identifier looks like once normalized. */
const FORMATS: Record<
  Exclude<IdentityKind, 'PHONE'>,
  { pattern: RegExp; normalize: (v: string) => string; hint: string }
> = {
  CARD: {
    pattern: /^[0-9A-Z]{6,24}$/,
    normalize: (v) => v.replace(/[\s-]/g, '').toUpperCase(),
    hint: '6 to 24 letters or digits (spaces and dashes are ignored)',
  },
  APP_ACCOUNT: {
    pattern: /^[A-Za-z0-9_.@-]{3,64}$/,
    normalize: (v) => v.trim(),
    hint: '3 to 64 letters, digits or _ . @ -',
  },
  MINI_PROGRAM_OPENID: {
    pattern: /^[A-Za-z0-9_-]{6,64}$/,
    normalize: (v) => v.trim(),
    hint: 'an openid issued by WeChat',
  },
  MINI_PROGRAM_UNIONID: {
    pattern: /^[A-Za-z0-9_-]{6,64}$/,
    normalize: (v) => v.trim(),
    hint: 'a unionid issued by WeChat',
  },
};

/** The stored form of an identifier; BAD_USER_INPUT on `field` when it is malformed. */
export function normalizeIdentity(kind: IdentityKind, value: string, field = 'value'): string {
  if (kind === 'PHONE') {
    try {
      return PhoneNumber.parse(value).e164;
    } catch (error) {
      if (error instanceof IdentityError && field !== 'phone')
        throw new IdentityError(error.code, error.message.replace(/^phone:/, `${field}:`), field);
      throw error;
    }
  }
  const format = FORMATS[kind];
  const normalized = format.normalize(value);
  if (!format.pattern.test(normalized))
    throw new IdentityError(
      IdentityErrorCode.IDENTITY_VALUE_INVALID,
      `${field}: a ${kind} must be ${format.hint}`,
      field,
    );
  return normalized;
}

/** For display: phones as 138****1234, cards as ****5678, other ids keep 4 characters at each end. */
export function maskIdentity(kind: IdentityKind, value: string): string {
  if (kind === 'PHONE') return PhoneNumber.parse(value).masked();
  if (kind === 'CARD') return `****${value.slice(-4)}`;
  if (value.length <= 8) return `${value.slice(0, 2)}…`;
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}
