import { Injectable } from '@nestjs/common';
import type { getTicket, TicketView, ValidatedRequest } from '@atrium/contracts';
import { checkRead, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketsError, TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { TicketRepository } from '../../ticket.repository.js';
import { ticketNotFound } from '../../ticket-work.js';
import { TicketViewBuilder } from '../../ticket-view.js';

/** One ticket by number, as the caller may see it; one the caller may not see is reported missing. */
@Injectable()
export class GetTicketQuery {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly views: TicketViewBuilder,
  ) {}

  async execute(actor: TicketActor, r: ValidatedRequest<typeof getTicket>): Promise<TicketView> {
    const number = r.number;
    const ticket = await this.tickets.findByNumber(number);
    // A ticket the caller may not see is reported as missing (numbers are guessable).
    if (!ticket) throw ticketNotFound(number);
    try {
      checkRead(actor, ticket);
    } catch (e) {
      if (e instanceof TicketsError && e.code === TicketsErrorCode.ACCESS_DENIED)
        throw ticketNotFound(number);
      throw e;
    }
    return this.views.build(ticket, actor);
  }
}
