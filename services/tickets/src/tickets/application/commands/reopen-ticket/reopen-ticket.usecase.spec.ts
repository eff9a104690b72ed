import { describe, expect, it } from '@jest/globals';
import { acknowledgeTicket, reopenTicket, resolveTicket, ticketReopened } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { FIXED_NOW, member, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { AcknowledgeTicketUseCase } from '../acknowledge-ticket/acknowledge-ticket.usecase.js';
import { ResolveTicketUseCase } from '../resolve-ticket/resolve-ticket.usecase.js';
import { ReopenTicketUseCase } from './reopen-ticket.usecase.js';

const DAY = 86_400_000;

async function resolved() {
  const h = ticketsHarness();
  const customer = member();
  const opened = await h.open({}, customer);
  await new AcknowledgeTicketUseCase(h.work).execute(
    staff(),
    request(acknowledgeTicket, { number: opened.number }),
  );
  await new ResolveTicketUseCase(h.work).execute(
    staff(),
    request(resolveTicket, { number: opened.number, rootCause: 'X' }),
  );
  return { h, customer, opened };
}

describe('reopen a ticket', () => {
  it('within the window: a new SLA cycle with fresh targets from the reopening, under the policy as it is now', async () => {
    const { h, customer, opened } = await resolved();
    // The policy changed since the ticket was opened: 60 s to respond now.
    const live = (await h.policies.get('LIVE'))!;
    await h.policies.upsert({ ...live, firstResponseMs: 60_000 });
    h.clock.advance(2 * DAY);
    const view = await new ReopenTicketUseCase(h.work, h.policies).execute(
      customer,
      request(reopenTicket, { number: opened.number, reason: 'It happened again.' }),
    );
    const reopenedAt = FIXED_NOW.getTime() + 2 * DAY;
    expect([view.status, view.reopenedAt, view.firstResponseDueAt]).toEqual([
      'REOPENED',
      new Date(reopenedAt).toISOString(),
      new Date(reopenedAt + 60_000).toISOString(),
    ]);
    expect((await h.stored(opened.number)).slaCycle).toBe(1);
    expect(h.fakeOutbox.of(ticketReopened)).toEqual([
      expect.objectContaining({ reason: 'It happened again.' }),
    ]);
  });

  it('after the window (7 days from resolution) reopening is refused and nothing changes', async () => {
    const { h, customer, opened } = await resolved();
    h.clock.advance(7 * DAY + 1);
    await expect(
      new ReopenTicketUseCase(h.work, h.policies).execute(
        customer,
        request(reopenTicket, { number: opened.number, reason: 'x' }),
      ),
    ).rejects.toMatchObject({ code: TicketsErrorCode.REOPEN_WINDOW_CLOSED });
    expect((await h.stored(opened.number)).status).toBe('RESOLVED');
  });
});
