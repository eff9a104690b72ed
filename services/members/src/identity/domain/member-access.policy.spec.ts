import { describe, expect, it } from '@jest/globals';
import { mayReadMember, mayResolvePhone, type Reader } from './member-access.policy.js';

const MEMBER = '0190a0b0-0000-7000-8000-000000000001';
const OTHER = '0190a0b0-0000-7000-8000-000000000002';

describe('mayReadMember', () => {
  it.each<[string, Reader, string]>([
    ['a member reads itself', { kind: 'member', id: MEMBER }, 'allow'],
    ['a member may not read another member', { kind: 'member', id: OTHER }, 'forbidden'],
    ['staff read any member', { kind: 'staff', id: 'staff-1' }, 'allow'],
    ['platform components read any member', { kind: 'system', id: 'gateway' }, 'allow'],
    ['partner tenants may not read members', { kind: 'partner', id: 'tenant-1' }, 'forbidden'],
    ['anonymous callers must sign in', { kind: 'anonymous', id: 'anonymous' }, 'unauthenticated'],
  ])('%s', (_name, reader, decision) => {
    expect(mayReadMember(reader, MEMBER)).toBe(decision);
  });
});

describe('mayResolvePhone', () => {
  it.each<[Reader['kind'], boolean]>([
    ['system', true],
    ['staff', false],
    ['member', false],
    ['partner', false],
    ['anonymous', false],
  ])('%s → %s', (kind, allowed) => {
    expect(mayResolvePhone({ kind, id: 'x' })).toBe(allowed);
  });
});
