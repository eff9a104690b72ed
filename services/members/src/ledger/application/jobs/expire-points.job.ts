import { Injectable } from '@nestjs/common';
import { pointsExpired, pointsExpiring } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { LedgerRepository } from '../ledger.repository.js';
import { balanceView } from '../points-events.js';
import { ledgerJob } from './release-pending-points.job.js';

const BATCH = 200;
const DAY_MS = 86_400_000;

/**
 * Expires what is left of lots past their expiry, then warns members of points expiring
 * within the warning window. Expiry runs per member under the balance lock (SKIP LOCKED, so
 * replicas share the work; an expired lot has nothing left, so reruns do nothing). A warning
 * is sent once per member and expiry instant: its row's primary key decides, and the event is
 * written in the same transaction as the row.
 */
@Injectable()
export class ExpirePointsJob {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async run(now: Date): Promise<{ expiredLots: number; warnings: number }> {
    let expiredLots = 0;
    const skipped = new Set<string>();
    for (;;) {
      const members = (await this.ledger.membersWithDueExpiries(now, BATCH + skipped.size)).filter(
        (m) => !skipped.has(m),
      );
      if (members.length === 0) break;
      for (const memberId of members) {
        const done = await this.expireFor(memberId, now);
        if (done === null) skipped.add(memberId);
        else expiredLots += done;
      }
    }
    return { expiredLots, warnings: await this.warn(now) };
  }

  private expireFor(memberId: string, now: Date): Promise<number | null> {
    return this.tx.run(async () => {
      const account = await this.ledger.lockAccount(memberId, { skipLocked: true });
      if (!account) return null;
      const from = account.postings.length;
      account.expire(now);
      const entries = await this.ledger.saveAccount(account, from, ledgerJob(now));
      for (const entry of entries) {
        await this.outbox.add(
          pointsExpired,
          {
            memberId,
            entryId: entry.id,
            lotId: entry.posting.lotId!,
            points: entry.posting.points,
            balance: balanceView(account.current),
            occurredAt: now.toISOString(),
          },
          memberId,
        );
      }
      return entries.length;
    });
  }

  private async warn(now: Date): Promise<number> {
    const settings = await this.ledger.settings();
    const until = new Date(now.getTime() + settings.expiryWarningDays * DAY_MS);
    let warnings = 0;
    for (const due of await this.ledger.dueExpiryWarnings(now, until, 10_000)) {
      const sent = await this.tx.run(async () => {
        if (!(await this.ledger.insertExpiryWarning(due.memberId, due.expiresAt, due.points, now)))
          return false;
        await this.outbox.add(
          pointsExpiring,
          { memberId: due.memberId, points: due.points, expiresAt: due.expiresAt.toISOString() },
          due.memberId,
        );
        return true;
      });
      if (sent) warnings += 1;
    }
    return warnings;
  }
}
