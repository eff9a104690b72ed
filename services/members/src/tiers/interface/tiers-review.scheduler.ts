import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { localDay } from '@atrium/kernel';
import { CLOCK, createLogger, type Clock } from '@atrium/platform';
import { ReviewTiersJob } from '../application/review-tiers.job.js';

export const TIER_REVIEW_SCHEDULE = Symbol('TierReviewSchedule');

export interface TierReviewSchedule {
  /** Day of the month (mall calendar) on which tiers are reviewed; 1–28. */
  dayOfMonth: number;
  timeZone: string;
}

const TICK_MS = 60 * 60_000;
/** A member reviewed within this many days counts as reviewed in the current monthly review. */
const PERIOD_DAYS = 25;
const log = createLogger('tiers.review');

/** Parses TIER_REVIEW_DAY_OF_MONTH (default 1) at boot. */
export function tierReviewDay(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const day = Number(raw);
  if (!Number.isInteger(day) || day < 1 || day > 28)
    throw new Error(`TIER_REVIEW_DAY_OF_MONTH (${JSON.stringify(raw)}): must be a whole day 1 to 28`);
  return day;
}

/**
 * Checks every hour whether today (mall calendar) is the review day and, if so, runs the review
 * for members not reviewed in the current period. Several replicas may run it: a member's
 * review locks its tier row and marks it reviewed in the same transaction.
 */
@Injectable()
export class TiersReviewScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly job: ReviewTiersJob,
    @Inject(TIER_REVIEW_SCHEDULE) private readonly schedule: TierReviewSchedule,
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
    const day = Number(localDay(now, this.schedule.timeZone).slice(8));
    if (day !== this.schedule.dayOfMonth) return;
    try {
      const result = await this.job.run(now, new Date(now.getTime() - PERIOD_DAYS * 86_400_000));
      if (result.reviewed > 0) log.info(result, 'tier review ran');
    } catch (error) {
      log.error({ err: error }, 'tier review failed; retrying at the next tick');
    }
  }
}
