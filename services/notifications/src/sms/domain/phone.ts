const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const SEPARATORS = /[\s\-.()]/g;

/** The E.164 form of a phone (mainland 11-digit mobiles gain +86), or null when it is not a phone number. */
export function toE164(input: string): string | null {
  const compact = input.trim().replace(SEPARATORS, '');
  if (MAINLAND_MOBILE.test(compact)) return `+86${compact}`;
  if (E164.test(compact)) return compact;
  return null;
}

/** For logs: `138****1234` for mainland numbers, country side and last four digits otherwise. */
export function maskPhone(e164: string): string {
  if (e164.startsWith('+86') && MAINLAND_MOBILE.test(e164.slice(3)))
    return `${e164.slice(3, 6)}****${e164.slice(-4)}`;
  const digits = e164.replace(/^\+/, '');
  if (digits.length <= 6) return '****';
  return `+${digits.slice(0, 2)}${'*'.repeat(digits.length - 6)}${digits.slice(-4)}`;
}
