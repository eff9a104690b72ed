import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { Clock } from '../clock.js';
import { ScheduledJob, systemTimers, type JobDefinition, type JobTimers } from './scheduled-job.js';

/** Real timers that read the time from `clock` (a service's CLOCK, which tests may swap). */
export function timersOf(clock: Clock): JobTimers {
  return { ...systemTimers, now: () => clock.now() };
}

export interface ScheduledJobsOptions {
  /** Default real timers and the system time. */
  timers?: JobTimers;
  /** False leaves the timers off (tests drive the jobs with `run(name)`); default true. */
  enabled?: boolean;
}

/**
 * The jobs of one module as a Nest provider: started when the app has bootstrapped, stopped
 * before the app shuts down (so a run in progress finishes before the pool closes).
 */
export class ScheduledJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly jobs: Map<string, ScheduledJob>;
  private readonly enabled: boolean;

  constructor(definitions: JobDefinition[], options: ScheduledJobsOptions = {}) {
    this.enabled = options.enabled ?? true;
    this.jobs = new Map();
    for (const definition of definitions) {
      if (this.jobs.has(definition.name)) throw new Error(`two jobs are named ${definition.name}`);
      this.jobs.set(definition.name, new ScheduledJob(definition, options.timers ?? systemTimers));
    }
  }

  onApplicationBootstrap(): void {
    if (this.enabled) for (const job of this.jobs.values()) job.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.stop()));
  }

  /** Runs one job now, after its run in progress if any (tests, operators). */
  run(name: string): ReturnType<ScheduledJob['runNow']> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}; known: ${[...this.jobs.keys()].join(', ')}`);
    return job.runNow();
  }

  get(name: string): ScheduledJob | undefined {
    return this.jobs.get(name);
  }
}
