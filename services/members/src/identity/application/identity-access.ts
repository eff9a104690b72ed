import type { Actor } from '@atrium/contracts';
import { IdentityError, IdentityErrorCode } from '../domain/identity.errors.js';

/** UNAUTHENTICATED for anonymous callers, FORBIDDEN unless `allowed`. */
export function enforceIdentityAccess(actor: Actor, allowed: boolean, deniedMessage: string): void {
  if (actor.kind === 'anonymous') throw new IdentityError(IdentityErrorCode.NOT_SIGNED_IN, 'sign in first');
  if (!allowed) throw new IdentityError(IdentityErrorCode.ACCESS_DENIED, deniedMessage);
}

export const isSelf = (actor: Actor, memberId: string) => actor.kind === 'member' && actor.id === memberId;
