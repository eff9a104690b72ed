import { Injectable } from '@nestjs/common';
import type { pauseTicket, TicketView, ValidatedRequest } from '@atrium/contracts';
import { checkWork, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketWork } from '../../ticket-work.js';

/** Pauses the SLA clock (a reason) or runs it again (null). */
@Injectable()
export class PauseTicketUseCase {
  constructor(private readonly work: TicketWork) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof pauseTicket>): Promise<TicketView> {
    return this.work.change(
      actor,
      r.number,
      (t) => checkWork(actor, t),
      ({ ticket, now }) => (r.reason ? ticket.pause(now, r.reason) : ticket.resume(now)),
    );
  }
}
