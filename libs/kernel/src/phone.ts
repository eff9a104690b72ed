/**
 * Phone numbers in E.164. Mainland mobiles typed as 11 digits gain +86; other numbers must
 * already be E.164. A +86 number must be a mainland mobile: a phone identity is reachable by SMS.
 */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const MAINLAND_PREFIX = '+86';
/** Separators people type inside numbers: spaces, dashes, dots, parentheses. */
const SEPARATORS = /[\s\-.()]/g;

export type PhoneParse = { ok: true; e164: string } | { ok: false; problem: string };

export function parsePhone(input: string): PhoneParse {
  const compact = input.trim().replace(SEPARATORS, '');
  if (MAINLAND_MOBILE.test(compact)) return { ok: true, e164: MAINLAND_PREFIX + compact };
  if (E164.test(compact)) {
    if (compact.startsWith(MAINLAND_PREFIX) && !MAINLAND_MOBILE.test(compact.slice(MAINLAND_PREFIX.length)))
      return {
        ok: false,
        problem: 'a +86 number must be a mainland mobile number (11 digits starting with 13–19)',
      };
    return { ok: true, e164: compact };
  }
  return {
    ok: false,
    problem:
      'must be a mainland China mobile number (11 digits starting with 13–19) or an E.164 number such as +8613812341234',
  };
}

/** The E.164 form of a phone, or null when it is not one. */
export function toE164(input: string): string | null {
  const parsed = parsePhone(input);
  return parsed.ok ? parsed.e164 : null;
}

export const isMainlandPhone = (e164: string): boolean =>
  e164.startsWith(MAINLAND_PREFIX) && MAINLAND_MOBILE.test(e164.slice(MAINLAND_PREFIX.length));

/**
 * For people and logs: mainland numbers show the national number as `138****1234`; other
 * numbers keep the country-code side and the last four digits, e.g. `+44******0123`.
 */
export function maskPhone(e164: string): string {
  if (isMainlandPhone(e164)) return `${e164.slice(3, 6)}****${e164.slice(-4)}`;
  const digits = e164.replace(/^\+/, '');
  if (digits.length <= 6) return '****';
  return `+${digits.slice(0, 2)}${'*'.repeat(digits.length - 6)}${digits.slice(-4)}`;
}
