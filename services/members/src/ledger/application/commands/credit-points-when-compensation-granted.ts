import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import {
  compensationPosted,
  pointsEarned,
  type compensationGranted,
  type EventPayload,
} from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, createLogger, type Clock } from '@atrium/platform';
import { expiryOf } from '../../domain/ledger-policy.js';
import { LedgerRepository } from '../ledger.repository.js';
import { earnedPayload } from '../points-events.js';

const log = createLogger('ledger.compensation');

/**
 * Credits the points of a compensation granted by the tickets service, exactly once per
 * compensation id: the inbox stops redelivery of one message, and the compensations table
 * (checked under the member's lock, unique on compensation_id) stops a second message
 * carrying the same compensation. A merged member's compensation goes to the survivor. The
 * outcome (POSTED, or REFUSED for an unknown or deleted member) goes back to the tickets
 * service as members.compensation.posted.v1 in the same transaction, so the ticket shows it.
 */
@Injectable()
export class CreditPointsWhenCompensationGranted {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** True when credited now, false when refused or credited before. */
  async handle(
    event: EventPayload<typeof compensationGranted>,
    actor: { kind: string; id: string },
  ): Promise<boolean> {
    return this.tx.run(async () => {
      const now = this.clock.now();
      const answer = {
        compensationId: event.compensationId,
        ticketId: event.ticketId,
        memberId: event.memberId,
        points: event.points,
        postedAt: now.toISOString(),
      };
      const holder = await this.ledger.accountHolder(event.memberId);
      const account =
        holder && !holder.closed ? await this.ledger.lockAccount(holder.memberId, { withLots: false }) : null;
      if (!holder || !account) {
        // Nothing to credit and nothing to retry: tell the ticket why.
        const refusal = holder ? 'MEMBER_DELETED' : 'MEMBER_UNKNOWN';
        log.warn({ compensationId: event.compensationId, refusal }, 'compensation refused');
        await this.outbox.add(
          compensationPosted,
          { ...answer, outcome: 'REFUSED', creditedMemberId: null, entryId: null, refusal },
          event.ticketId,
        );
        return false;
      }
      if (await this.ledger.compensationExists(event.compensationId)) return false;
      const memberId = holder.memberId;
      const from = account.postings.length;
      account.credit('COMPENSATE', {
        id: uuidv7(),
        points: event.points,
        earnedAt: now,
        releaseAt: null,
        expiresAt: expiryOf(now, await this.ledger.settings()),
        tenantId: null,
        storeId: null,
      });
      const [entry] = await this.ledger.saveAccount(account, from, {
        referenceType: 'COMPENSATION',
        referenceId: event.compensationId,
        tenantId: null,
        storeId: null,
        reason: event.reason,
        actorKind: actor.kind,
        actorId: actor.id,
        occurredAt: now,
      });
      await this.ledger.insertCompensation({
        compensationId: event.compensationId,
        memberId,
        points: event.points,
        ticketId: event.ticketId,
        entryId: entry!.id,
        recordedAt: now,
      });
      await this.outbox.add(
        pointsEarned,
        earnedPayload(memberId, entry!, account.current, { tenantId: null, storeId: null }, now),
        memberId,
      );
      await this.outbox.add(
        compensationPosted,
        { ...answer, outcome: 'POSTED', creditedMemberId: memberId, entryId: entry!.id, refusal: null },
        event.ticketId,
      );
      return true;
    });
  }
}
