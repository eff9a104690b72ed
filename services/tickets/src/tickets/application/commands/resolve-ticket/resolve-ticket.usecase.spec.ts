import { describe, expect, it } from '@jest/globals';
import { acknowledgeTicket, pauseTicket, resolveTicket, ticketResolved } from '@atrium/contracts';
import { FIXED_NOW, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { AcknowledgeTicketUseCase } from '../acknowledge-ticket/acknowledge-ticket.usecase.js';
import { PauseTicketUseCase } from '../pause-ticket/pause-ticket.usecase.js';
import { ResolveTicketUseCase } from './resolve-ticket.usecase.js';

describe('resolve a ticket', () => {
  it('a paused ticket resolves with its pause ended at the resolution, the SLA MET and no deadline left', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    await new AcknowledgeTicketUseCase(h.work).execute(
      staff(),
      request(acknowledgeTicket, { number: opened.number }),
    );
    await new PauseTicketUseCase(h.work).execute(
      staff(),
      request(pauseTicket, { number: opened.number, reason: 'WAITING_ON_CUSTOMER' }),
    );
    h.clock.advance(3_600_000);
    const view = await new ResolveTicketUseCase(h.work).execute(
      staff(),
      request(resolveTicket, { number: opened.number, rootCause: 'CAPACITY', summary: 'Level B3 opened.' }),
    );
    const resolvedAt = new Date(FIXED_NOW.getTime() + 3_600_000);
    expect([view.status, view.rootCause, view.resolvedAt, view.pausedSince, view.slaState]).toEqual([
      'RESOLVED',
      'CAPACITY',
      resolvedAt.toISOString(),
      null,
      'MET',
    ]);
    expect(await h.pauses.ofTicket(opened.id)).toEqual([
      { start: FIXED_NOW.getTime(), end: resolvedAt.getTime() },
    ]);
    expect(h.journal.actions(opened.id).slice(-2)).toEqual(['RESOLVE', 'RESUMED']);
    expect(h.deadlines.pending(opened.id)).toEqual([]);
    expect(h.fakeOutbox.of(ticketResolved)).toEqual([
      expect.objectContaining({ rootCause: 'CAPACITY', status: 'RESOLVED' }),
    ]);
  });
});
