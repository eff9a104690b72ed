import { Injectable } from '@nestjs/common';
import { TierEvaluator } from './tier-evaluator.js';
import { TierRepository } from './tier.repository.js';

const BATCH = 200;

/**
 * The scheduled tier review: every member above the entry tier not yet reviewed in this run's
 * period is evaluated in review mode (grace, then downgrade). A member is marked reviewed in
 * the same transaction as its decision, so a rerun or a second replica skips it.
 */
@Injectable()
export class ReviewTiersJob {
  constructor(
    private readonly tiers: TierRepository,
    private readonly evaluator: TierEvaluator,
  ) {}

  /** Reviews members not reviewed since `periodStart`; returns how many decisions were not NONE. */
  async run(
    now: Date,
    periodStart: Date = now,
  ): Promise<{ reviewed: number; changed: Record<string, number> }> {
    const changed: Record<string, number> = {};
    let reviewed = 0;
    let after: string | null = null;
    for (;;) {
      const due = await this.tiers.dueForReview(periodStart, after, BATCH);
      if (due.length === 0) break;
      for (const memberId of due) {
        const kind = await this.evaluator.evaluate(memberId, 'review', now);
        reviewed += 1;
        if (kind !== 'NONE') changed[kind] = (changed[kind] ?? 0) + 1;
      }
      after = due.at(-1)!;
    }
    return { reviewed, changed };
  }
}
