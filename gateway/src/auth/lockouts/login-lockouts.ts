import type { EntityManager } from 'typeorm';

export interface LockoutPolicy {
  maxAttempts: number;
  lockMs: number;
}

export interface LockoutState {
  failedAttempts: number;
  /** Set while the subject is locked. */
  lockedUntil: Date | null;
}

export type FailureOutcome = { locked: false; remaining: number } | { locked: true; lockedUntil: Date };

interface Row {
  failed_attempts: number;
  locked_until: Date | null;
}

/**
 * Wrong attempts per subject (a phone, a staff username) and the lock they lead to. All
 * methods run inside the caller's transaction; `acquire` takes a row lock, so concurrent
 * attempts on one subject are counted one after another and cannot race past the limit.
 */
export class LoginLockouts {
  constructor(private readonly policy: LockoutPolicy) {}

  async acquire(m: EntityManager, subjectKey: string, now: Date): Promise<LockoutState> {
    await m.query(
      `INSERT INTO login_lockouts (subject_key, failed_attempts, locked_until, updated_at)
       VALUES ($1, 0, NULL, $2) ON CONFLICT (subject_key) DO NOTHING`,
      [subjectKey, now],
    );
    const [row]: Row[] = await m.query(
      'SELECT failed_attempts, locked_until FROM login_lockouts WHERE subject_key = $1 FOR UPDATE',
      [subjectKey],
    );
    if (row!.locked_until && row!.locked_until.getTime() <= now.getTime()) {
      // The lock has ended: the subject starts over with a clean count.
      await this.reset(m, subjectKey, now);
      return { failedAttempts: 0, lockedUntil: null };
    }
    return { failedAttempts: row!.failed_attempts, lockedUntil: row!.locked_until };
  }

  /** Counts one wrong attempt; the last allowed one locks the subject for the policy's time. */
  async recordFailure(
    m: EntityManager,
    subjectKey: string,
    state: LockoutState,
    now: Date,
  ): Promise<FailureOutcome> {
    const failed = state.failedAttempts + 1;
    if (failed >= this.policy.maxAttempts) {
      const lockedUntil = new Date(now.getTime() + this.policy.lockMs);
      await m.query(
        'UPDATE login_lockouts SET failed_attempts = 0, locked_until = $2, updated_at = $3 WHERE subject_key = $1',
        [subjectKey, lockedUntil, now],
      );
      return { locked: true, lockedUntil };
    }
    await m.query('UPDATE login_lockouts SET failed_attempts = $2, updated_at = $3 WHERE subject_key = $1', [
      subjectKey,
      failed,
      now,
    ]);
    return { locked: false, remaining: this.policy.maxAttempts - failed };
  }

  async reset(m: EntityManager, subjectKey: string, now: Date): Promise<void> {
    await m.query(
      'UPDATE login_lockouts SET failed_attempts = 0, locked_until = NULL, updated_at = $2 WHERE subject_key = $1',
      [subjectKey, now],
    );
  }
}

/** "15 minutes", "45 seconds": how long until `until`, for messages. */
export function waitText(now: Date, until: Date): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export const secondsUntil = (now: Date, until: Date): number =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
