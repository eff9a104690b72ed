import { Injectable } from '@nestjs/common';
import { ticketEscalated, ticketSlaBreached, ticketSlaWarning } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { ACTIVE_STATUSES, nextLevel } from '../../domain/ticket-lifecycle.js';
import { TicketRepository } from '../ticket.repository.js';
import { TicketJournal } from '../ticket-journal.repository.js';
import { SettingsRepository } from '../settings.repository.js';
import { DeadlineRepository } from '../sla-deadline.repository.js';
import { SlaClock, targetMet } from '../sla-clock.js';
import { ticketRef } from '../ticket-events.js';

export const SLA_SCHEDULER_ACTOR = 'tickets.sla-scheduler';

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
 * history, automatic escalation, outbox events) commits with the row's move to FIRED in one
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
    private readonly journal: TicketJournal,
    private readonly settings: SettingsRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly sla: SlaClock,
    private readonly outbox: OutboxWriter,
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
        const ticket = await this.tickets.tryLockById(deadline.ticketId);
        if (!ticket) return { busy: deadline.id };
        if (
          !ACTIVE_STATUSES.includes(ticket.status) ||
          ticket.slaCycle !== deadline.cycle ||
          targetMet(ticket, deadline.target)
        ) {
          await this.deadlines.mark(deadline.id, 'CANCELLED', SLA_SCHEDULER_ACTOR);
          return 'CANCELLED';
        }
        await this.deadlines.mark(deadline.id, 'FIRED', SLA_SCHEDULER_ACTOR);
        const history = {
          at: now,
          actorKind: 'system',
          actorId: SLA_SCHEDULER_ACTOR,
          fromStatus: null,
          toStatus: null,
          internal: false,
        };
        const detail = {
          target: deadline.target,
          dueAt: deadline.targetDueAt.toISOString(),
          cycle: deadline.cycle,
        };
        let outcome: 'WARNING' | 'BREACH' | 'BREACH+ESCALATION' =
          deadline.kind === 'WARNING' ? 'WARNING' : 'BREACH';
        if (deadline.kind === 'WARNING') {
          await this.journal.addHistory(ticket.id, { ...history, action: 'SLA_WARNING', detail });
          await this.outbox.add(
            ticketSlaWarning,
            { ...ticketRef(ticket, SLA_SCHEDULER_ACTOR, now), target: deadline.target, dueAt: detail.dueAt },
            ticket.id,
          );
        } else {
          await this.journal.addHistory(ticket.id, { ...history, action: 'SLA_BREACHED', detail });
          await this.outbox.add(
            ticketSlaBreached,
            { ...ticketRef(ticket, SLA_SCHEDULER_ACTOR, now), target: deadline.target, dueAt: detail.dueAt },
            ticket.id,
          );
          const up = nextLevel(ticket.level);
          if (up) {
            const from = ticket.level;
            ticket.level = up;
            await this.journal.addHistory(ticket.id, {
              ...history,
              action: 'ESCALATED',
              detail: {
                fromLevel: from,
                toLevel: up,
                reason: 'SLA_BREACH',
                automatic: true,
                target: deadline.target,
              },
            });
            await this.outbox.add(
              ticketEscalated,
              {
                ...ticketRef(ticket, SLA_SCHEDULER_ACTOR, now),
                fromLevel: from,
                reason: 'SLA_BREACH',
                automatic: true,
              },
              ticket.id,
            );
            outcome = 'BREACH+ESCALATION';
          }
        }
        ticket.updatedAt = now;
        await this.sla.reschedule(ticket, await this.settings.get());
        await this.tickets.update(ticket);
        return outcome;
      },
    );
  }
}
