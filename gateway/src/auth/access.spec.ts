import { describe, expect, it } from '@jest/globals';
import { anonymousActor, type Actor } from '@atrium/contracts';
import { AppError } from '@atrium/platform';
import { checkAccess } from './access.js';

const staff = (...roles: string[]): Actor => ({ kind: 'staff', id: 's1', tenantId: null, roles, scopes: [] });
const member: Actor = { kind: 'member', id: 'm1', tenantId: null, roles: [], scopes: [] };
const partner: Actor = { kind: 'partner', id: 'k1', tenantId: 't1', roles: [], scopes: ['members:read'] };

function codeOf(work: () => void): string | null {
  try {
    work();
    return null;
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('access rules', () => {
  it('anonymous callers are UNAUTHENTICATED, whatever the rule', () => {
    expect(codeOf(() => checkAccess(anonymousActor, { kinds: ['member'] }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => checkAccess(anonymousActor, { kinds: ['staff', 'member', 'partner'] }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('an actor of another kind is FORBIDDEN', () => {
    expect(codeOf(() => checkAccess(partner, { kinds: ['member'] }))).toBe('FORBIDDEN');
    expect(codeOf(() => checkAccess(member, { kinds: ['staff'] }))).toBe('FORBIDDEN');
  });

  it('staff need one of the listed roles; any staff role passes when none is listed', () => {
    expect(
      codeOf(() =>
        checkAccess(staff('FRONTLINE', 'SUPERVISOR'), { kinds: ['staff'], staffRoles: ['ADMIN'] }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(() => checkAccess(staff('MANAGER', 'ADMIN'), { kinds: ['staff'], staffRoles: ['ADMIN'] })),
    ).toBeNull();
    expect(codeOf(() => checkAccess(staff('FRONTLINE'), { kinds: ['staff'] }))).toBeNull();
  });
});
