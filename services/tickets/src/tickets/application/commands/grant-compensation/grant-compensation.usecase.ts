import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { grantCompensation, TicketView, ValidatedRequest } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { approvingLevel, compensatorLevel, withinLimit } from '../../../domain/compensation.js';
import { checkStaff, checkWork, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketsError, TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { grantCompensation as markGranted } from '../../compensation/compensation-granted.js';
import { CompensationRepository } from '../../compensation.repository.js';
import type { CompensationRow } from '../../ticket-record.js';
import { TicketWork } from '../../ticket-work.js';

/** A compensation: granted at once within the actor's approval limit, otherwise waiting for a higher level. */
@Injectable()
export class GrantCompensationUseCase {
  constructor(
    private readonly work: TicketWork,
    private readonly compensations: CompensationRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof grantCompensation>): Promise<TicketView> {
    const { kind, amount, reason } = r;
    return this.work.change(
      actor,
      r.number,
      (t) => {
        checkStaff(actor);
        checkWork(actor, t);
      },
      async ({ ticket, now, settings }) => {
        if (kind === 'POINTS' && !ticket.state.memberId) {
          throw new TicketsError(
            TicketsErrorCode.COMPENSATION_NEEDS_MEMBER,
            'points can only compensate a member',
            'kind',
          );
        }
        if (
          (kind === 'POINTS' || kind === 'REFUND' || kind === 'GIFT_CARD' || kind === 'COUPON') &&
          amount <= 0
        ) {
          throw new TicketsError(
            TicketsErrorCode.INVALID_INPUT,
            'amount: must be positive for this kind',
            'amount',
          );
        }
        const limits = settings.approvalLimits;
        const level = compensatorLevel(actor);
        const row: CompensationRow = {
          id: uuidv7(),
          ticketId: ticket.id,
          kind,
          amount,
          reason,
          status: withinLimit(level, kind, amount, limits) ? 'GRANTED' : 'PENDING_APPROVAL',
          requiredLevel: approvingLevel(kind, amount, limits),
          requestedBy: actor.id,
          approvedBy: null,
          createdAt: now,
          grantedAt: null,
          posting: null,
          postedAt: null,
          ledgerEntryId: null,
          creditedMemberId: null,
          postingRefusal: null,
        };
        await this.compensations.add(row);
        ticket.record({
          action: row.status === 'GRANTED' ? 'COMPENSATION_GRANTED' : 'COMPENSATION_REQUESTED',
          fromStatus: null,
          toStatus: null,
          internal: row.status !== 'GRANTED',
          detail: {
            compensationId: row.id,
            kind,
            amount,
            requiredLevel: row.requiredLevel,
            actorLevel: level,
          },
        });
        if (row.status === 'GRANTED') {
          await markGranted(this.compensations, this.outbox, ticket.state, row, actor.id, now);
        }
      },
    );
  }
}
