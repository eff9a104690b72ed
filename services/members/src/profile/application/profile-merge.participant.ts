/**
 * Port (public, see profile/index.ts): the profile's part of a member merge, inside the merge's
 * ambient transaction. The survivor's empty fields (gender, birthday, anniversaries) are filled
 * from the merged member; preferences and staff tags are unioned.
 */
export abstract class ProfileMergeParticipant {
  abstract moveMemberData(fromId: string, toId: string): Promise<void>;
}
