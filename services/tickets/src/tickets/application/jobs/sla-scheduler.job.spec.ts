import { describe, expect, it } from '@jest/globals';
import { acknowledgeTicket, ticketEscalated, ticketSlaBreached, ticketSlaWarning } from '@atrium/contracts';
import {
  FIXED_NOW,
  directTransactions,
  request,
  staff,
  ticketsHarness,
} from '../../testing/in-memory-tickets.js';
import { AcknowledgeTicketUseCase } from '../commands/acknowledge-ticket/acknowledge-ticket.usecase.js';
import { SLA_SCHEDULER_ACTOR, SlaSchedulerJob } from './sla-scheduler.job.js';

const at = (ms: number) => new Date(FIXED_NOW.getTime() + ms);

describe('SLA scheduler run', () => {
  it('70 minutes on: the first-response and plan warnings and breaches fire once each, each breach raising one level', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    const job = new SlaSchedulerJob(directTransactions, h.tickets, h.settings, h.deadlines, h.work);
    expect(await job.run(at(70 * 60_000))).toEqual({
      warnings: 2,
      breaches: 2,
      escalations: 2,
      cancelled: 0,
      busy: 0,
    });
    expect(await job.run(at(70 * 60_000))).toEqual({
      warnings: 0,
      breaches: 0,
      escalations: 0,
      cancelled: 0,
      busy: 0,
    });
    const t = await h.stored(opened.number);
    expect([t.level, t.slaState]).toEqual(['MANAGER', 'BREACHED']);
    expect(h.journal.actions(opened.id)).toEqual([
      'OPENED',
      'SLA_WARNING',
      'SLA_BREACHED',
      'ESCALATED',
      'SLA_WARNING',
      'SLA_BREACHED',
      'ESCALATED',
    ]);
    const escalations = (await h.journal.history(opened.id)).filter((x) => x.action === 'ESCALATED');
    expect(escalations.map((e) => [e.actorKind, e.actorId, e.detail])).toEqual([
      [
        'system',
        SLA_SCHEDULER_ACTOR,
        {
          fromLevel: 'FRONTLINE',
          toLevel: 'SUPERVISOR',
          reason: 'SLA_BREACH',
          automatic: true,
          target: 'FIRST_RESPONSE',
        },
      ],
      [
        'system',
        SLA_SCHEDULER_ACTOR,
        {
          fromLevel: 'SUPERVISOR',
          toLevel: 'MANAGER',
          reason: 'SLA_BREACH',
          automatic: true,
          target: 'PLAN',
        },
      ],
    ]);
    // A breach is announced at the level the ticket had when it was breached; the escalation at the new one.
    expect(h.fakeOutbox.of(ticketSlaBreached).map((p) => [p.target, p.level, p.dueAt])).toEqual([
      ['FIRST_RESPONSE', 'FRONTLINE', at(30_000).toISOString()],
      ['PLAN', 'SUPERVISOR', at(3_600_000).toISOString()],
    ]);
    expect(h.fakeOutbox.of(ticketEscalated).map((p) => [p.fromLevel, p.level, p.automatic])).toEqual([
      ['FRONTLINE', 'SUPERVISOR', true],
      ['SUPERVISOR', 'MANAGER', true],
    ]);
    expect(h.fakeOutbox.of(ticketSlaWarning)).toHaveLength(2);
  });

  it('a deadline whose target was met meanwhile is cancelled, not fired', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    await new AcknowledgeTicketUseCase(h.work).execute(
      staff(),
      request(acknowledgeTicket, { number: opened.number }),
    );
    // The acknowledgement replaced the first-response rows; mark one pending again as a stale row would be.
    h.deadlines.rows.find((r) => r.target === 'FIRST_RESPONSE' && r.kind === 'WARNING')!.state = 'PENDING';
    const job = new SlaSchedulerJob(directTransactions, h.tickets, h.settings, h.deadlines, h.work);
    expect(await job.run(at(25_000))).toEqual({
      warnings: 0,
      breaches: 0,
      escalations: 0,
      cancelled: 1,
      busy: 0,
    });
    expect(h.journal.actions(opened.id)).toEqual(['OPENED', 'ACKNOWLEDGE']);
  });
});
