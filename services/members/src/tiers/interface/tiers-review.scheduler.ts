import { Inject, Injectable } from '@nestjs/common';
import { localDay } from '@atrium/kernel';
import { CLOCK, createLogger, ScheduledJobs, timersOf, type Clock } from '@atrium/platform';
import { ReviewTiersJob } from '../application/review-tiers.job.js';

export const TIER_REVIEW_SCHEDULE = Symbol('TierReviewSchedule');

export interface TierReviewSchedule {
  /** Day of the month (mall calendar) on which tiers are reviewed; 1–28. */
  dayOfMonth: number;
  timeZone: string;
}

export const TIER_REVIEW_JOB = 'members.tier-review';
/** Mall-local time of the daily check (just after midnight, as the first run of the day). */
const CHECK_AT = '00:30';
/** A member reviewed within this many days counts as reviewed in the current monthly review. */
const PERIOD_DAYS = 25;
const log = createLogger('tiers.review');

/**
 * Every day at 00:30 mall time, checks whether today (mall calendar) is the review day and, if
 * so, runs the review for members not reviewed in the current period. Several replicas may run
 * it: a member's review locks its tier row and marks it reviewed in the same transaction.
 */
@Injectable()
export class TiersReviewScheduler extends ScheduledJobs {
  constructor(
    job: ReviewTiersJob,
    @Inject(TIER_REVIEW_SCHEDULE) schedule: TierReviewSchedule,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(
      [
        {
          name: TIER_REVIEW_JOB,
          schedule: { at: CHECK_AT, timeZone: schedule.timeZone },
          run: async (now) => {
            const day = Number(localDay(now, schedule.timeZone).slice(8));
            if (day !== schedule.dayOfMonth) return;
            const result = await job.run(now, new Date(now.getTime() - PERIOD_DAYS * 86_400_000));
            if (result.reviewed > 0) log.info(result, 'tier review ran');
          },
        },
      ],
      { timers: timersOf(clock) },
    );
  }
}
