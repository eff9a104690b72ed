import { describe, expect, it } from '@jest/globals';
import { acknowledgeTicket, closeTicket, resolveTicket, ticketClosed } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { FIXED_NOW, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { AcknowledgeTicketUseCase } from '../acknowledge-ticket/acknowledge-ticket.usecase.js';
import { ResolveTicketUseCase } from '../resolve-ticket/resolve-ticket.usecase.js';
import { CloseTicketUseCase } from './close-ticket.usecase.js';

describe('close a ticket', () => {
  it('a resolved ticket closes at the clock’s time', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    await new AcknowledgeTicketUseCase(h.work).execute(
      staff(),
      request(acknowledgeTicket, { number: opened.number }),
    );
    await new ResolveTicketUseCase(h.work).execute(
      staff(),
      request(resolveTicket, { number: opened.number, rootCause: 'X' }),
    );
    h.clock.advance(86_400_000);
    const view = await new CloseTicketUseCase(h.work).execute(
      staff(),
      request(closeTicket, { number: opened.number }),
    );
    expect([view.status, view.closedAt]).toEqual([
      'CLOSED',
      new Date(FIXED_NOW.getTime() + 86_400_000).toISOString(),
    ]);
    expect(h.fakeOutbox.of(ticketClosed)).toHaveLength(1);
  });

  it('an open ticket cannot be closed', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    await expect(
      new CloseTicketUseCase(h.work).execute(staff(), request(closeTicket, { number: opened.number })),
    ).rejects.toMatchObject({
      code: TicketsErrorCode.ILLEGAL_TRANSITION,
    });
  });
});
