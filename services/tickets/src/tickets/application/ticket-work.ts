import { Inject, Injectable } from '@nestjs/common';
import type { TicketView } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { Ticket, type TicketState } from '../domain/ticket.js';
import type { TicketActor } from '../domain/ticket-access.policy.js';
import { TicketsError, TicketsErrorCode } from '../domain/tickets.errors.js';
import { SettingsRepository } from './settings.repository.js';
import { SlaClock } from './sla-clock.js';
import { PauseRepository } from './sla-pause.repository.js';
import { publishTicketEvent } from './ticket-events.js';
import { TicketJournal } from './ticket-journal.repository.js';
import type { TicketSettings } from './ticket-record.js';
import { TicketRepository } from './ticket.repository.js';
import { TicketViewBuilder } from './ticket-view.js';

/** What a change to a ticket may use: the locked ticket, who acts, the time and the settings. */
export interface WorkContext {
  ticket: Ticket;
  actor: TicketActor;
  now: Date;
  settings: TicketSettings;
}

/** Who the history and events name. */
export interface ChangeAuthor {
  kind: string;
  id: string;
}

export const ticketNotFound = (number: string) =>
  new TicketsError(TicketsErrorCode.NOT_FOUND, `ticket ${number} was not found`);

/**
 * The one way to change a ticket: lock it, check the actor, apply the change to the aggregate,
 * write what it recorded (history, notes, pauses, events to the outbox) in order, re-plan the
 * SLA deadlines and save, all in one transaction.
 */
@Injectable()
export class TicketWork {
  constructor(
    private readonly tx: TransactionHost,
    private readonly tickets: TicketRepository,
    private readonly journal: TicketJournal,
    private readonly pauses: PauseRepository,
    private readonly settings: SettingsRepository,
    private readonly outbox: OutboxWriter,
    private readonly sla: SlaClock,
    private readonly views: TicketViewBuilder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async change(
    actor: TicketActor,
    number: string,
    check: (ticket: TicketState) => void,
    apply: (ctx: WorkContext) => Promise<void> | void,
  ): Promise<TicketView> {
    return this.tx.run(async () => {
      const state = await this.tickets.findByNumber(number, true);
      if (!state) throw ticketNotFound(number);
      check(state);
      const now = this.clock.now();
      const settings = await this.settings.get();
      const ticket = Ticket.restore(state);
      await apply({ ticket, actor, now, settings });
      await this.save(ticket, actor, now, settings);
      return this.views.build(ticket.state, actor);
    });
  }

  /** Writes the ticket's recorded changes in order, re-plans its SLA and saves it (inside the caller's transaction). */
  async save(ticket: Ticket, by: ChangeAuthor, now: Date, settings: TicketSettings): Promise<void> {
    await this.writeChanges(ticket, by, now);
    ticket.state.updatedAt = now;
    await this.sla.reschedule(ticket.state, settings);
    await this.tickets.update(ticket.state);
  }

  /** Writes what the aggregate recorded since the last write, one statement after another. */
  async writeChanges(ticket: Ticket, by: ChangeAuthor, now: Date): Promise<void> {
    for (const c of ticket.pullChanges()) {
      switch (c.kind) {
        case 'history':
          await this.journal.addHistory(ticket.id, {
            at: now,
            actorKind: by.kind,
            actorId: by.id,
            ...c.entry,
          });
          break;
        case 'note':
          await this.journal.addNote(ticket.id, {
            ...c.note,
            authorKind: by.kind,
            authorId: by.id,
            createdAt: now,
          });
          break;
        case 'pause-started':
          await this.pauses.start(ticket.id, c.at, c.reason);
          break;
        case 'pause-ended':
          await this.pauses.end(ticket.id, c.at);
          break;
        case 'event':
          await publishTicketEvent(this.outbox, c.event, ticket.state, by.id, now);
          break;
      }
    }
  }
}
