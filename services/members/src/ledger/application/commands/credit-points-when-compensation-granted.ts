import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { pointsEarned, type compensationGranted, type EventPayload } from '@atrium/contracts';
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
 * carrying the same compensation.
 */
@Injectable()
export class CreditPointsWhenCompensationGranted {
  constructor(
    private readonly tx: TransactionHost,
    private readonly ledger: LedgerRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** True when credited now, false when this compensation had been credited before. */
  async handle(
    event: EventPayload<typeof compensationGranted>,
    actor: { kind: string; id: string },
  ): Promise<boolean> {
    return this.tx.run(async () => {
      const account = await this.ledger.lockAccount(event.memberId, { withLots: false });
      if (!account) {
        // Nothing to credit and nothing to retry: the member is unknown here.
        log.warn({ compensationId: event.compensationId }, 'compensation for an unknown member ignored');
        return false;
      }
      if (await this.ledger.compensationExists(event.compensationId)) return false;
      const now = this.clock.now();
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
        memberId: event.memberId,
        points: event.points,
        ticketId: event.ticketId,
        entryId: entry!.id,
        recordedAt: now,
      });
      await this.outbox.add(
        pointsEarned,
        earnedPayload(event.memberId, entry!, account.current, { tenantId: null, storeId: null }, now),
        event.memberId,
      );
      return true;
    });
  }
}
