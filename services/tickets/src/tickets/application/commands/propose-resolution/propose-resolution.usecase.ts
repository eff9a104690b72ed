import { Injectable } from '@nestjs/common';
import type { proposeResolution, TicketView, ValidatedRequest } from '@atrium/contracts';
import { checkWork, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketWork } from '../../ticket-work.js';

/** A proposed resolution for the customer to accept or reject; it meets the PLAN target. */
@Injectable()
export class ProposeResolutionUseCase {
  constructor(private readonly work: TicketWork) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof proposeResolution>): Promise<TicketView> {
    return this.work.change(
      actor,
      r.number,
      (t) => checkWork(actor, t),
      ({ ticket, now }) => ticket.propose(now, r.proposal),
    );
  }
}
