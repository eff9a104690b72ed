import { Injectable } from '@nestjs/common';
import { pointsEarned } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { LedgerRepository } from '../ledger.repository.js';
import { earnedPayload } from '../points-events.js';

const BATCH = 200;

/**
 * Releases pending points whose return window has closed. One transaction per member under
 * the balance lock taken with SKIP LOCKED: two replicas running at once split the members
 * between them, and a lot already released is not pending any more, so a rerun does nothing.
 */
@Injectable()
export class ReleasePendingPointsJob {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Returns how many lots this run released. */
  async run(now: Date): Promise<number> {
    let released = 0;
    const skipped = new Set<string>();
    for (;;) {
      const members = (await this.ledger.membersWithDueReleases(now, BATCH + skipped.size)).filter(
        (m) => !skipped.has(m),
      );
      if (members.length === 0) return released;
      for (const memberId of members) {
        const done = await this.releaseFor(memberId, now);
        if (done === null) skipped.add(memberId);
        else released += done;
      }
    }
  }

  private releaseFor(memberId: string, now: Date): Promise<number | null> {
    return this.tx.run(async () => {
      const account = await this.ledger.lockAccount(memberId, { skipLocked: true });
      if (!account) return null; // another replica holds this member: it releases them
      const from = account.postings.length;
      const funding = new Map<string, { tenantId: string | null; storeId: string | null }>();
      for (const lotId of account.releasable(now)) {
        const lot = account.lot(lotId)!;
        funding.set(lotId, { tenantId: lot.tenantId, storeId: lot.storeId });
        account.release(lotId);
      }
      if (account.postings.length === from) {
        // Lots with nothing left (fully returned) only change state.
        await this.ledger.saveAccount(account, from, ledgerJob(now));
        return 0;
      }
      const entries = await this.ledger.saveAccount(account, from, ledgerJob(now));
      for (const entry of entries) {
        await this.outbox.add(
          pointsEarned,
          earnedPayload(memberId, entry, account.current, funding.get(entry.posting.lotId!)!, now),
          memberId,
        );
      }
      return entries.length;
    });
  }
}

export const ledgerJob = (now: Date) => ({
  referenceType: null,
  referenceId: null,
  tenantId: null,
  storeId: null,
  reason: null,
  actorKind: 'system',
  actorId: 'members.ledger-jobs',
  occurredAt: now,
});
