import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { MembersConfig } from '../members.config.js';
import { BIRTHDAY_NOTICE_DAYS, BirthdayJob, RecomputeMembersJob } from './application/segments-jobs.js';
import { PurchaseActivity, SegmentsRepository } from './application/segments.repository.js';
import { SEGMENTS_TIME_ZONE, SegmentsService } from './application/segments.service.js';
import { SqlPurchaseActivity, SqlSegmentsRepository } from './infrastructure/sql-segments.repository.js';
import {
  SegmentMergeRows,
  SegmentsMergeParticipant,
  SegmentsOnMerge,
} from './application/segments-merge.participant.js';
import { SqlSegmentMergeRows } from './infrastructure/sql-segment-merge-rows.js';
import { SegmentsController } from './interface/segments.controller.js';
import { SegmentsJobsScheduler } from './interface/segments-jobs.scheduler.js';

/** What the segments context uses of other contexts: the tiers' module (MemberTiers, for tier rules). */
export interface SegmentsDependencies {
  tiers: DynamicModule | Type;
}

/** Segments (rules as data), lifecycle stages and the birthday notices. */
@Module({})
export class SegmentsModule {
  static forRoot(
    config: Pick<MembersConfig, 'MALL_TIME_ZONE' | 'BIRTHDAY_NOTICE_DAYS'>,
    uses: SegmentsDependencies,
  ): DynamicModule {
    return {
      module: SegmentsModule,
      imports: [uses.tiers],
      controllers: [SegmentsController],
      providers: [
        SegmentsService,
        RecomputeMembersJob,
        BirthdayJob,
        SegmentsJobsScheduler,
        { provide: SegmentsRepository, useClass: SqlSegmentsRepository },
        { provide: PurchaseActivity, useClass: SqlPurchaseActivity },
        { provide: SegmentMergeRows, useClass: SqlSegmentMergeRows },
        { provide: SegmentsMergeParticipant, useClass: SegmentsOnMerge },
        { provide: SEGMENTS_TIME_ZONE, useValue: config.MALL_TIME_ZONE },
        { provide: BIRTHDAY_NOTICE_DAYS, useValue: config.BIRTHDAY_NOTICE_DAYS },
      ],
      exports: [SegmentsMergeParticipant],
    };
  }
}
