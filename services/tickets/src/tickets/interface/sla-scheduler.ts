import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Counter } from 'prom-client';
import { CLOCK, createLogger, type Clock } from '@atrium/platform';
import { SlaReplanJob } from '../application/jobs/sla-replan.job.js';
import { SlaSchedulerJob } from '../application/jobs/sla-scheduler.job.js';

export const SLA_SCHEDULER_OPTIONS = Symbol('SlaSchedulerOptions');
export interface SlaSchedulerOptions {
  /** Poll interval in ms; null disables the timer (tests drive the job themselves). */
  pollMs: number | null;
}

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

/** Polls for due SLA deadlines, one run at a time per process; safe with several replicas. */
@Injectable()
export class SlaScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private busy = false;
  /** The calendar version whose re-planning this replica saw finished (-1: not checked yet). */
  private replannedVersion = -1;

  constructor(
    private readonly job: SlaSchedulerJob,
    private readonly replan: SlaReplanJob,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SLA_SCHEDULER_OPTIONS) private readonly options: SlaSchedulerOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.pollMs === null) return;
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      this.running = this.tick().finally(() => {
        this.busy = false;
      });
    }, this.options.pollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Re-plans open tickets planned with an older calendar, a batch per tick, until none is behind. */
  private async replanAfterCalendarChange(): Promise<void> {
    const version = await this.replan.currentVersion();
    if (version === this.replannedVersion) return;
    const r = await this.replan.run(this.clock.now());
    replanned.inc(r.replanned);
    if (r.replanned > 0) log.info(r, 'SLA targets re-planned after a calendar change');
    if (!r.behind) this.replannedVersion = r.version;
  }

  private async tick(): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      const r = await this.job.run(this.clock.now());
      fired.inc({ outcome: 'warning' }, r.warnings);
      fired.inc({ outcome: 'breach' }, r.breaches);
      fired.inc({ outcome: 'escalation' }, r.escalations);
      fired.inc({ outcome: 'cancelled' }, r.cancelled);
      if (r.warnings + r.breaches + r.cancelled > 0) log.info(r, 'SLA deadlines fired');
      await this.replanAfterCalendarChange();
    } catch (error) {
      log.error({ err: error }, 'SLA scheduler run failed; retrying at the next tick');
    } finally {
      runs.inc();
      runSeconds.inc(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
}
