import { randomUUID } from 'node:crypto';
import { Counter, Histogram } from 'prom-client';
import { systemActor } from '@atrium/contracts';
import { runWithContext, type RequestContext } from '../context.js';
import { isTimeZone } from '../config.js';
import { createLogger, errorForLog } from '../logger.js';
import { nextDailyRun, parseTimeOfDay, type TimeOfDay } from './daily-time.js';
import type { JobLock } from './job-lock.js';

const runs = new Counter({
  name: 'atrium_job_runs_total',
  help: 'Scheduled job runs, by job and outcome (succeeded, failed, skipped: another run or replica held it)',
  labelNames: ['job', 'outcome'],
});
const failures = new Counter({
  name: 'atrium_job_failures_total',
  help: 'Scheduled job runs that threw, by job',
  labelNames: ['job'],
});
const duration = new Histogram({
  name: 'atrium_job_duration_seconds',
  help: 'Duration of scheduled job runs that ran, by job',
  labelNames: ['job'],
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
});

/** Every `everyMs` (measured from the start of one run to the start of the next). */
export interface IntervalSchedule {
  every: number;
  /** Also run once right after start (default false: first run after one interval). */
  runAtStart?: boolean;
}
/** Once a day when the wall clock of `timeZone` (IANA, e.g. the mall's) shows `at` (HH:MM). */
export interface DailySchedule {
  at: string;
  timeZone: string;
}
export type JobSchedule = IntervalSchedule | DailySchedule;

export interface JobDefinition {
  /** kebab-case, unique in the process, e.g. `ledger.release-and-expire`: the metric label and actor id. */
  name: string;
  schedule: JobSchedule;
  /** The work of one run; `now` is the time of the run as the job's clock tells it. */
  run(now: Date): Promise<void>;
  /** Optional: run only while holding this lock (e.g. PostgresAdvisoryLock), once among replicas. */
  lock?: JobLock;
}

/** Timers and time for the runner; tests pass a fake one. */
export interface JobTimers {
  now(): Date;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: JobTimers = {
  now: () => new Date(),
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export type JobOutcome = 'succeeded' | 'failed' | 'skipped';

const JOB_NAME = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
/** setTimeout holds at most 2^31-1 ms; a longer wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs one job on its schedule. Each run has its own context (a system actor named after the
 * job and a new correlation id), so what it logs and the events it writes carry them. Runs
 * never overlap in one process: a run asked for while one is going waits for it (runNow) or is
 * skipped (a timer tick). A run that throws is logged and counted; the schedule goes on.
 * `stop()` cancels the next run and waits for the one in progress.
 */
export class ScheduledJob {
  private readonly log = createLogger('jobs');
  private readonly timeOfDay?: TimeOfDay;
  private timer?: unknown;
  private started = false;
  private current?: Promise<JobOutcome>;
  private lastStart?: number;
  /** When the next timer run is due, or null when stopped. */
  nextRunAt: Date | null = null;

  constructor(
    readonly definition: JobDefinition,
    private readonly timers: JobTimers = systemTimers,
  ) {
    if (!JOB_NAME.test(definition.name))
      throw new Error(`job name must be kebab-case words joined by dots: "${definition.name}"`);
    const schedule = definition.schedule;
    if ('every' in schedule) {
      if (!Number.isInteger(schedule.every) || schedule.every <= 0) {
        throw new Error(
          `job ${definition.name}: every must be a positive number of ms, got ${schedule.every}`,
        );
      }
    } else {
      if (!isTimeZone(schedule.timeZone))
        throw new Error(`job ${definition.name}: unknown time zone "${schedule.timeZone}"`);
      this.timeOfDay = parseTimeOfDay(schedule.at);
    }
  }

  get name(): string {
    return this.definition.name;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    const schedule = this.definition.schedule;
    if ('every' in schedule && schedule.runAtStart) this.arm(this.timers.now());
    else this.arm(this.nextAfter(this.timers.now()));
  }

  /** Cancels the next run and waits for the run in progress, if any. */
  async stop(): Promise<void> {
    this.started = false;
    this.nextRunAt = null;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    await this.current?.catch(() => undefined);
  }

  /** Runs now (after the run in progress, if any); resolves with the run's outcome. */
  async runNow(): Promise<JobOutcome> {
    while (this.current) await this.current.catch(() => undefined);
    return this.execute();
  }

  private nextAfter(from: Date): Date {
    const schedule = this.definition.schedule;
    if ('every' in schedule) return new Date((this.lastStart ?? from.getTime()) + schedule.every);
    return nextDailyRun(from, this.timeOfDay!, schedule.timeZone);
  }

  private arm(at: Date): void {
    if (!this.started) return;
    this.nextRunAt = at;
    const wait = Math.max(0, at.getTime() - this.timers.now().getTime());
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = undefined;
        if (!this.started) return;
        if (wait > MAX_TIMER_MS || this.timers.now().getTime() < at.getTime()) return this.arm(at);
        void this.tick();
      },
      Math.min(wait, MAX_TIMER_MS),
    );
  }

  private async tick(): Promise<void> {
    if (this.current) {
      runs.inc({ job: this.name, outcome: 'skipped' });
    } else {
      await this.execute();
    }
    this.arm(this.nextAfter(this.timers.now()));
  }

  private execute(): Promise<JobOutcome> {
    const run = this.runOnce().finally(() => {
      if (this.current === run) this.current = undefined;
    });
    this.current = run;
    return run;
  }

  private async runOnce(): Promise<JobOutcome> {
    const now = this.timers.now();
    this.lastStart = now.getTime();
    const context: RequestContext = {
      correlationId: randomUUID(),
      causationId: null,
      actor: systemActor(this.name),
      traceparent: null,
    };
    return runWithContext(context, async () => {
      const started = performance.now();
      try {
        const body = () => this.definition.run(now);
        const ran = this.definition.lock
          ? await this.definition.lock.tryRun(this.name, body)
          : (await body(), true);
        if (!ran) {
          runs.inc({ job: this.name, outcome: 'skipped' });
          return 'skipped';
        }
        duration.observe({ job: this.name }, (performance.now() - started) / 1000);
        runs.inc({ job: this.name, outcome: 'succeeded' });
        return 'succeeded';
      } catch (error) {
        duration.observe({ job: this.name }, (performance.now() - started) / 1000);
        runs.inc({ job: this.name, outcome: 'failed' });
        failures.inc({ job: this.name });
        this.log.error(
          { job: this.name, correlationId: context.correlationId, err: errorForLog(error) },
          'scheduled job failed; it runs again at its next time',
        );
        return 'failed';
      }
    });
  }
}
