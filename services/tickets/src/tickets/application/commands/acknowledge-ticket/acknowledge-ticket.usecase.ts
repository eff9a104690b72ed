import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { acknowledgeTicket, TicketView, ValidatedRequest } from '@atrium/contracts';
import { checkWork, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketWork } from '../../ticket-work.js';

/** The first response to the customer: the ticket is ACKNOWLEDGED, a message goes as a public note. */
@Injectable()
export class AcknowledgeTicketUseCase {
  constructor(private readonly work: TicketWork) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof acknowledgeTicket>): Promise<TicketView> {
    return this.work.change(
      actor,
      r.number,
      (t) => checkWork(actor, t),
      ({ ticket, now }) => ticket.acknowledge(now, r.message, uuidv7()),
    );
  }
}
