import { Inject, Injectable } from '@nestjs/common';
import { tierChanged } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { decideAtReview, decideOnActivity, entryLevel, windowStart } from '../domain/ladder.js';
import { QualifyingActivity } from './qualifying-activity.js';
import { TierRepository } from './tier.repository.js';

/**
 * Applies the ladder to one member in one transaction: locks its tier row, measures the
 * qualifying activity over the rolling window, decides (on activity: upgrade only; at review:
 * grace and downgrade too), records the history row and, when the tier changed,
 * members.tier.changed.v1 in the outbox.
 */
@Injectable()
export class TierEvaluator {
  constructor(
    private readonly tx: TransactionHost,
    private readonly tiers: TierRepository,
    private readonly activity: QualifyingActivity,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async evaluate(
    memberId: string,
    mode: 'activity' | 'review',
    now: Date = this.clock.now(),
  ): Promise<string> {
    return this.tx.run(async () => {
      const ladder = await this.tiers.ladder();
      const state = await this.tiers.lockState(memberId, entryLevel(ladder).code, now);
      if (!state) return 'NONE';
      const amount = await this.activity.amount(memberId, ladder.metric, windowStart(ladder, now), now);
      const decision =
        mode === 'activity'
          ? decideOnActivity(ladder, state, amount)
          : decideAtReview(ladder, state, amount, now);
      if (mode === 'review') await this.tiers.markReviewed(memberId, now);
      if (decision.kind === 'NONE') return 'NONE';
      await this.tiers.apply(memberId, state, decision, amount, now);
      if (decision.kind === 'UPGRADE' || decision.kind === 'DOWNGRADE') {
        await this.outbox.add(
          tierChanged,
          {
            memberId,
            fromCode: state.code,
            toCode: decision.to.code,
            direction: decision.kind,
            reason: decision.reason,
            changedAt: now.toISOString(),
          },
          memberId,
        );
      }
      return decision.kind;
    });
  }
}
