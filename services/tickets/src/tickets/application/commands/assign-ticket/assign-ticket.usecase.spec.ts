import { describe, expect, it } from '@jest/globals';
import { assignTicket, ticketAssigned } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { AssignTicketUseCase } from './assign-ticket.usecase.js';

describe('assign a ticket', () => {
  it('changes only what is given and records before and after', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    const view = await new AssignTicketUseCase(h.work).execute(
      staff(),
      request(assignTicket, { number: opened.number, assigneeId: 'staff-42' }),
    );
    expect([view.department, view.assigneeId]).toEqual(['OPERATIONS', 'staff-42']);
    expect((await h.journal.history(opened.id)).at(-1)).toMatchObject({
      action: 'ASSIGNED',
      detail: {
        before: { department: 'OPERATIONS', assigneeId: null },
        after: { department: 'OPERATIONS', assigneeId: 'staff-42' },
      },
    });
    expect(h.fakeOutbox.of(ticketAssigned)).toEqual([
      expect.objectContaining({ ticketId: opened.id, department: 'OPERATIONS', assigneeId: 'staff-42' }),
    ]);
  });

  it('a resolved ticket cannot be assigned', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    const t = await h.stored(opened.number);
    await h.tickets.update({ ...t, status: 'RESOLVED' });
    await expect(
      new AssignTicketUseCase(h.work).execute(
        staff(),
        request(assignTicket, { number: opened.number, department: 'SECURITY' }),
      ),
    ).rejects.toMatchObject({
      code: TicketsErrorCode.ILLEGAL_TRANSITION,
      message: 'a ticket in status RESOLVED cannot be assigned',
    });
  });
});
