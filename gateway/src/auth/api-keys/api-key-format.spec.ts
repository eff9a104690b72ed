import { describe, expect, it } from '@jest/globals';
import { fullApiKey, newApiKeyParts, parseApiKey } from './api-key-format.js';

describe('API key format', () => {
  it('a new key reads atr_<env>_<prefix8>_<secret32> and parses back into its parts', () => {
    const parts = newApiKeyParts('live');
    const key = fullApiKey(parts);
    expect(key).toMatch(/^atr_live_[a-z0-9]{8}_[A-Za-z0-9]{32}$/);
    expect(parts.prefix).toMatch(/^atr_live_[a-z0-9]{8}$/);
    expect(parseApiKey(` ${key} `)).toEqual(parts);
  });

  it('two new keys never share a prefix or secret', () => {
    const keys = Array.from({ length: 200 }, () => newApiKeyParts('test'));
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(200);
    expect(new Set(keys.map((k) => k.secret)).size).toBe(200);
  });

  it('anything else is not a key', () => {
    for (const text of [
      '',
      'atr_live_ab12cd34',
      'atr_prod_ab12cd34_' + 'a'.repeat(32),
      'atr_live_AB12CD34_' + 'a'.repeat(32),
      'atr_live_ab12cd34_' + 'a'.repeat(31),
      'Bearer x',
    ]) {
      expect(parseApiKey(text)).toBeNull();
    }
  });
});
