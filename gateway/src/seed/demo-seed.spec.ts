import { describe, expect, it } from '@jest/globals';
import { STAFF_ROLES } from '@atrium/contracts';
import { parseApiKey } from '../auth/api-keys/api-key-format.js';
import { demoCredentials, formatDemoCredentials } from './demo-seed.js';

describe('demo credentials', () => {
  it('are the same on every call, with one staff account per role and a well-formed partner key', () => {
    const first = demoCredentials();
    expect(demoCredentials()).toEqual(first);
    expect(first.staff.flatMap((s) => s.roles).sort()).toEqual([...STAFF_ROLES].sort());
    expect(parseApiKey(first.partnerApiKey.key)).not.toBeNull();
    expect(first.partnerApiKey.scopes).toEqual([
      'purchases:write',
      'members:read',
      'tickets:read',
      'tickets:write',
    ]);
  });

  it('print every username, the password and the key', () => {
    const text = formatDemoCredentials();
    for (const staff of demoCredentials().staff) expect(text).toContain(staff.username);
    expect(text).toContain('atrium-demo');
    expect(text).toContain(demoCredentials().partnerApiKey.key);
  });
});
