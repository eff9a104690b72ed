/** The tier code a partner sees; bound to the tiers context's MemberTiers port in privacy.module.ts. */
export abstract class MemberTierSource {
  abstract tierCodeOf(memberId: string): Promise<string>;
}
