import type { Actor, MemberProfileView } from '@atrium/contracts';
import type { Profile } from '../domain/profile.js';

/** The wire view; staff tags only for staff and platform components. */
export function toProfileView(profile: Profile, reader: Actor): MemberProfileView {
  const { staffTags, ...rest } = profile;
  return { ...rest, staffTags: reader.kind === 'staff' || reader.kind === 'system' ? staffTags : null };
}
