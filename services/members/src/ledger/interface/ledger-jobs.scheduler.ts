import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, createLogger, ScheduledJobs, timersOf, type Clock } from '@atrium/platform';
import { ExpirePointsJob } from '../application/jobs/expire-points.job.js';
import { ReleasePendingPointsJob } from '../application/jobs/release-pending-points.job.js';

/** How often the ledger jobs run in each replica; they are safe to run in several at once. */
export const LEDGER_JOBS_INTERVAL_MS = 60_000;
export const LEDGER_JOBS = 'members.ledger-release-and-expire';

const log = createLogger('ledger.jobs');

/**
 * Runs the release and then the expiry job every minute, one run at a time per process, each
 * run under the system actor `members.ledger-release-and-expire` with its own correlation id.
 */
@Injectable()
export class LedgerJobsScheduler extends ScheduledJobs {
  constructor(release: ReleasePendingPointsJob, expire: ExpirePointsJob, @Inject(CLOCK) clock: Clock) {
    super(
      [
        {
          name: LEDGER_JOBS,
          schedule: { every: LEDGER_JOBS_INTERVAL_MS },
          run: async (now) => {
            const released = await release.run(now);
            const { expiredLots, warnings } = await expire.run(now);
            if (released + expiredLots + warnings > 0)
              log.info({ released, expiredLots, warnings }, 'ledger jobs ran');
          },
        },
      ],
      { timers: timersOf(clock) },
    );
  }
}
