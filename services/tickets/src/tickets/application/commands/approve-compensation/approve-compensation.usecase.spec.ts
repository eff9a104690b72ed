import { describe, expect, it } from '@jest/globals';
import { approveCompensation, compensationGranted, grantCompensation } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { FIXED_NOW, member, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { GrantCompensationUseCase } from '../grant-compensation/grant-compensation.usecase.js';
import { ApproveCompensationUseCase } from './approve-compensation.usecase.js';

async function pending(amount: number) {
  const h = ticketsHarness();
  const opened = await h.open({}, member());
  const view = await new GrantCompensationUseCase(h.work, h.compensations, h.outbox).execute(
    staff(),
    request(grantCompensation, { number: opened.number, kind: 'POINTS', amount, reason: 'x' }),
  );
  return { h, number: opened.number, compensationId: view.compensations[0]!.id };
}

describe('approve a compensation', () => {
  it('a supervisor approves 800 points: granted by them, sent to the ledger once', async () => {
    const { h, number, compensationId } = await pending(800);
    h.clock.advance(60_000);
    const view = await new ApproveCompensationUseCase(h.work, h.compensations, h.outbox).execute(
      staff(['SUPERVISOR'], 'staff-supervisor'),
      request(approveCompensation, { number, compensationId }),
    );
    expect(view.compensations.map((c) => [c.status, c.approvedBy, c.grantedAt, c.posting])).toEqual([
      ['GRANTED', 'staff-supervisor', new Date(FIXED_NOW.getTime() + 60_000).toISOString(), 'PENDING'],
    ]);
    expect(h.fakeOutbox.of(compensationGranted).map((p) => p.points)).toEqual([800]);
  });

  it('a supervisor cannot approve 2,000 points (a manager’s), and nothing changes', async () => {
    const { h, number, compensationId } = await pending(2_000);
    await expect(
      new ApproveCompensationUseCase(h.work, h.compensations, h.outbox).execute(
        staff(['SUPERVISOR']),
        request(approveCompensation, { number, compensationId }),
      ),
    ).rejects.toMatchObject({
      code: TicketsErrorCode.COMPENSATION_ABOVE_LIMIT,
      message: '2000 POINTS needs approval at MANAGER or above; you are SUPERVISOR',
    });
    expect(h.compensations.rows.map((c) => c.status)).toEqual(['PENDING_APPROVAL']);
  });

  it('a rejection is internal and sends nothing; a second answer is refused', async () => {
    const { h, number, compensationId } = await pending(800);
    const useCase = new ApproveCompensationUseCase(h.work, h.compensations, h.outbox);
    const view = await useCase.execute(
      staff(['MANAGER']),
      request(approveCompensation, { number, compensationId, approve: false }),
    );
    expect(view.compensations.map((c) => c.status)).toEqual(['REJECTED']);
    expect(h.fakeOutbox.of(compensationGranted)).toEqual([]);
    await expect(
      useCase.execute(staff(['MANAGER']), request(approveCompensation, { number, compensationId })),
    ).rejects.toMatchObject({
      code: TicketsErrorCode.COMPENSATION_NOT_PENDING,
    });
  });
});
