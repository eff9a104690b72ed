import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, createLogger, ScheduledJobs, timersOf, type Clock } from '@atrium/platform';
import { localDay } from '@atrium/kernel';
import { BirthdayJob, RecomputeMembersJob } from '../application/segments-jobs.js';
import { SEGMENTS_TIME_ZONE } from '../application/segments.service.js';

const HOUR_MS = 60 * 60_000;
const log = createLogger('segments.jobs');

/**
 * Every hour: the birthday job (exactly once per member and year, whatever runs it); and, at
 * the first hourly run of each mall-calendar day in this process, the recomputation of segments
 * and lifecycle. Replicas may both run a day's recomputation: it is idempotent per member (row
 * lock, change detection). Each run has the system actor named after its job.
 */
@Injectable()
export class SegmentsJobsScheduler extends ScheduledJobs {
  constructor(
    birthdays: BirthdayJob,
    recompute: RecomputeMembersJob,
    @Inject(SEGMENTS_TIME_ZONE) timeZone: string,
    @Inject(CLOCK) clock: Clock,
  ) {
    let lastRecomputedDay: string | undefined;
    super(
      [
        {
          name: 'members.birthday-notices',
          schedule: { every: HOUR_MS },
          run: async (now) => {
            const greeted = await birthdays.run(now);
            if (greeted) log.info({ greeted }, 'birthday notices published');
          },
        },
        {
          name: 'members.segments-recompute',
          schedule: { every: HOUR_MS },
          run: async (now) => {
            const today = localDay(now, timeZone);
            if (lastRecomputedDay === today) return;
            log.info(await recompute.run(now), 'segments and lifecycle recomputed');
            lastRecomputedDay = today;
          },
        },
      ],
      { timers: timersOf(clock) },
    );
  }
}
