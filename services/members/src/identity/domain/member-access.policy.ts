import type { Reader } from '@atrium/platform';

/** Who may read a member's profile: the shared rule for a member's own data. */
export { mayReadMemberData as mayReadMember, type AccessDecision, type Reader } from '@atrium/platform';

/** Resolving a phone to a member is for platform components only (the gateway at login). */
export function mayResolvePhone(reader: Reader): boolean {
  return reader.kind === 'system';
}
