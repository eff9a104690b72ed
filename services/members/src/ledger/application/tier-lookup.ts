/**
 * The member's current tier code, for earning multipliers. The tiers context provides the
 * real answer; until it binds its own implementation every member earns as MEMBER.
 */
export abstract class TierLookup {
  abstract tierOf(memberId: string): Promise<string>;
}
