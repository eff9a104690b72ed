import { describe, expect, it } from '@jest/globals';
import { advanceAfterSales, ticketAfterSalesStep } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { FIXED_NOW, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { AdvanceAfterSalesUseCase } from './advance-after-sales.usecase.js';

async function repair() {
  const h = ticketsHarness();
  const opened = await h.open(
    {
      category: 'REPAIR',
      contactName: 'Ms Li',
      tenantId: 'tenant-1',
      storeId: 'store-1',
      afterSales: { flow: 'REPAIR', details: { productCode: 'R-1', reason: 'clasp broken' } },
    },
    staff(),
  );
  const useCase = new AdvanceAfterSalesUseCase(h.work, h.afterSales, h.outbox);
  const step = (s: string, details: Record<string, unknown> = {}) =>
    useCase.execute(staff(), request(advanceAfterSales, { number: opened.number, step: s, details }));
  return { h, opened, step };
}

describe('advance an after-sales flow', () => {
  it('a quote pauses the SLA clock (waiting on the customer) and the approval runs it again', async () => {
    const { h, opened, step } = await repair();
    await step('ASSESSED');
    const quoted = await step('QUOTED', { quoteFen: 12_000 });
    expect([quoted.afterSales?.step, quoted.pauseReason, quoted.slaState]).toEqual([
      'QUOTED',
      'WAITING_ON_CUSTOMER',
      'PAUSED',
    ]);
    h.clock.advance(3_600_000);
    const approved = await step('APPROVED');
    expect([approved.afterSales?.step, approved.pausedSince]).toEqual(['APPROVED', null]);
    expect(await h.pauses.ofTicket(opened.id)).toEqual([
      { start: FIXED_NOW.getTime(), end: FIXED_NOW.getTime() + 3_600_000 },
    ]);
    expect(h.journal.actions(opened.id)).toEqual([
      'OPENED',
      'AFTER_SALES_STEP',
      'AFTER_SALES_STEP',
      'AFTER_SALES_STEP',
      'PAUSED',
      'AFTER_SALES_STEP',
      'RESUMED',
    ]);
    expect(h.fakeOutbox.of(ticketAfterSalesStep).map((p) => [p.step, p.details])).toEqual([
      ['ASSESSED', {}],
      ['QUOTED', { quoteFen: 12_000 }],
      ['APPROVED', {}],
    ]);
  });

  it('a step out of order is refused; a step missing what it must record names the field', async () => {
    const { h, opened, step } = await repair();
    await expect(step('IN_REPAIR')).rejects.toMatchObject({
      code: TicketsErrorCode.AFTER_SALES_ILLEGAL_STEP,
    });
    await step('ASSESSED');
    await expect(step('QUOTED')).rejects.toMatchObject({
      code: TicketsErrorCode.INVALID_INPUT,
      field: 'details.quoteFen',
    });
    expect((await h.afterSales.ofTicket(opened.id))?.step).toBe('ASSESSED');
  });

  it('a ticket without a flow has no step to take', async () => {
    const h = ticketsHarness();
    const opened = await h.open();
    await expect(
      new AdvanceAfterSalesUseCase(h.work, h.afterSales, h.outbox).execute(
        staff(),
        request(advanceAfterSales, { number: opened.number, step: 'ASSESSED' }),
      ),
    ).rejects.toMatchObject({ code: TicketsErrorCode.AFTER_SALES_MISSING });
  });
});
