// Real: PostgreSQL (the test run's server, its maintenance database: advisory locks need no
// table), two connection pools standing for two replicas. Faked: nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { advisoryKeyOf, PostgresAdvisoryLock } from './job-lock.js';
import { ScheduledJob } from './scheduled-job.js';

/** Set by the jest global setup (read here directly: this library is below @atrium/testing). */
const serverUrl = (): string => {
  const url = process.env.ATRIUM_TEST_DATABASE_URL;
  if (!url) throw new Error('run through `npm run jest`: the global setup starts PostgreSQL');
  return url;
};

const replicas: DataSource[] = [];

async function heldLocks(db: DataSource, jobName: string): Promise<number> {
  const key = BigInt(advisoryKeyOf(jobName));
  const high = Number(BigInt.asIntN(32, key >> 32n));
  const low = Number(BigInt.asIntN(32, key));
  // pg_locks shows a bigint advisory key as two oids (high and low 32 bits, unsigned).
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND granted AND classid = ($1::bigint & 4294967295)::oid AND objid = ($2::bigint & 4294967295)::oid`,
    [high, low],
  );
  return row.n;
}

beforeAll(async () => {
  for (let i = 0; i < 2; i += 1) {
    const db = new DataSource({ type: 'postgres', url: serverUrl(), extra: { max: 3 } });
    await db.initialize();
    replicas.push(db);
  }
});

afterAll(async () => {
  await Promise.all(replicas.map((db) => db.destroy()));
});

describe('PostgresAdvisoryLock', () => {
  it('lets one replica run a job body at a time; the other skips until the lock is released', async () => {
    const [a, b] = replicas.map((db) => new PostgresAdvisoryLock(db));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const name = `test.lock-${Date.now()}`;

    const first = a.tryRun(name, () => gate);
    // Wait until the first replica really holds the lock (no sleeping on a guess).
    for (let i = 0; i < 200 && (await heldLocks(replicas[0], name)) === 0; i += 1)
      await new Promise((r) => setTimeout(r, 10));
    expect(await heldLocks(replicas[0], name)).toBe(1);

    let ranOnB = false;
    expect(await b.tryRun(name, async () => void (ranOnB = true))).toBe(false);
    expect(ranOnB).toBe(false);

    release();
    expect(await first).toBe(true);
    expect(await heldLocks(replicas[0], name)).toBe(0);
    expect(await b.tryRun(name, async () => void (ranOnB = true))).toBe(true);
    expect(ranOnB).toBe(true);
  });

  it('releases the lock when the body throws', async () => {
    const lock = new PostgresAdvisoryLock(replicas[0]);
    const name = `test.lock-throws-${Date.now()}`;
    await expect(lock.tryRun(name, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await heldLocks(replicas[1], name)).toBe(0);
    expect(await new PostgresAdvisoryLock(replicas[1]).tryRun(name, async () => undefined)).toBe(true);
  });

  it('makes two replicas of one scheduled job run it once between them', async () => {
    const name = `test.lock-job-${Date.now()}`;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let bodies = 0;
    const [jobA, jobB] = replicas.map(
      (db) =>
        new ScheduledJob({
          name,
          schedule: { every: 60_000 },
          lock: new PostgresAdvisoryLock(db),
          run: async () => {
            bodies += 1;
            await gate;
          },
        }),
    );
    const runA = jobA.runNow();
    for (let i = 0; i < 200 && (await heldLocks(replicas[1], name)) === 0; i += 1)
      await new Promise((r) => setTimeout(r, 10));
    expect(await jobB.runNow()).toBe('skipped');
    release();
    expect(await runA).toBe('succeeded');
    expect(bodies).toBe(1);
  });
});
