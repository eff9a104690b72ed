import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { compensationGranted, ticketCompensationGranted, type TicketView } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { approvingLevel, mayApprove, withinLimit, type CompensationKind } from '../../domain/compensation.js';
import { checkStaff, checkWork, type TicketActor } from '../../domain/ticket-access.policy.js';
import { staffLevel, type Level } from '../../domain/ticket-lifecycle.js';
import { TicketsError, TicketsErrorCode } from '../../domain/tickets.errors.js';
import { CompensationRepository } from '../compensation.repository.js';
import { ticketRef } from '../ticket-events.js';
import type { CompensationRow } from '../ticket-record.js';
import { TicketWork, type WorkContext } from '../ticket-work.js';

const levelOf = (actor: TicketActor): Level =>
  actor.kind === 'system' ? 'SENIOR_MANAGER' : (staffLevel(actor.roles) ?? 'FRONTLINE');

/** Compensation: granted at once within the actor's limit, otherwise waiting for a higher level. */
@Injectable()
export class CompensationUseCase {
  constructor(
    private readonly work: TicketWork,
    private readonly compensations: CompensationRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  grant(
    actor: TicketActor,
    number: string,
    kind: CompensationKind,
    amount: number,
    reason: string,
  ): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => {
        checkStaff(actor);
        checkWork(actor, t);
      },
      async (ctx) => {
        if (kind === 'POINTS' && !ctx.ticket.memberId) {
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
        const level = levelOf(actor);
        const row: CompensationRow = {
          id: uuidv7(),
          ticketId: ctx.ticket.id,
          kind,
          amount,
          reason,
          status: withinLimit(level, kind, amount) ? 'GRANTED' : 'PENDING_APPROVAL',
          requiredLevel: approvingLevel(kind, amount),
          requestedBy: actor.id,
          approvedBy: null,
          createdAt: ctx.now,
          grantedAt: null,
          posting: null,
          postedAt: null,
          ledgerEntryId: null,
          creditedMemberId: null,
          postingRefusal: null,
        };
        await this.compensations.add(row);
        await ctx.record({
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
        if (row.status === 'GRANTED') await this.granted(actor, ctx, row);
      },
    );
  }

  approve(actor: TicketActor, number: string, compensationId: string, approve: boolean): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      () => checkStaff(actor),
      async (ctx) => {
        const row = (await this.compensations.ofTicket(ctx.ticket.id)).find((c) => c.id === compensationId);
        if (!row)
          throw new TicketsError(
            TicketsErrorCode.COMPENSATION_NOT_FOUND,
            `compensation ${compensationId} is not on ticket ${number}`,
          );
        if (row.status !== 'PENDING_APPROVAL') {
          throw new TicketsError(
            TicketsErrorCode.COMPENSATION_NOT_PENDING,
            `compensation ${compensationId} is ${row.status}, not waiting for approval`,
          );
        }
        const level = levelOf(actor);
        if (!mayApprove(level, row.kind, row.amount)) {
          throw new TicketsError(
            TicketsErrorCode.COMPENSATION_ABOVE_LIMIT,
            `${row.amount} ${row.kind} needs approval at ${row.requiredLevel} or above; you are ${level}`,
          );
        }
        row.status = approve ? 'GRANTED' : 'REJECTED';
        row.approvedBy = actor.id;
        await ctx.record({
          action: approve ? 'COMPENSATION_APPROVED' : 'COMPENSATION_REJECTED',
          fromStatus: null,
          toStatus: null,
          internal: !approve,
          detail: { compensationId, kind: row.kind, amount: row.amount, approverLevel: level },
        });
        if (approve) await this.granted(actor, ctx, row);
        else await this.compensations.update(row);
      },
    );
  }

  /** A granted compensation: the event for everyone, and for points the message the members ledger credits once. */
  private async granted(actor: TicketActor, ctx: WorkContext, row: CompensationRow): Promise<void> {
    row.status = 'GRANTED';
    row.grantedAt = ctx.now;
    if (row.kind === 'POINTS') row.posting = 'PENDING';
    await this.compensations.update(row);
    await this.outbox.add(
      ticketCompensationGranted,
      {
        ...ticketRef(ctx.ticket, actor.id, ctx.now),
        compensationId: row.id,
        kind: row.kind,
        amount: row.amount,
      },
      ctx.ticket.id,
    );
    if (row.kind === 'POINTS' && ctx.ticket.memberId) {
      await this.outbox.add(
        compensationGranted,
        {
          compensationId: row.id,
          memberId: ctx.ticket.memberId,
          ticketId: ctx.ticket.id,
          points: row.amount,
          reason: row.reason.slice(0, 500),
        },
        ctx.ticket.memberId,
      );
    }
  }
}
