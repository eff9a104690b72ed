import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@atrium/messaging';
import { BIRTHDAY_NOTICE_DAYS, BirthdayJob, RecomputeMembersJob } from './application/segments-jobs.js';
import { PurchaseActivity, SegmentsRepository } from './application/segments.repository.js';
import { SEGMENTS_TIME_ZONE, SegmentsService } from './application/segments.service.js';
import { SqlPurchaseActivity, SqlSegmentsRepository } from './infrastructure/sql-segments.repository.js';
import { SegmentsController } from './interface/segments.controller.js';
import { birthdayNoticeDays, SegmentsJobsScheduler } from './interface/segments-jobs.scheduler.js';

/** Segments (rules as data), lifecycle stages and the birthday notices. */
@Module({})
export class SegmentsModule {
  static forRoot(config: Pick<ServiceConfig, 'MALL_TIME_ZONE'>): DynamicModule {
    return {
      module: SegmentsModule,
      global: true,
      controllers: [SegmentsController],
      providers: [
        SegmentsService,
        RecomputeMembersJob,
        BirthdayJob,
        SegmentsJobsScheduler,
        { provide: SegmentsRepository, useClass: SqlSegmentsRepository },
        { provide: PurchaseActivity, useClass: SqlPurchaseActivity },
        { provide: SEGMENTS_TIME_ZONE, useValue: config.MALL_TIME_ZONE },
        {
          provide: BIRTHDAY_NOTICE_DAYS,
          useFactory: () => birthdayNoticeDays(process.env.BIRTHDAY_NOTICE_DAYS),
        },
      ],
      exports: [SegmentsService, BirthdayJob, RecomputeMembersJob],
    };
  }
}
