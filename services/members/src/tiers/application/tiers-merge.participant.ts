import { Injectable } from '@nestjs/common';
import { TierEvaluator } from './tier-evaluator.js';

/**
 * Port (public, see tiers/index.ts): the tiers' part of a member merge, inside the merge's
 * ambient transaction. The merged member's tier history moves to the survivor and its tier row
 * goes; once everything else moved, the survivor is re-evaluated on the combined activity.
 */
export abstract class TiersMergeParticipant {
  abstract moveMemberData(fromId: string, toId: string): Promise<void>;
  abstract reevaluate(survivorId: string, now: Date): Promise<void>;
}

/** The rows of the tiers' tables a merge moves (ambient transaction). */
export abstract class TierMergeRows {
  abstract moveHistory(fromId: string, toId: string): Promise<void>;
  abstract dropTier(memberId: string): Promise<void>;
}

@Injectable()
export class TiersOnMerge extends TiersMergeParticipant {
  constructor(
    private readonly rows: TierMergeRows,
    private readonly evaluator: TierEvaluator,
  ) {
    super();
  }

  async moveMemberData(fromId: string, toId: string): Promise<void> {
    await this.rows.moveHistory(fromId, toId);
    await this.rows.dropTier(fromId);
  }

  async reevaluate(survivorId: string, now: Date): Promise<void> {
    await this.evaluator.evaluate(survivorId, 'activity', now);
  }
}
