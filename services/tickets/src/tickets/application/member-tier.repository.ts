/** Members' tiers as the members service announces them (for VIP policies and the queue). */
export abstract class MemberTierRepository {
  abstract tierOf(memberId: string): Promise<string | null>;
  /** Keeps the latest tier per member (events may arrive out of order). */
  abstract save(memberId: string, tier: string, changedAt: Date): Promise<void>;
}
