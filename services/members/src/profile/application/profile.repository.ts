import type { Profile } from '../domain/profile.js';

/** Storage of profile fields (columns of `members`); writes join the ambient transaction. */
export abstract class ProfileRepository {
  /** The profile of an ACTIVE member, locked for update when `lock`. */
  abstract find(memberId: string, lock?: boolean): Promise<Profile | null>;
  abstract save(profile: Profile): Promise<void>;
}
