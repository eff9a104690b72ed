import { describe, expect, it } from '@jest/globals';
import { compensationGranted, grantCompensation, ticketCompensationGranted } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { FIXED_NOW, member, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { GrantCompensationUseCase } from './grant-compensation.usecase.js';

const memberId = '0190a000-0000-7000-8000-0000000000aa';

describe('grant a compensation', () => {
  it('200 points from the front line (its limit) are granted at once and sent to the ledger keyed by member', async () => {
    const h = ticketsHarness();
    const opened = await h.open({}, member(memberId));
    const view = await new GrantCompensationUseCase(h.work, h.compensations, h.outbox).execute(
      staff(),
      request(grantCompensation, {
        number: opened.number,
        kind: 'POINTS',
        amount: 200,
        reason: 'Sorry for the wait.',
      }),
    );
    expect(view.compensations).toEqual([
      expect.objectContaining({
        kind: 'POINTS',
        amount: 200,
        status: 'GRANTED',
        requiredLevel: 'FRONTLINE',
        posting: 'PENDING',
        grantedAt: FIXED_NOW.toISOString(),
      }),
    ]);
    expect(h.fakeOutbox.messages.filter((m) => m.type === compensationGranted.type)).toEqual([
      {
        type: compensationGranted.type,
        key: memberId,
        payload: {
          compensationId: view.compensations[0]!.id,
          memberId,
          ticketId: opened.id,
          points: 200,
          reason: 'Sorry for the wait.',
        },
      },
    ]);
    expect(h.fakeOutbox.of(ticketCompensationGranted)).toHaveLength(1);
  });

  it('201 points from the front line wait for a supervisor, as an internal request', async () => {
    const h = ticketsHarness();
    const opened = await h.open({}, member(memberId));
    const view = await new GrantCompensationUseCase(h.work, h.compensations, h.outbox).execute(
      staff(),
      request(grantCompensation, { number: opened.number, kind: 'POINTS', amount: 201, reason: 'x' }),
    );
    expect(view.compensations.map((c) => [c.status, c.requiredLevel, c.posting])).toEqual([
      ['PENDING_APPROVAL', 'SUPERVISOR', null],
    ]);
    expect((await h.journal.history(opened.id)).at(-1)).toMatchObject({
      action: 'COMPENSATION_REQUESTED',
      internal: true,
    });
    expect(h.fakeOutbox.of(compensationGranted)).toEqual([]);
  });

  it('the limits are the settings’: with the front line raised to 500 points, 400 are granted at once', async () => {
    const h = ticketsHarness();
    h.settings.current.approvalLimits.FRONTLINE.POINTS = 500;
    const opened = await h.open({}, member(memberId));
    const view = await new GrantCompensationUseCase(h.work, h.compensations, h.outbox).execute(
      staff(),
      request(grantCompensation, { number: opened.number, kind: 'POINTS', amount: 400, reason: 'x' }),
    );
    expect(view.compensations.map((c) => [c.status, c.requiredLevel])).toEqual([['GRANTED', 'FRONTLINE']]);
  });

  it('points need a member on the ticket, and money kinds a positive amount', async () => {
    const h = ticketsHarness();
    const anonymousTicket = await h.open({ contactPhone: '13800000000' }, staff());
    const useCase = new GrantCompensationUseCase(h.work, h.compensations, h.outbox);
    await expect(
      useCase.execute(
        staff(),
        request(grantCompensation, {
          number: anonymousTicket.number,
          kind: 'POINTS',
          amount: 10,
          reason: 'x',
        }),
      ),
    ).rejects.toMatchObject({ code: TicketsErrorCode.COMPENSATION_NEEDS_MEMBER, field: 'kind' });
    await expect(
      useCase.execute(
        staff(),
        request(grantCompensation, {
          number: anonymousTicket.number,
          kind: 'COUPON',
          amount: 0,
          reason: 'x',
        }),
      ),
    ).rejects.toMatchObject({ code: TicketsErrorCode.INVALID_INPUT, field: 'amount' });
    expect(h.compensations.rows).toEqual([]);
  });
});
