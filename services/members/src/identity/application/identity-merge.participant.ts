import type { MemberView } from '@atrium/contracts';

/**
 * Port (public, see identity/index.ts): identity's part of a member merge, inside the merge's
 * ambient transaction. Identity owns the member rows: it locks the pair, moves the channel
 * identities, and marks the merged member MERGED with merged_into = survivor (so its id and
 * member code keep resolving to the survivor).
 */
export abstract class IdentityMergeParticipant {
  /** Locks both member rows (in id order); answers each found member's status. */
  abstract lockPair(a: string, b: string): Promise<Map<string, string>>;
  /** Moves the channel identities (phone, openids, cards ...); answers how many moved. */
  abstract moveMemberData(fromId: string, toId: string): Promise<number>;
  abstract markMerged(fromId: string, toId: string): Promise<void>;
  /** The member's wire view (the phone masked); null when there is no such member. */
  abstract memberView(memberId: string): Promise<MemberView | null>;
}
