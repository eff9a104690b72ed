import { Injectable } from '@nestjs/common';
import type { reopenTicket, TicketView, ValidatedRequest } from '@atrium/contracts';
import { checkCustomerAction, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { SlaPolicyRepository } from '../../sla-policy.repository.js';
import { TicketWork } from '../../ticket-work.js';

/** The customer reopens a resolved or closed ticket within the window: a new SLA cycle under the policy as it is now. */
@Injectable()
export class ReopenTicketUseCase {
  constructor(
    private readonly work: TicketWork,
    private readonly policies: SlaPolicyRepository,
  ) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof reopenTicket>): Promise<TicketView> {
    return this.work.change(
      actor,
      r.number,
      (t) => checkCustomerAction(actor, t),
      async ({ ticket, now, settings }) => {
        ticket.checkReopen(now, settings.reopenWindowDays);
        const code = ticket.state.slaPolicyCode;
        const policy = code ? await this.policies.get(code) : null;
        ticket.reopen(now, r.reason, settings.reopenWindowDays, policy);
      },
    );
  }
}
