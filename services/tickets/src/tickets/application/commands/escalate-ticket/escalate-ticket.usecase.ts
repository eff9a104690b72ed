import { Injectable } from '@nestjs/common';
import type { escalateTicket, TicketView, ValidatedRequest } from '@atrium/contracts';
import { checkWork, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketWork } from '../../ticket-work.js';

/** Raises an open ticket to a higher level (one up when no level is named); never down. */
@Injectable()
export class EscalateTicketUseCase {
  constructor(private readonly work: TicketWork) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof escalateTicket>): Promise<TicketView> {
    return this.work.change(
      actor,
      r.number,
      (t) => checkWork(actor, t),
      ({ ticket }) => ticket.escalate(r.toLevel, r.reason, { comment: r.comment }),
    );
  }
}
