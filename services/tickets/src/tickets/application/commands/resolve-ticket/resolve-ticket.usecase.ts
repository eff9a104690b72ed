import { Injectable } from '@nestjs/common';
import type { resolveTicket, TicketView, ValidatedRequest } from '@atrium/contracts';
import { checkWork, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketWork } from '../../ticket-work.js';

/** Resolves the ticket with its root cause; a paused clock runs again (and stops, met). */
@Injectable()
export class ResolveTicketUseCase {
  constructor(private readonly work: TicketWork) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof resolveTicket>): Promise<TicketView> {
    return this.work.change(
      actor,
      r.number,
      (t) => checkWork(actor, t),
      ({ ticket, now }) => ticket.resolve(now, r.rootCause, r.summary),
    );
  }
}
