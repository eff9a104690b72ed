import { describe, expect, it } from '@jest/globals';
import { escalateTicket, ticketEscalated } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { EscalateTicketUseCase } from './escalate-ticket.usecase.js';

describe('escalate a ticket', () => {
  it('goes one level up by default and announces a manual escalation', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    const view = await new EscalateTicketUseCase(h.work).execute(
      staff(),
      request(escalateTicket, {
        number: opened.number,
        reason: 'CUSTOMER_ASKED_SUPERVISOR',
        comment: 'asked twice',
      }),
    );
    expect(view.level).toBe('SUPERVISOR');
    expect((await h.journal.history(opened.id)).at(-1)).toMatchObject({
      action: 'ESCALATED',
      actorKind: 'staff',
      detail: {
        fromLevel: 'FRONTLINE',
        toLevel: 'SUPERVISOR',
        reason: 'CUSTOMER_ASKED_SUPERVISOR',
        comment: 'asked twice',
      },
    });
    expect(h.fakeOutbox.of(ticketEscalated)).toEqual([
      expect.objectContaining({
        fromLevel: 'FRONTLINE',
        level: 'SUPERVISOR',
        reason: 'CUSTOMER_ASKED_SUPERVISOR',
        automatic: false,
      }),
    ]);
  });

  it('never goes down or sideways', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    const useCase = new EscalateTicketUseCase(h.work);
    await useCase.execute(
      staff(['MANAGER']),
      request(escalateTicket, { number: opened.number, reason: 'LEGAL_RISK', toLevel: 'MANAGER' }),
    );
    await expect(
      useCase.execute(
        staff(['MANAGER']),
        request(escalateTicket, { number: opened.number, reason: 'OTHER', toLevel: 'SUPERVISOR' }),
      ),
    ).rejects.toMatchObject({ code: TicketsErrorCode.DEESCALATION_NOT_ALLOWED });
    expect((await h.stored(opened.number)).level).toBe('MANAGER');
  });

  it('staff below the ticket’s level may not escalate it further', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    const useCase = new EscalateTicketUseCase(h.work);
    await useCase.execute(staff(), request(escalateTicket, { number: opened.number, reason: 'OTHER' }));
    await expect(
      useCase.execute(staff(), request(escalateTicket, { number: opened.number, reason: 'OTHER' })),
    ).rejects.toMatchObject({
      code: TicketsErrorCode.LEVEL_TOO_LOW,
    });
  });
});
