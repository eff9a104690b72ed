import { Module, type DynamicModule } from '@nestjs/common';
import type { MembersConfig } from '../members.config.js';
import { QualifyingActivity } from './application/qualifying-activity.js';
import { ReviewTiersJob } from './application/review-tiers.job.js';
import { TierEvaluator } from './application/tier-evaluator.js';
import { TierQueries } from './application/tier-queries.js';
import { TierRepository } from './application/tier.repository.js';
import { MemberTiers, MemberTiersFromQueries } from './application/member-tiers.js';
import { TierMergeRows, TiersMergeParticipant, TiersOnMerge } from './application/tiers-merge.participant.js';
import { SqlTierMergeRows } from './infrastructure/sql-tier-merge-rows.js';
import { SqlQualifyingActivity } from './infrastructure/sql-qualifying-activity.js';
import { SqlTierRepository } from './infrastructure/sql-tier.repository.js';
import { TiersController } from './interface/tiers.controller.js';
import {
  TIER_REVIEW_SCHEDULE,
  TiersReviewScheduler,
  type TierReviewSchedule,
} from './interface/tiers-review.scheduler.js';

/**
 * Tiers and privileges as data: the ladder, members' tiers (upgrade on a qualifying purchase,
 * downgrade at the monthly review after a grace period), history with reasons. Exports its
 * ports (tiers/index.ts): MemberTiers for the partner view, earning multipliers and segment
 * rules; TiersMergeParticipant for the merge.
 */
@Module({})
export class TiersModule {
  static forRoot(config: Pick<MembersConfig, 'MALL_TIME_ZONE' | 'TIER_REVIEW_DAY_OF_MONTH'>): DynamicModule {
    return {
      module: TiersModule,
      controllers: [TiersController],
      providers: [
        TierQueries,
        TierEvaluator,
        ReviewTiersJob,
        TiersReviewScheduler,
        { provide: TierRepository, useClass: SqlTierRepository },
        { provide: QualifyingActivity, useClass: SqlQualifyingActivity },
        { provide: MemberTiers, useClass: MemberTiersFromQueries },
        { provide: TierMergeRows, useClass: SqlTierMergeRows },
        { provide: TiersMergeParticipant, useClass: TiersOnMerge },
        {
          provide: TIER_REVIEW_SCHEDULE,
          useValue: {
            dayOfMonth: config.TIER_REVIEW_DAY_OF_MONTH,
            timeZone: config.MALL_TIME_ZONE,
          } satisfies TierReviewSchedule,
        },
      ],
      exports: [MemberTiers, TiersMergeParticipant],
    };
  }
}
