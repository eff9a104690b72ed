import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { Ticket } from '../../domain/ticket.js';
import { TicketRepository } from '../ticket.repository.js';
import { SettingsRepository } from '../settings.repository.js';
import { DeadlineRepository } from '../sla-deadline.repository.js';
import { TicketWork, type ChangeAuthor } from '../ticket-work.js';

export const SLA_SCHEDULER_ACTOR = 'tickets.sla-scheduler';
const SCHEDULER: ChangeAuthor = { kind: 'system', id: SLA_SCHEDULER_ACTOR };

export interface SlaRunResult {
  warnings: number;
  breaches: number;
  escalations: number;
  cancelled: number;
  busy: number;
}

/**
 * Fires due SLA warnings and breaches. Each due row of `sla_deadlines` is claimed with
 * FOR UPDATE SKIP LOCKED (so replicas never take the same one), and its effect (ticket state,
 * history, automatic escalation as the Ticket aggregate decides it, outbox events) commits with the row's move to FIRED in one
 * transaction: a crash before commit leaves it PENDING for the next run, a commit makes it
 * final. The partial unique index on fired rows makes a second firing impossible. Each run
 * reads only rows already due, through the index on due_at: its cost follows the tickets
 * coming due, not the open ones.
 */
@Injectable()
export class SlaSchedulerJob {
  constructor(
    private readonly tx: TransactionHost,
    private readonly tickets: TicketRepository,
    private readonly settings: SettingsRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly work: TicketWork,
  ) {}

  async run(now: Date, limit = 500): Promise<SlaRunResult> {
    const result: SlaRunResult = { warnings: 0, breaches: 0, escalations: 0, cancelled: 0, busy: 0 };
    const busy: string[] = [];
    for (let i = 0; i < limit; i++) {
      const outcome = await this.fireOne(now, busy);
      if (outcome === 'none') break;
      if (typeof outcome === 'object') {
        busy.push(outcome.busy);
        result.busy += 1;
        continue;
      }
      if (outcome === 'WARNING') result.warnings += 1;
      else if (outcome === 'BREACH') result.breaches += 1;
      else if (outcome === 'BREACH+ESCALATION') {
        result.breaches += 1;
        result.escalations += 1;
      } else result.cancelled += 1;
    }
    return result;
  }

  private fireOne(now: Date, busy: readonly string[]) {
    return this.tx.run(
      async (): Promise<
        'none' | { busy: string } | 'WARNING' | 'BREACH' | 'BREACH+ESCALATION' | 'CANCELLED'
      > => {
        const deadline = await this.deadlines.claimDue(now, busy);
        if (!deadline) return 'none';
        // A person working the ticket holds its lock: leave the deadline for the next run.
        const state = await this.tickets.tryLockById(deadline.ticketId);
        if (!state) return { busy: deadline.id };
        const ticket = Ticket.restore(state);
        if (!ticket.deadlineApplies(deadline)) {
          await this.deadlines.mark(deadline.id, 'CANCELLED', SLA_SCHEDULER_ACTOR);
          return 'CANCELLED';
        }
        await this.deadlines.mark(deadline.id, 'FIRED', SLA_SCHEDULER_ACTOR);
        const outcome = ticket.slaDeadlineFired(deadline);
        await this.work.save(ticket, SCHEDULER, now, await this.settings.get());
        return outcome;
      },
    );
  }
}
