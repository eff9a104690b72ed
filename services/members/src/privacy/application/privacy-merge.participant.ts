/**
 * Port (public, see privacy/index.ts): the privacy part of a member merge, inside the merge's
 * ambient transaction. Consent history moves for the scopes the survivor never decided (the
 * survivor's own decisions stay in force); the partner access log moves whole.
 */
export abstract class PrivacyMergeParticipant {
  abstract moveMemberData(fromId: string, toId: string): Promise<void>;
}
