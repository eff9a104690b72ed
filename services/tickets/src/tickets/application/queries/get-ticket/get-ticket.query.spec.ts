import { describe, expect, it } from '@jest/globals';
import { getTicket } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { member, partner, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { GetTicketQuery } from './get-ticket.query.js';

describe('get a ticket', () => {
  it('a ticket the caller may not see is reported missing, as an unknown number is', async () => {
    const h = ticketsHarness();
    const owner = member();
    const opened = await h.open({ contactName: 'Ms Li', contactPhone: '13800000000' }, owner);
    const get = new GetTicketQuery(h.tickets, h.views);
    const q = (number: string) => request(getTicket, { number });
    expect((await get.execute(owner, q(opened.number))).contactPhone).toBe('13800000000');
    await expect(
      get.execute(member('0190a000-0000-7000-8000-0000000000ff'), q(opened.number)),
    ).rejects.toMatchObject({
      code: TicketsErrorCode.NOT_FOUND,
      message: `ticket ${opened.number} was not found`,
    });
    await expect(get.execute(staff(), q('TK-20260302-999999'))).rejects.toMatchObject({
      code: TicketsErrorCode.NOT_FOUND,
    });
  });

  it('a tenant sees its store’s ticket without the customer’s contact details', async () => {
    const h = ticketsHarness();
    const opened = await h.open(
      { contactPhone: '13800000000', tenantId: 'tenant-1', storeId: 'store-1' },
      member(),
    );
    const seen = await new GetTicketQuery(h.tickets, h.views).execute(
      partner('tenant-1'),
      request(getTicket, { number: opened.number }),
    );
    expect([seen.number, seen.contactPhone, seen.contactName]).toEqual([opened.number, null, null]);
  });
});
