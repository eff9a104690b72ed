import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { SLA_TARGETS } from '../../domain/sla-policy.js';
import { TicketRepository } from '../ticket.repository.js';
import { TicketJournal } from '../ticket-journal.repository.js';
import { SettingsRepository } from '../settings.repository.js';
import { SlaClock } from '../sla-clock.js';
import { SLA_SCHEDULER_ACTOR } from './sla-scheduler.job.js';

/**
 * Re-plans the SLA targets of open tickets after the business calendar changed (a holiday
 * declared, opening hours moved): each run locks a batch of tickets planned with an older
 * calendar version (SKIP LOCKED, so replicas share the work and never wait on a person working
 * a ticket), re-plans their pending deadlines and records the move in their internal history,
 * in one transaction. Warnings and breaches already fired stay fired. A run with nothing behind
 * reads one settings row; the scheduler calls it only while the version it last finished is
 * older than the settings' version.
 */
@Injectable()
export class SlaReplanJob {
  constructor(
    private readonly tx: TransactionHost,
    private readonly tickets: TicketRepository,
    private readonly journal: TicketJournal,
    private readonly settings: SettingsRepository,
    private readonly sla: SlaClock,
  ) {}

  /** The calendar version open tickets should be planned with. */
  async currentVersion(): Promise<number> {
    return (await this.settings.get()).calendarVersion;
  }

  /**
   * Re-plans at most `limit` tickets; returns how many, the calendar version worked on, and
   * whether tickets are still behind it (more than one batch, or some locked by a person now).
   */
  run(now: Date, limit = 200): Promise<{ replanned: number; version: number; behind: boolean }> {
    return this.tx.run(async () => {
      const settings = await this.settings.get();
      const tickets = await this.tickets.lockTicketsBehindCalendar(settings.calendarVersion, limit);
      for (const t of tickets) {
        const before = Object.fromEntries(SLA_TARGETS.map((k) => [k, t.due[k].dueAt?.toISOString() ?? null]));
        const fromVersion = t.calendarVersion;
        await this.sla.reschedule(t, settings);
        const after = Object.fromEntries(SLA_TARGETS.map((k) => [k, t.due[k].dueAt?.toISOString() ?? null]));
        await this.tickets.update(t);
        await this.journal.addHistory(t.id, {
          at: now,
          actorKind: 'system',
          actorId: SLA_SCHEDULER_ACTOR,
          action: 'SLA_REPLANNED',
          fromStatus: null,
          toStatus: null,
          internal: true,
          detail: {
            reason: 'CALENDAR_CHANGED',
            fromVersion,
            toVersion: settings.calendarVersion,
            before,
            after,
          },
        });
      }
      const behind =
        tickets.length === limit || (await this.tickets.anyTicketBehindCalendar(settings.calendarVersion));
      return { replanned: tickets.length, version: settings.calendarVersion, behind };
    });
  }
}
