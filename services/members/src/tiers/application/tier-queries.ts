import { Inject, Injectable } from '@nestjs/common';
import type { Actor, MemberTierView, TierLadderView } from '@atrium/contracts';
import { CLOCK, type Clock } from '@atrium/platform';
import { entryLevel, levelOf, nextLevel, windowStart } from '../domain/ladder.js';
import { TiersError, TiersErrorCode } from '../domain/tiers.errors.js';
import { QualifyingActivity } from './qualifying-activity.js';
import { TierRepository } from './tier.repository.js';

function enforceRead(actor: Actor, memberId: string): void {
  if (actor.kind === 'anonymous') throw new TiersError(TiersErrorCode.NOT_SIGNED_IN, 'sign in first');
  const allowed =
    (actor.kind === 'member' && actor.id === memberId) || actor.kind === 'staff' || actor.kind === 'system';
  if (!allowed) throw new TiersError(TiersErrorCode.ACCESS_DENIED, "you may not read this member's tier");
}

/** The ladder, a member's tier with privileges and progress, and its history. */
@Injectable()
export class TierQueries {
  constructor(
    private readonly tiers: TierRepository,
    private readonly activity: QualifyingActivity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async ladder(): Promise<TierLadderView> {
    return this.tiers.ladder();
  }

  async memberTier(actor: Actor, memberId: string): Promise<MemberTierView> {
    enforceRead(actor, memberId);
    const ladder = await this.tiers.ladder();
    const state = await this.tiers.state(memberId);
    if (!state) throw new TiersError(TiersErrorCode.MEMBER_NOT_FOUND, `member ${memberId} was not found`);
    const now = this.clock.now();
    const level = levelOf(ladder, state.code || entryLevel(ladder).code);
    const amount = await this.activity.amount(memberId, ladder.metric, windowStart(ladder, now), now);
    return {
      memberId,
      code: level.code,
      name: level.name,
      rank: level.rank,
      privileges: level.privileges,
      since: state.since?.toISOString() ?? null,
      graceUntil: state.graceUntil?.toISOString() ?? null,
      qualifyingAmount: amount,
      next: nextLevel(ladder, level, amount),
    };
  }

  /** The tier code alone, for the partner view and earning multipliers (no access check: internal). */
  async tierCodeOf(memberId: string): Promise<string> {
    const ladder = await this.tiers.ladder();
    return (await this.tiers.state(memberId))?.code || entryLevel(ladder).code;
  }

  /** The rank of the member's tier (0 = entry), for segment rules. */
  async tierRankOf(memberId: string): Promise<number> {
    const ladder = await this.tiers.ladder();
    return levelOf(ladder, (await this.tiers.state(memberId))?.code || entryLevel(ladder).code).rank;
  }

  async history(actor: Actor, memberId: string, first: number) {
    if (actor.kind === 'system')
      throw new TiersError(TiersErrorCode.ACCESS_DENIED, 'tier history is for the member and staff');
    enforceRead(actor, memberId);
    return (await this.tiers.history(memberId, first)).map((c) => ({
      ...c,
      changedAt: c.changedAt.toISOString(),
    }));
  }
}
