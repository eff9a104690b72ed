import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { CLOCK, createLogger, ScheduledJobs, timersOf, type Clock } from '@atrium/platform';
import { SlaReplanJob } from '../application/jobs/sla-replan.job.js';
import { SLA_SCHEDULER_ACTOR, SlaSchedulerJob } from '../application/jobs/sla-scheduler.job.js';

export const SLA_SCHEDULER_OPTIONS = Symbol('SlaSchedulerOptions');
export interface SlaSchedulerOptions {
  /** Poll interval in ms; null leaves the timer off (tests drive the job themselves). */
  pollMs: number | null;
}

/** The scheduled job's name: its metric label and the system actor of its runs. */
export const SLA_SCHEDULER_JOB = SLA_SCHEDULER_ACTOR;

const log = createLogger('tickets.sla');

const runSeconds = new Counter({
  name: 'atrium_tickets_sla_scheduler_seconds_total',
  help: 'Wall time spent in SLA scheduler runs (database-bound: claim, effect, outbox, commit)',
});
const runs = new Counter({
  name: 'atrium_tickets_sla_scheduler_runs_total',
  help: 'SLA scheduler runs (polls)',
});
const replanned = new Counter({
  name: 'atrium_tickets_sla_replanned_total',
  help: 'Open tickets whose SLA targets this replica re-planned after a calendar change',
});
const fired = new Counter({
  name: 'atrium_tickets_sla_fired_total',
  help: 'SLA deadlines handled by this replica',
  labelNames: ['outcome'],
});

/**
 * Polls for due SLA deadlines every `pollMs`, one run at a time per process (a job of the
 * platform's ScheduledJobs: system actor `tickets.sla-scheduler`, a correlation id per run);
 * safe with several replicas. After firing what is due, a run re-plans the open tickets planned
 * with an older business calendar, a batch per run, until none is behind.
 */
@Injectable()
export class SlaScheduler extends ScheduledJobs {
  constructor(
    job: SlaSchedulerJob,
    replan: SlaReplanJob,
    @Inject(CLOCK) clock: Clock,
    @Inject(SLA_SCHEDULER_OPTIONS) options: SlaSchedulerOptions,
  ) {
    /** The calendar version whose re-planning this replica saw finished (-1: not checked yet). */
    let replannedVersion = -1;
    const replanAfterCalendarChange = async (): Promise<void> => {
      const version = await replan.currentVersion();
      if (version === replannedVersion) return;
      const r = await replan.run(clock.now());
      replanned.inc(r.replanned);
      if (r.replanned > 0) log.info(r, 'SLA targets re-planned after a calendar change');
      if (!r.behind) replannedVersion = r.version;
    };
    super(
      [
        {
          name: SLA_SCHEDULER_JOB,
          // A disabled scheduler still has a job that tests may run by hand; its interval is unused.
          schedule: { every: options.pollMs ?? 1000 },
          run: async (now) => {
            const started = process.hrtime.bigint();
            try {
              const r = await job.run(now);
              fired.inc({ outcome: 'warning' }, r.warnings);
              fired.inc({ outcome: 'breach' }, r.breaches);
              fired.inc({ outcome: 'escalation' }, r.escalations);
              fired.inc({ outcome: 'cancelled' }, r.cancelled);
              if (r.warnings + r.breaches + r.cancelled > 0) log.info(r, 'SLA deadlines fired');
              await replanAfterCalendarChange();
            } finally {
              runs.inc();
              runSeconds.inc(Number(process.hrtime.bigint() - started) / 1e9);
            }
          },
        },
      ],
      { timers: timersOf(clock), enabled: options.pollMs !== null },
    );
  }
}
