import { Inject, Injectable } from '@nestjs/common';
import type { TicketView } from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import type { TicketActor } from '../domain/ticket-access.policy.js';
import { TicketsError, TicketsErrorCode } from '../domain/tickets.errors.js';
import { TicketRepository } from './ticket.repository.js';
import { TicketJournal } from './ticket-journal.repository.js';
import { SettingsRepository } from './settings.repository.js';
import { SlaClock } from './sla-clock.js';
import type { HistoryRow, TicketRecord, TicketSettings } from './ticket-record.js';
import { TicketViewBuilder } from './ticket-view.js';

/** What a change to a ticket may use: the locked ticket, the time, the settings, and a history writer. */
export interface WorkContext {
  ticket: TicketRecord;
  now: Date;
  settings: TicketSettings;
  record(
    entry: Omit<HistoryRow, 'at' | 'actorKind' | 'actorId' | 'internal' | 'detail'> &
      Partial<Pick<HistoryRow, 'internal' | 'detail'>>,
  ): Promise<void>;
}

export const ticketNotFound = (number: string) =>
  new TicketsError(TicketsErrorCode.NOT_FOUND, `ticket ${number} was not found`);

/**
 * The one way to change a ticket: lock it, check the actor, apply the change, record history,
 * re-plan the SLA deadlines and save, all in one transaction (events go to the outbox in it).
 */
@Injectable()
export class TicketWork {
  constructor(
    private readonly tx: TransactionHost,
    private readonly tickets: TicketRepository,
    private readonly journal: TicketJournal,
    private readonly settings: SettingsRepository,
    private readonly sla: SlaClock,
    private readonly views: TicketViewBuilder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async change(
    actor: TicketActor,
    number: string,
    check: (ticket: TicketRecord) => void,
    apply: (ctx: WorkContext) => Promise<void>,
  ): Promise<TicketView> {
    return this.tx.run(async () => {
      const ticket = await this.tickets.findByNumber(number, true);
      if (!ticket) throw ticketNotFound(number);
      check(ticket);
      const now = this.clock.now();
      const settings = await this.settings.get();
      await apply({
        ticket,
        now,
        settings,
        record: (e) =>
          this.journal.addHistory(ticket.id, {
            at: now,
            actorKind: actor.kind,
            actorId: actor.id,
            internal: false,
            detail: {},
            ...e,
          }),
      });
      ticket.updatedAt = now;
      await this.sla.reschedule(ticket, settings);
      await this.tickets.update(ticket);
      return this.views.build(ticket, actor);
    });
  }
}
