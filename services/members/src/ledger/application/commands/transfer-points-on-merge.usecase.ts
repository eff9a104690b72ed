import { Inject, Injectable } from '@nestjs/common';
import { pointsEarned, pointsRedeemed, type Actor } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import type { Balance } from '../../domain/ledger-entry.js';
import { LedgerError, LedgerErrorCode } from '../../domain/ledger.errors.js';
import { LedgerRepository } from '../ledger.repository.js';
import { earnedPayload, redeemedPayload } from '../points-events.js';

/**
 * Moves a duplicate member's points to the survivor of a merge: every open lot (with its
 * expiry and funding tenant), the balance including debt, and its purchases (so later returns
 * reverse on the survivor). Called by the merge use case inside its transaction; both
 * balance rows are locked in id order so concurrent merges cannot deadlock.
 */
@Injectable()
export class TransferPointsOnMerge {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(fromMemberId: string, toMemberId: string, actor: Actor): Promise<{ moved: Balance }> {
    if (fromMemberId === toMemberId) throw new Error('a member cannot be merged into itself');
    return this.tx.run(async () => {
      const locked = new Map<string, Awaited<ReturnType<LedgerRepository['lockAccount']>>>();
      for (const id of [fromMemberId, toMemberId].sort()) locked.set(id, await this.ledger.lockAccount(id));
      const from = locked.get(fromMemberId);
      const to = locked.get(toMemberId);
      if (!from || !to)
        throw new LedgerError(
          LedgerErrorCode.MEMBER_NOT_FOUND,
          'both members of a merge must exist',
          'memberId',
        );
      const now = this.clock.now();
      const context = {
        referenceType: 'MERGE',
        tenantId: null,
        storeId: null,
        reason: null,
        actorKind: actor.kind,
        actorId: actor.id,
        occurredAt: now,
      };
      const moved = from.current;
      const fromStart = from.postings.length;
      const toStart = to.postings.length;
      const { lots } = from.transferOut();
      to.transferIn(lots, moved);
      // The survivor's lots first: the moved lots change owner before the old balance empties.
      const [inEntry] = await this.ledger.saveAccount(to, toStart, { ...context, referenceId: fromMemberId });
      const [outEntry] = await this.ledger.saveAccount(from, fromStart, {
        ...context,
        referenceId: toMemberId,
      });
      await this.ledger.reassignPurchases(fromMemberId, toMemberId);
      if (inEntry!.posting.points > 0) {
        await this.outbox.add(
          pointsRedeemed,
          redeemedPayload(fromMemberId, outEntry!, from.current, null, now),
          fromMemberId,
        );
        await this.outbox.add(
          pointsEarned,
          earnedPayload(toMemberId, inEntry!, to.current, { tenantId: null, storeId: null }, now),
          toMemberId,
        );
      }
      return { moved };
    });
  }
}
