/** Crockford base32: no I, L, O or U, so a code read aloud at the service desk is not misheard. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const MEMBER_CODE_PATTERN = /^M[0-9A-HJKMNP-TV-Z]{8}$/;

/** Source of random bytes; injected so tests can choose the code. */
export type RandomBytes = (size: number) => Uint8Array;

/**
 * The people-facing member code: `M` followed by 8 Crockford base32 characters (40 random
 * bits, about 10^12 codes). Uniqueness is the database's job; callers retry on collision.
 */
export function generateMemberCode(random: RandomBytes): string {
  const bytes = random(5);
  if (bytes.length < 5) throw new Error('member codes need 5 random bytes');
  let bits = 0n;
  for (let i = 0; i < 5; i += 1) bits = (bits << 8n) | BigInt(bytes[i]!);
  let code = '';
  for (let i = 7; i >= 0; i -= 1) code += CROCKFORD_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `M${code}`;
}

export function isMemberCode(value: string): boolean {
  return MEMBER_CODE_PATTERN.test(value);
}
