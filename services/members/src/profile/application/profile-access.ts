import type { Actor } from '@atrium/contracts';
import { ProfileError, ProfileErrorCode } from '../domain/profile.errors.js';

/** Reading: the member itself, staff, platform components. Changing: the member itself or staff. */
export function enforceProfileAccess(actor: Actor, memberId: string, mode: 'read' | 'write'): void {
  if (actor.kind === 'anonymous') throw new ProfileError(ProfileErrorCode.NOT_SIGNED_IN, 'sign in first');
  const allowed =
    (actor.kind === 'member' && actor.id === memberId) ||
    actor.kind === 'staff' ||
    (mode === 'read' && actor.kind === 'system');
  if (!allowed)
    throw new ProfileError(
      ProfileErrorCode.ACCESS_DENIED,
      actor.kind === 'member'
        ? 'a member may reach only its own profile'
        : `a ${actor.kind} may not ${mode} member profiles`,
    );
}
