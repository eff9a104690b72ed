import { describe, expect, it } from '@jest/globals';
import { listTickets } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import {
  anonymous,
  FIXED_NOW,
  member,
  partner,
  request,
  staff,
  ticketsHarness,
} from '../../../testing/in-memory-tickets.js';
import { ListTicketsQuery } from './list-tickets.query.js';

describe('list tickets', () => {
  it('pages the queue next due first: the VIP ticket (due sooner) leads, the cursor continues after it', async () => {
    const h = ticketsHarness();
    const gold = member('0190a000-0000-7000-8000-0000000000bb');
    await h.memberTiers.save(gold.id, 'GOLD', FIXED_NOW);
    const written = await h.open({ channel: 'COMMENT_CARD' }, staff()); // FEEDBACK: 2 h business time
    h.clock.advance(1_000);
    const live = await h.open({}, member()); // LIVE: 30 s
    const vip = await h.open({}, gold); // VIP_LIVE: 30 s, opened at the same time, numbered after
    const list = new ListTicketsQuery(h.tickets, h.settings, h.views);
    const first = await list.execute(staff(), request(listTickets, { first: 2 }));
    expect(first.items.map((t) => t.number)).toEqual([live.number, vip.number]);
    expect(first.hasNextPage).toBe(true);
    const rest = await list.execute(staff(), request(listTickets, { first: 2, after: first.endCursor }));
    expect([rest.items.map((t) => t.number), rest.hasNextPage]).toEqual([[written.number], false]);
    const vips = await list.execute(staff(), request(listTickets, { filter: { vip: true } }));
    expect(vips.items.map((t) => t.number)).toEqual([vip.number]);
  });

  it('a member lists only their own; a tenant only its stores’; anonymous callers nothing', async () => {
    const h = ticketsHarness();
    const mine = member();
    const own = await h.open({}, mine);
    const store = await h.open(
      { tenantId: 'tenant-1', storeId: 'store-1' },
      member('0190a000-0000-7000-8000-0000000000cc'),
    );
    const list = new ListTicketsQuery(h.tickets, h.settings, h.views);
    expect((await list.execute(mine, request(listTickets, {}))).items.map((t) => t.number)).toEqual([
      own.number,
    ]);
    expect(
      (await list.execute(partner('tenant-1'), request(listTickets, {}))).items.map((t) => t.number),
    ).toEqual([store.number]);
    await expect(list.execute(anonymous, request(listTickets, {}))).rejects.toMatchObject({
      code: TicketsErrorCode.NOT_SIGNED_IN,
    });
    await expect(list.execute(staff(), request(listTickets, { after: 'nonsense' }))).rejects.toMatchObject({
      field: 'after',
    });
  });
});
