import { describe, expect, it } from '@jest/globals';
import { pauseTicket } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { FIXED_NOW, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { PauseTicketUseCase } from './pause-ticket.usecase.js';

describe('pause and resume the SLA clock', () => {
  it('a pause of ten minutes moves every pending target ten minutes later', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    const useCase = new PauseTicketUseCase(h.work);
    const paused = await useCase.execute(
      staff(),
      request(pauseTicket, { number: opened.number, reason: 'WAITING_ON_CUSTOMER' }),
    );
    expect([paused.slaState, paused.pausedSince, paused.pauseReason]).toEqual([
      'PAUSED',
      FIXED_NOW.toISOString(),
      'WAITING_ON_CUSTOMER',
    ]);
    h.clock.advance(600_000);
    const resumed = await useCase.execute(
      staff(),
      request(pauseTicket, { number: opened.number, reason: null }),
    );
    expect([resumed.slaState, resumed.pausedSince, resumed.firstResponseDueAt]).toEqual([
      'ON_TRACK',
      null,
      new Date(FIXED_NOW.getTime() + 600_000 + 30_000).toISOString(),
    ]);
    expect(h.journal.actions(opened.id)).toEqual(['OPENED', 'PAUSED', 'RESUMED']);
  });

  it('pausing twice and resuming a running clock are refused', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    const useCase = new PauseTicketUseCase(h.work);
    await expect(
      useCase.execute(staff(), request(pauseTicket, { number: opened.number, reason: null })),
    ).rejects.toMatchObject({
      code: TicketsErrorCode.NOT_PAUSED,
    });
    await useCase.execute(
      staff(),
      request(pauseTicket, { number: opened.number, reason: 'WAITING_ON_PARTS' }),
    );
    await expect(
      useCase.execute(staff(), request(pauseTicket, { number: opened.number, reason: 'WAITING_ON_PARTS' })),
    ).rejects.toMatchObject({ code: TicketsErrorCode.ALREADY_PAUSED });
  });
});
