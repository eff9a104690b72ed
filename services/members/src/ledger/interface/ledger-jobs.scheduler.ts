import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, createLogger, type Clock } from '@atrium/platform';
import { ExpirePointsJob } from '../application/jobs/expire-points.job.js';
import { ReleasePendingPointsJob } from '../application/jobs/release-pending-points.job.js';

/** How often the ledger jobs run in each replica; they are safe to run in several at once. */
export const LEDGER_JOBS_INTERVAL_MS = 60_000;

const log = createLogger('ledger.jobs');

/** Runs the release and expiry jobs every minute, one run at a time per process. */
@Injectable()
export class LedgerJobsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly release: ReleasePendingPointsJob,
    private readonly expire: ExpirePointsJob,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.tick());
    }, LEDGER_JOBS_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    const now = this.clock.now();
    try {
      const released = await this.release.run(now);
      const { expiredLots, warnings } = await this.expire.run(now);
      if (released + expiredLots + warnings > 0)
        log.info({ released, expiredLots, warnings }, 'ledger jobs ran');
    } catch (error) {
      log.error({ err: error }, 'ledger jobs failed; retrying at the next tick');
    }
  }
}
