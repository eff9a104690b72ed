import type { Ladder, MemberTierState, TierDecision } from '../domain/ladder.js';

export interface TierChangeRecord {
  fromCode: string | null;
  toCode: string;
  kind: 'UPGRADE' | 'DOWNGRADE' | 'GRACE_STARTED' | 'GRACE_CLEARED';
  reason: string;
  qualifyingAmount: number;
  changedAt: Date;
}

export interface StoredMemberTier extends MemberTierState {
  since: Date | null;
}

/** Storage of the ladder, members' tiers and the history; writes join the ambient transaction. */
export abstract class TierRepository {
  abstract ladder(): Promise<Ladder>;
  /** The member's tier row (created at the entry tier when missing), locked for update; null if no such ACTIVE member. */
  abstract lockState(memberId: string, entryCode: string, now: Date): Promise<StoredMemberTier | null>;
  abstract state(memberId: string): Promise<StoredMemberTier | null>;
  abstract apply(
    memberId: string,
    from: StoredMemberTier,
    decision: Exclude<TierDecision, { kind: 'NONE' }>,
    amount: number,
    now: Date,
  ): Promise<void>;
  abstract markReviewed(memberId: string, now: Date): Promise<void>;
  abstract history(memberId: string, first: number): Promise<TierChangeRecord[]>;
  /** Members above the entry tier not yet reviewed since `since`, after the id given; at most `limit`. */
  abstract dueForReview(since: Date, afterId: string | null, limit: number): Promise<string[]>;
}
