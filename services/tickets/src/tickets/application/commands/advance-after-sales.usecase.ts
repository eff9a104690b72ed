import { Injectable } from '@nestjs/common';
import { ticketAfterSalesStep, type TicketView } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import {
  advanceAfterSales,
  PAUSING_STEPS,
  stepDetailsProblem,
  type AfterSalesStep,
} from '../../domain/after-sales.js';
import { formatLocalDate, localDateOf } from '../../domain/business-calendar.js';
import { checkWork, type TicketActor } from '../../domain/ticket-access.policy.js';
import { invalidInput, TicketsError, TicketsErrorCode } from '../../domain/tickets.errors.js';
import { AfterSalesRepository } from '../after-sales.repository.js';
import { ticketRef } from '../ticket-events.js';
import { TicketWork } from '../ticket-work.js';
import { WorkTicketUseCase } from './work-ticket.usecase.js';

/** Moves a ticket's after-sales flow one step; waiting steps (quote, repair, pick-up) pause the SLA clock. */
@Injectable()
export class AdvanceAfterSalesUseCase {
  constructor(
    private readonly work: TicketWork,
    private readonly afterSales: AfterSalesRepository,
    private readonly outbox: OutboxWriter,
    private readonly tickets: WorkTicketUseCase,
  ) {}

  execute(
    actor: TicketActor,
    number: string,
    step: string,
    note: string | null,
    details: Record<string, unknown>,
  ): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => checkWork(actor, t),
      async (ctx) => {
        const flow = await this.afterSales.ofTicket(ctx.ticket.id);
        if (!flow)
          throw new TicketsError(
            TicketsErrorCode.AFTER_SALES_MISSING,
            `ticket ${number} has no after-sales flow`,
          );
        const from = flow.step;
        const to = advanceAfterSales(flow.flow, from, step as AfterSalesStep);
        const merged = { ...flow.details, ...details };
        const today = formatLocalDate(localDateOf(ctx.now.getTime(), ctx.settings.calendar.timeZone));
        const problem = stepDetailsProblem(flow.flow, to, merged, today);
        if (problem) throw invalidInput(`details.${problem.field}`, problem.problem);
        await this.afterSales.save(ctx.ticket.id, {
          ...flow,
          step: to,
          details: merged,
          updatedAt: ctx.now,
        });
        await ctx.record({
          action: 'AFTER_SALES_STEP',
          fromStatus: null,
          toStatus: null,
          detail: { flow: flow.flow, from, to, note, details },
        });
        const waits = PAUSING_STEPS[flow.flow].includes(to);
        const active = ['OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'PROPOSED', 'REOPENED'].includes(
          ctx.ticket.status,
        );
        if (active && waits && !ctx.ticket.pausedSince) {
          await this.tickets.setPaused(ctx, to === 'IN_REPAIR' ? 'WAITING_ON_PARTS' : 'WAITING_ON_CUSTOMER');
        } else if (active && !waits && ctx.ticket.pausedSince) {
          await this.tickets.setPaused(ctx, null);
        }
        await this.outbox.add(
          ticketAfterSalesStep,
          { ...ticketRef(ctx.ticket, actor.id, ctx.now), flow: flow.flow, step: to, note, details },
          ctx.ticket.id,
        );
      },
    );
  }
}
