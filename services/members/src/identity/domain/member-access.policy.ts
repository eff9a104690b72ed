import { mayReadMemberData, type Reader } from '@atrium/kernel';
import { IdentityError, IdentityErrorCode } from './identity.errors.js';

/** Who may read a member's profile: the shared rule for a member's own data. */
export { mayReadMemberData as mayReadMember, type AccessDecision, type Reader } from '@atrium/kernel';

/** Resolving a phone to a member is for platform components only (the gateway at login). */
export function mayResolvePhone(reader: Reader): boolean {
  return reader.kind === 'system';
}

/** Throws the refusal of reading this member's profile, or returns when the reader may. */
export function checkMayReadMember(reader: Reader, memberId: string): void {
  switch (mayReadMemberData(reader, memberId)) {
    case 'unauthenticated':
      throw new IdentityError(IdentityErrorCode.NOT_SIGNED_IN, 'sign in to read a member');
    case 'forbidden':
      throw new IdentityError(
        IdentityErrorCode.ACCESS_DENIED,
        reader.kind === 'member'
          ? 'a member may read only its own profile'
          : `a ${reader.kind} may not read member profiles`,
      );
    case 'allow':
      return;
  }
}
