import { Injectable } from '@nestjs/common';
import type { assignTicket, TicketView, ValidatedRequest } from '@atrium/contracts';
import { checkWork, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketWork } from '../../ticket-work.js';

/** Hands an open ticket to a department and/or a person. */
@Injectable()
export class AssignTicketUseCase {
  constructor(private readonly work: TicketWork) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof assignTicket>): Promise<TicketView> {
    return this.work.change(
      actor,
      r.number,
      (t) => checkWork(actor, t),
      ({ ticket }) => ticket.assign(r.department, r.assigneeId),
    );
  }
}
