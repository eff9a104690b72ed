import { createHash } from 'node:crypto';

/**
 * Something that lets at most one replica run a job body at a time. `tryRun` returns false,
 * without running the body, when another holder has the lock.
 */
export interface JobLock {
  tryRun(jobName: string, body: () => Promise<void>): Promise<boolean>;
}

/** The slice of a TypeORM DataSource the advisory lock needs: one dedicated connection. */
export interface AdvisoryLockDatabase {
  createQueryRunner(): {
    connect(): Promise<unknown>;
    query(sql: string, parameters?: unknown[]): Promise<unknown>;
    release(): Promise<void>;
  };
}

/** The 64-bit advisory-lock key of a job name (stable across processes and releases). */
export function advisoryKeyOf(jobName: string): string {
  return createHash('sha1').update(`atrium.job:${jobName}`).digest().readBigInt64BE(0).toString();
}

/**
 * A PostgreSQL session advisory lock per job name, held on one connection for the whole run
 * and released after it (or by the server if the process dies). For jobs whose body is not
 * already safe with many replicas (SKIP LOCKED batches are, and need no lock).
 */
export class PostgresAdvisoryLock implements JobLock {
  constructor(private readonly database: AdvisoryLockDatabase) {}

  async tryRun(jobName: string, body: () => Promise<void>): Promise<boolean> {
    const key = advisoryKeyOf(jobName);
    const runner = this.database.createQueryRunner();
    await runner.connect();
    try {
      const [row] = (await runner.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [
        key,
      ])) as Array<{
        locked: boolean;
      }>;
      if (!row?.locked) return false;
      try {
        await body();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
      }
      return true;
    } finally {
      await runner.release();
    }
  }
}
