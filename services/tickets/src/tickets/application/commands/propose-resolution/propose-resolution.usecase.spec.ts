import { describe, expect, it } from '@jest/globals';
import { acknowledgeTicket, proposeResolution, ticketProposalMade } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { FIXED_NOW, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { AcknowledgeTicketUseCase } from '../acknowledge-ticket/acknowledge-ticket.usecase.js';
import { ProposeResolutionUseCase } from './propose-resolution.usecase.js';

describe('propose a resolution', () => {
  it('an acknowledged ticket becomes PROPOSED and its plan target is met at the clock’s time', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    await new AcknowledgeTicketUseCase(h.work).execute(
      staff(),
      request(acknowledgeTicket, { number: opened.number }),
    );
    h.clock.advance(600_000);
    const view = await new ProposeResolutionUseCase(h.work).execute(
      staff(),
      request(proposeResolution, { number: opened.number, proposal: 'A free parking voucher.' }),
    );
    expect([view.status, view.proposal, view.proposalStatus]).toEqual([
      'PROPOSED',
      'A free parking voucher.',
      'PENDING',
    ]);
    expect(view.slaTargets.find((t) => t.target === 'PLAN')?.metAt).toBe(
      new Date(FIXED_NOW.getTime() + 600_000).toISOString(),
    );
    expect(h.fakeOutbox.of(ticketProposalMade)).toEqual([
      expect.objectContaining({ proposal: 'A free parking voucher.', status: 'PROPOSED' }),
    ]);
  });

  it('an OPEN ticket (not acknowledged yet) cannot get a proposal', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    await expect(
      new ProposeResolutionUseCase(h.work).execute(
        staff(),
        request(proposeResolution, { number: opened.number, proposal: 'x' }),
      ),
    ).rejects.toMatchObject({
      code: TicketsErrorCode.ILLEGAL_TRANSITION,
      message: 'a ticket in status OPEN cannot propose',
    });
  });
});
