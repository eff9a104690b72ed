import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A uniformly random string of `digits` decimal digits (crypto random), e.g. a login code. */
export function randomDigits(digits: number): string {
  return randomInt(0, 10 ** digits)
    .toString()
    .padStart(digits, '0');
}

/** A uniformly random string over `alphabet` (no modulo bias). */
export function randomString(length: number, alphabet: string = ALPHANUMERIC): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(0, alphabet.length)];
  return out;
}

/** An opaque bearer secret with `bytes` of entropy, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A keyed hash: low-entropy values (phones, 6-digit codes) cannot be reversed without the key. */
export function hmacHex(key: string, ...parts: string[]): string {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(`${part.length}:${part};`, 'utf8');
  return mac.digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** A deterministic string over `alphabet` derived from `seed`, for seeded (demo) identifiers. */
export function derivedString(seed: string, length: number, alphabet: string = ALPHANUMERIC): string {
  let block = createHash('sha256').update(seed, 'utf8').digest();
  let next = 0;
  let out = '';
  while (out.length < length) {
    if (next === block.length) {
      block = createHash('sha256').update(block).digest();
      next = 0;
    }
    const byte = block[next++]!;
    // Rejection keeps the mapping unbiased.
    if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length];
  }
  return out;
}
