import { describe, expect, it } from '@jest/globals';
import { acknowledgeTicket, ticketAcknowledged } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { FIXED_NOW, member, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { AcknowledgeTicketUseCase } from './acknowledge-ticket.usecase.js';

const at = (ms: number) => new Date(FIXED_NOW.getTime() + ms).toISOString();

describe('acknowledge a ticket', () => {
  it('meets the first response at the clock’s time, sends the message as a public note and announces it', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    h.clock.advance(10_000);
    const useCase = new AcknowledgeTicketUseCase(h.work);
    const view = await useCase.execute(
      staff(),
      request(acknowledgeTicket, { number: opened.number, message: 'We are on it.' }),
    );
    expect(view.status).toBe('ACKNOWLEDGED');
    expect(view.slaTargets.find((t) => t.target === 'FIRST_RESPONSE')).toEqual({
      target: 'FIRST_RESPONSE',
      warnAt: at(24_000),
      dueAt: at(30_000),
      metAt: at(10_000),
    });
    expect(
      view.notes.map(({ visibility, text, authorKind, authorId, createdAt }) => ({
        visibility,
        text,
        authorKind,
        authorId,
        createdAt,
      })),
    ).toEqual([
      {
        visibility: 'PUBLIC',
        text: 'We are on it.',
        authorKind: 'staff',
        authorId: 'staff-frontline',
        createdAt: at(10_000),
      },
    ]);
    expect(h.journal.actions(opened.id)).toEqual(['OPENED', 'ACKNOWLEDGE', 'NOTE_ADDED']);
    expect(h.fakeOutbox.of(ticketAcknowledged)).toEqual([
      expect.objectContaining({
        ticketId: opened.id,
        status: 'ACKNOWLEDGED',
        level: 'FRONTLINE',
        actorId: 'staff-frontline',
        occurredAt: at(10_000),
      }),
    ]);
    // The first-response deadlines are gone; the plan and resolution ones wait.
    expect(h.deadlines.pending(opened.id)).toEqual([
      `PLAN:WARNING@${at(2_880_000)}`,
      `PLAN:BREACH@${at(3_600_000)}`,
      `RESOLUTION:WARNING@${at(69_120_000)}`,
      `RESOLUTION:BREACH@${at(86_400_000)}`,
    ]);
  });

  it('a second acknowledgement is an illegal transition and records nothing', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    const useCase = new AcknowledgeTicketUseCase(h.work);
    await useCase.execute(staff(), request(acknowledgeTicket, { number: opened.number }));
    await expect(
      useCase.execute(staff(), request(acknowledgeTicket, { number: opened.number })),
    ).rejects.toMatchObject({
      code: TicketsErrorCode.ILLEGAL_TRANSITION,
    });
    expect(h.journal.actions(opened.id)).toEqual(['OPENED', 'ACKNOWLEDGE']);
  });

  it('a member may not acknowledge their own ticket', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    await expect(
      new AcknowledgeTicketUseCase(h.work).execute(
        member(),
        request(acknowledgeTicket, { number: opened.number }),
      ),
    ).rejects.toMatchObject({ code: TicketsErrorCode.ACCESS_DENIED });
  });
});
