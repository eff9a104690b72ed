import { LOWER_ALPHANUMERIC, randomString } from '../crypto/secrets.js';

export type ApiKeyEnvironment = 'live' | 'test';

export const API_KEY_PREFIX_LENGTH = 8;
export const API_KEY_SECRET_LENGTH = 32;
const FULL_KEY = /^atr_(live|test)_([a-z0-9]{8})_([A-Za-z0-9]{32})$/;

/** A partner key in its parts: the readable prefix (stored, shown in lists) and the secret (never stored). */
export interface ApiKeyParts {
  /** `atr_<env>_<8 lower-case letters/digits>`, e.g. `atr_live_ab12cd34`. */
  prefix: string;
  /** 32 letters and digits (~190 bits). */
  secret: string;
}

export function newApiKeyParts(environment: ApiKeyEnvironment): ApiKeyParts {
  return {
    prefix: `atr_${environment}_${randomString(API_KEY_PREFIX_LENGTH, LOWER_ALPHANUMERIC)}`,
    secret: randomString(API_KEY_SECRET_LENGTH),
  };
}

/** The key as the partner sends it: `atr_<env>_<prefix8>_<secret32>`. */
export const fullApiKey = (parts: ApiKeyParts): string => `${parts.prefix}_${parts.secret}`;

/** The parts of a key as sent in `x-api-key`, or null when it does not have the key's shape. */
export function parseApiKey(text: string): ApiKeyParts | null {
  const match = FULL_KEY.exec(text.trim());
  if (!match) return null;
  return { prefix: `atr_${match[1]}_${match[2]}`, secret: match[3]! };
}
