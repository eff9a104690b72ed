import { Injectable } from '@nestjs/common';
import {
  ticketAfterSalesStep,
  type advanceAfterSales,
  type TicketView,
  type ValidatedRequest,
} from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import {
  advanceAfterSales as nextStep,
  PAUSING_STEPS,
  stepDetailsProblem,
  type AfterSalesStep,
} from '../../../domain/after-sales.js';
import { formatLocalDate, localDateOf } from '@atrium/kernel';
import { checkWork, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { invalidInput, TicketsError, TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { AfterSalesRepository } from '../../after-sales.repository.js';
import { ticketRef } from '../../ticket-events.js';
import { TicketWork } from '../../ticket-work.js';

/** Moves a ticket's after-sales flow one step; waiting steps (quote, repair, pick-up) pause the SLA clock. */
@Injectable()
export class AdvanceAfterSalesUseCase {
  constructor(
    private readonly work: TicketWork,
    private readonly afterSales: AfterSalesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof advanceAfterSales>): Promise<TicketView> {
    const { step, note, details } = r;
    return this.work.change(
      actor,
      r.number,
      (t) => checkWork(actor, t),
      async ({ ticket, now, settings }) => {
        const flow = await this.afterSales.ofTicket(ticket.id);
        if (!flow)
          throw new TicketsError(
            TicketsErrorCode.AFTER_SALES_MISSING,
            `ticket ${r.number} has no after-sales flow`,
          );
        const from = flow.step;
        const to = nextStep(flow.flow, from, step as AfterSalesStep);
        const merged = { ...flow.details, ...details };
        const today = formatLocalDate(localDateOf(now.getTime(), settings.calendar.timeZone));
        const problem = stepDetailsProblem(flow.flow, to, merged, today);
        if (problem) throw invalidInput(`details.${problem.field}`, problem.problem);
        await this.afterSales.save(ticket.id, { ...flow, step: to, details: merged, updatedAt: now });
        ticket.record({
          action: 'AFTER_SALES_STEP',
          fromStatus: null,
          toStatus: null,
          detail: { flow: flow.flow, from, to, note, details },
        });
        const waits = PAUSING_STEPS[flow.flow].includes(to);
        const paused = ticket.state.pausedSince !== null;
        if (ticket.isActive && waits && !paused) {
          ticket.pause(now, to === 'IN_REPAIR' ? 'WAITING_ON_PARTS' : 'WAITING_ON_CUSTOMER');
        } else if (ticket.isActive && !waits && paused) {
          ticket.resume(now);
        }
        await this.outbox.add(
          ticketAfterSalesStep,
          { ...ticketRef(ticket.state, actor.id, now), flow: flow.flow, step: to, note, details },
          ticket.id,
        );
      },
    );
  }
}
