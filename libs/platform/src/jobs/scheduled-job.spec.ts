import { describe, expect, it } from '@jest/globals';
import { register } from 'prom-client';
import { currentContext, type RequestContext } from '../context.js';
import type { JobLock } from './job-lock.js';
import { ScheduledJob, type JobDefinition, type JobTimers } from './scheduled-job.js';
import { ScheduledJobs } from './scheduled-jobs.js';

/** Timers that fire only when the test moves the time, in the order they are due. */
class FakeTimers implements JobTimers {
  private time: number;
  private seq = 0;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  constructor(start: string) {
    this.time = Date.parse(start);
  }
  now(): Date {
    return new Date(this.time);
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.pending.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  get armed(): number {
    return this.pending.size;
  }
  /** Moves the time by `ms`, firing every timer that comes due on the way (and letting runs settle). */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      await settle();
      const due = [...this.pending]
        .filter(([, t]) => t.at <= target)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
    }
    this.time = target;
    await settle();
  }
}

const settle = async () => {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
  await new Promise((resolve) => setImmediate(resolve));
};

/** A run that stays in progress until the test lets it finish. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

async function metric(name: string, labels: Record<string, string>): Promise<number> {
  const values = (await register.getMetricsAsJSON()).flatMap((m) =>
    m.values.map((v) => ({ ...v, metricName: (v as { metricName?: string }).metricName ?? m.name })),
  );
  const value = values.find(
    (v) => v.metricName === name && Object.entries(labels).every(([k, l]) => v.labels[k] === l),
  );
  return value ? Number(value.value) : 0;
}

function recorder(name: string, schedule: JobDefinition['schedule'], body?: (now: Date) => Promise<void>) {
  const runs: Array<{ now: string; context: RequestContext | undefined }> = [];
  const definition: JobDefinition = {
    name,
    schedule,
    run: async (now) => {
      runs.push({ now: now.toISOString(), context: currentContext() });
      await body?.(now);
    },
  };
  return { runs, definition };
}

describe('ScheduledJob on an interval', () => {
  it('runs every interval from its start, each run at the time it was due', async () => {
    const timers = new FakeTimers('2026-05-01T00:00:00Z');
    const { runs, definition } = recorder('test.interval-runs', { every: 60_000 });
    const job = new ScheduledJob(definition, timers);
    job.start();
    await timers.advance(59_999);
    expect(runs).toHaveLength(0);
    await timers.advance(1);
    await timers.advance(120_000);
    expect(runs.map((r) => r.now)).toEqual([
      '2026-05-01T00:01:00.000Z',
      '2026-05-01T00:02:00.000Z',
      '2026-05-01T00:03:00.000Z',
    ]);
    await job.stop();
  });

  it('runs once at start when asked to', async () => {
    const timers = new FakeTimers('2026-05-01T00:00:00Z');
    const { runs, definition } = recorder('test.interval-at-start', { every: 1000, runAtStart: true });
    const job = new ScheduledJob(definition, timers);
    job.start();
    await timers.advance(0);
    expect(runs.map((r) => r.now)).toEqual(['2026-05-01T00:00:00.000Z']);
    await job.stop();
  });

  it('gives each run a system actor named after the job and a correlation id of its own', async () => {
    const timers = new FakeTimers('2026-05-01T00:00:00Z');
    const { runs, definition } = recorder('test.context', { every: 1000 });
    const job = new ScheduledJob(definition, timers);
    job.start();
    await timers.advance(3000);
    expect(runs).toHaveLength(3);
    for (const run of runs) {
      expect(run.context?.actor).toEqual({
        kind: 'system',
        id: 'test.context',
        tenantId: null,
        roles: [],
        scopes: [],
      });
      expect(run.context?.causationId).toBeNull();
    }
    expect(new Set(runs.map((r) => r.context?.correlationId)).size).toBe(3);
    await job.stop();
  });

  it('never overlaps runs: a tick while a run is in progress is skipped, and the next starts after it', async () => {
    const timers = new FakeTimers('2026-05-01T00:00:00Z');
    const first = gate();
    let inProgress = 0;
    let most = 0;
    const { runs, definition } = recorder('test.no-overlap', { every: 1000 }, async () => {
      inProgress += 1;
      most = Math.max(most, inProgress);
      if (runs.length === 1) await first.promise;
      inProgress -= 1;
    });
    const job = new ScheduledJob(definition, timers);
    job.start();
    await timers.advance(1000);
    expect(runs).toHaveLength(1);
    // A manual run asked for meanwhile waits for the one in progress.
    const manual = job.runNow();
    await timers.advance(5000);
    expect(runs).toHaveLength(1);
    first.open();
    expect(await manual).toBe('succeeded');
    await timers.advance(0);
    expect(most).toBe(1);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    await job.stop();
  });

  it('counts runs, failures and durations in the registry /metrics serves, and goes on after a failure', async () => {
    const timers = new FakeTimers('2026-05-01T00:00:00Z');
    let calls = 0;
    const job = new ScheduledJob(
      {
        name: 'test.metrics',
        schedule: { every: 1000 },
        run: async () => {
          calls += 1;
          if (calls === 2) throw new Error('the database went away');
        },
      },
      timers,
    );
    job.start();
    await timers.advance(3000);
    expect(calls).toBe(3);
    expect(await metric('atrium_job_runs_total', { job: 'test.metrics', outcome: 'succeeded' })).toBe(2);
    expect(await metric('atrium_job_runs_total', { job: 'test.metrics', outcome: 'failed' })).toBe(1);
    expect(await metric('atrium_job_failures_total', { job: 'test.metrics' })).toBe(1);
    expect(await metric('atrium_job_duration_seconds_count', { job: 'test.metrics' })).toBe(3);
    expect(await register.metrics()).toContain(
      'atrium_job_runs_total{job="test.metrics",outcome="failed"} 1',
    );
    await job.stop();
  });

  it('stops cleanly: waits for the run in progress and starts no other', async () => {
    const timers = new FakeTimers('2026-05-01T00:00:00Z');
    const running = gate();
    let finished = false;
    const { runs, definition } = recorder('test.stop', { every: 1000 }, async () => {
      await running.promise;
      finished = true;
    });
    const job = new ScheduledJob(definition, timers);
    job.start();
    await timers.advance(1000);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    running.open();
    await stopping;
    expect(finished).toBe(true);
    expect(timers.armed).toBe(0);
    await timers.advance(10_000);
    expect(runs).toHaveLength(1);
    expect(job.nextRunAt).toBeNull();
  });
});

describe('ScheduledJob daily', () => {
  it('runs at the local time of its zone every day (03:30 in Shanghai = 19:30 UTC)', async () => {
    const timers = new FakeTimers('2026-05-01T12:00:00Z');
    const { runs, definition } = recorder('test.daily', { at: '03:30', timeZone: 'Asia/Shanghai' });
    const job = new ScheduledJob(definition, timers);
    job.start();
    expect(job.nextRunAt?.toISOString()).toBe('2026-05-01T19:30:00.000Z');
    await timers.advance(3 * 24 * 3600_000);
    expect(runs.map((r) => r.now)).toEqual([
      '2026-05-01T19:30:00.000Z',
      '2026-05-02T19:30:00.000Z',
      '2026-05-03T19:30:00.000Z',
    ]);
    await job.stop();
  });

  it('follows daylight saving in its zone (09:00 New York across 2026-03-08)', async () => {
    const timers = new FakeTimers('2026-03-07T12:00:00Z');
    const { runs, definition } = recorder('test.daily-dst', { at: '09:00', timeZone: 'America/New_York' });
    const job = new ScheduledJob(definition, timers);
    job.start();
    await timers.advance(2 * 24 * 3600_000);
    expect(runs.map((r) => r.now)).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z']);
    await job.stop();
  });

  it('refuses an unknown zone, a malformed time, a bad interval or name', () => {
    const run = async () => undefined;
    expect(
      () => new ScheduledJob({ name: 'x', schedule: { at: '03:30', timeZone: 'Mars/Olympus' }, run }),
    ).toThrow(/time zone/);
    expect(() => new ScheduledJob({ name: 'x', schedule: { at: '3h', timeZone: 'UTC' }, run })).toThrow(
      /HH:MM/,
    );
    expect(() => new ScheduledJob({ name: 'x', schedule: { every: 0 }, run })).toThrow(/positive/);
    expect(() => new ScheduledJob({ name: 'Has Spaces', schedule: { every: 10 }, run })).toThrow(
      /kebab-case/,
    );
  });
});

describe('a job with a lock', () => {
  it('runs its body only while it holds the lock, and counts a run another holder had as skipped', async () => {
    const timers = new FakeTimers('2026-05-01T00:00:00Z');
    let held = false;
    const lock: JobLock = {
      tryRun: async (_name, body) => {
        if (held) return false;
        await body();
        return true;
      },
    };
    const { runs, definition } = recorder('test.locked', { every: 1000 });
    const job = new ScheduledJob({ ...definition, lock }, timers);
    expect(await job.runNow()).toBe('succeeded');
    held = true;
    expect(await job.runNow()).toBe('skipped');
    expect(runs).toHaveLength(1);
    expect(await metric('atrium_job_runs_total', { job: 'test.locked', outcome: 'skipped' })).toBe(1);
  });
});

describe('ScheduledJobs', () => {
  it('starts its jobs at bootstrap, runs one by name and stops them before shutdown', async () => {
    const timers = new FakeTimers('2026-05-01T00:00:00Z');
    const a = recorder('test.host-a', { every: 1000 });
    const b = recorder('test.host-b', { at: '00:00', timeZone: 'UTC' });
    const jobs = new ScheduledJobs([a.definition, b.definition], { timers });
    jobs.onApplicationBootstrap();
    await timers.advance(2000);
    expect(await jobs.run('test.host-b')).toBe('succeeded');
    await jobs.beforeApplicationShutdown();
    await timers.advance(10_000);
    expect(a.runs).toHaveLength(2);
    expect(b.runs).toHaveLength(1);
    expect(() => jobs.run('test.unknown')).toThrow(/no job named/);
  });

  it('leaves the timers off when disabled (tests drive the jobs)', async () => {
    const timers = new FakeTimers('2026-05-01T00:00:00Z');
    const a = recorder('test.host-off', { every: 1000 });
    const jobs = new ScheduledJobs([a.definition], { timers, enabled: false });
    jobs.onApplicationBootstrap();
    await timers.advance(5000);
    expect(a.runs).toHaveLength(0);
    await jobs.run('test.host-off');
    expect(a.runs).toHaveLength(1);
  });

  it('refuses two jobs of one name', () => {
    const a = recorder('test.twice', { every: 1000 });
    expect(() => new ScheduledJobs([a.definition, a.definition])).toThrow(/two jobs/);
  });
});
