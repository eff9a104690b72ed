import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, createLogger, type Clock } from '@atrium/platform';
import { localDay } from '@atrium/kernel';
import { BirthdayJob, RecomputeMembersJob } from '../application/segments-jobs.js';
import { SEGMENTS_TIME_ZONE } from '../application/segments.service.js';

const TICK_MS = 60 * 60_000;
const log = createLogger('segments.jobs');

/**
 * Every hour: the birthday job (exactly once per member and year, whatever runs it); and once
 * per mall-calendar day, the recomputation of segments and lifecycle. Replicas may both run a
 * day's recomputation: it is idempotent per member (row lock, change detection).
 */
@Injectable()
export class SegmentsJobsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private lastRecomputedDay?: string;

  constructor(
    private readonly birthdays: BirthdayJob,
    private readonly recompute: RecomputeMembersJob,
    @Inject(SEGMENTS_TIME_ZONE) private readonly timeZone: string,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.tick());
    }, TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    const now = this.clock.now();
    try {
      const greeted = await this.birthdays.run(now);
      if (greeted) log.info({ greeted }, 'birthday notices published');
      const today = localDay(now, this.timeZone);
      if (this.lastRecomputedDay !== today) {
        log.info(await this.recompute.run(now), 'segments and lifecycle recomputed');
        this.lastRecomputedDay = today;
      }
    } catch (error) {
      log.error({ err: error }, 'segments jobs failed; retrying at the next tick');
    }
  }
}

/** Parses BIRTHDAY_NOTICE_DAYS (default 7) at boot. */
export function birthdayNoticeDays(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 7;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 0 || days > 60)
    throw new Error(`BIRTHDAY_NOTICE_DAYS (${JSON.stringify(raw)}): must be a whole number of days 0 to 60`);
  return days;
}
