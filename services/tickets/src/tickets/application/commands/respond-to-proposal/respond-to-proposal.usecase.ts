import { Injectable } from '@nestjs/common';
import type { respondToProposal, TicketView, ValidatedRequest } from '@atrium/contracts';
import { checkCustomerAction, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketWork } from '../../ticket-work.js';

/** The customer accepts or rejects the proposal; a rejection may ask for the next level. */
@Injectable()
export class RespondToProposalUseCase {
  constructor(private readonly work: TicketWork) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof respondToProposal>): Promise<TicketView> {
    return this.work.change(
      actor,
      r.number,
      (t) => checkCustomerAction(actor, t),
      ({ ticket }) => ticket.respond(r.accept, r.comment, r.escalate),
    );
  }
}
