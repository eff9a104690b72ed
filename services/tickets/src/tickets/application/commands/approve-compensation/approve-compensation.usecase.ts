import { Injectable } from '@nestjs/common';
import type { approveCompensation, TicketView, ValidatedRequest } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { compensatorLevel, mayApprove } from '../../../domain/compensation.js';
import { checkStaff, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketsError, TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { grantCompensation } from '../../compensation/compensation-granted.js';
import { CompensationRepository } from '../../compensation.repository.js';
import { TicketWork } from '../../ticket-work.js';

/** Approves or rejects a compensation waiting for approval; only a level whose limit covers it may. */
@Injectable()
export class ApproveCompensationUseCase {
  constructor(
    private readonly work: TicketWork,
    private readonly compensations: CompensationRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof approveCompensation>): Promise<TicketView> {
    const { compensationId, approve } = r;
    return this.work.change(
      actor,
      r.number,
      () => checkStaff(actor),
      async ({ ticket, now, settings }) => {
        const row = (await this.compensations.ofTicket(ticket.id)).find((c) => c.id === compensationId);
        if (!row)
          throw new TicketsError(
            TicketsErrorCode.COMPENSATION_NOT_FOUND,
            `compensation ${compensationId} is not on ticket ${r.number}`,
          );
        if (row.status !== 'PENDING_APPROVAL') {
          throw new TicketsError(
            TicketsErrorCode.COMPENSATION_NOT_PENDING,
            `compensation ${compensationId} is ${row.status}, not waiting for approval`,
          );
        }
        const level = compensatorLevel(actor);
        if (!mayApprove(level, row.kind, row.amount, settings.approvalLimits)) {
          throw new TicketsError(
            TicketsErrorCode.COMPENSATION_ABOVE_LIMIT,
            `${row.amount} ${row.kind} needs approval at ${row.requiredLevel} or above; you are ${level}`,
          );
        }
        row.status = approve ? 'GRANTED' : 'REJECTED';
        row.approvedBy = actor.id;
        ticket.record({
          action: approve ? 'COMPENSATION_APPROVED' : 'COMPENSATION_REJECTED',
          fromStatus: null,
          toStatus: null,
          internal: !approve,
          detail: { compensationId, kind: row.kind, amount: row.amount, approverLevel: level },
        });
        if (approve)
          await grantCompensation(this.compensations, this.outbox, ticket.state, row, actor.id, now);
        else await this.compensations.update(row);
      },
    );
  }
}
