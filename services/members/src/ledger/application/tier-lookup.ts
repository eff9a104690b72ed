/**
 * The member's current tier code, for earning multipliers. `LedgerModule` binds it to the tiers
 * context's port (`MemberTiers.tierCodeOf`), which answers the ladder's entry level for a member
 * without a tier row.
 */
export abstract class TierLookup {
  abstract tierOf(memberId: string): Promise<string>;
}
