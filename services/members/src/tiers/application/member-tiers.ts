import { Injectable } from '@nestjs/common';
import { TierQueries } from './tier-queries.js';

/**
 * Port (public, see tiers/index.ts): a member's current tier for other contexts (earning
 * multipliers, the partner view, segment rules). No access check: callers are this service's
 * own contexts; a member without a tier row is at the ladder's entry level.
 */
export abstract class MemberTiers {
  abstract tierCodeOf(memberId: string): Promise<string>;
  /** The rank of the member's tier (0 = entry). */
  abstract tierRankOf(memberId: string): Promise<number>;
}

@Injectable()
export class MemberTiersFromQueries extends MemberTiers {
  constructor(private readonly queries: TierQueries) {
    super();
  }

  tierCodeOf(memberId: string): Promise<string> {
    return this.queries.tierCodeOf(memberId);
  }

  tierRankOf(memberId: string): Promise<number> {
    return this.queries.tierRankOf(memberId);
  }
}
