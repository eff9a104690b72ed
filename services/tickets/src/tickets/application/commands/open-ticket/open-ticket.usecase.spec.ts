import { describe, expect, it } from '@jest/globals';
import { ticketOpened, ticketPatternDetected } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { anonymous, FIXED_NOW, member, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';

const at = (ms: number) => new Date(FIXED_NOW.getTime() + ms).toISOString();

describe('open a ticket', () => {
  it('numbers tickets by the mall’s local day and plans the LIVE targets from the clock’s time', async () => {
    const h = ticketsHarness();
    const first = await h.open();
    const second = await h.open();
    expect([first.number, second.number]).toEqual(['TK-20260302-000001', 'TK-20260302-000002']);
    expect([first.status, first.level, first.department, first.slaPolicyCode, first.slaState]).toEqual([
      'OPEN',
      'FRONTLINE',
      'OPERATIONS',
      'LIVE',
      'ON_TRACK',
    ]);
    expect(first.slaTargets).toEqual([
      { target: 'FIRST_RESPONSE', warnAt: at(24_000), dueAt: at(30_000), metAt: null },
      { target: 'PLAN', warnAt: at(2_880_000), dueAt: at(3_600_000), metAt: null },
      { target: 'RESOLUTION', warnAt: at(69_120_000), dueAt: at(86_400_000), metAt: null },
    ]);
    expect(h.fakeOutbox.of(ticketOpened)[0]).toMatchObject({
      number: 'TK-20260302-000001',
      firstResponseDueAt: at(30_000),
      resolutionDueAt: at(86_400_000),
    });
  });

  it('a GOLD member on the app gets the VIP policy (30 minutes to plan)', async () => {
    const h = ticketsHarness();
    const gold = member('0190a000-0000-7000-8000-0000000000bb');
    await h.memberTiers.save(gold.id, 'GOLD', FIXED_NOW);
    const t = await h.open({}, gold);
    expect([t.slaPolicyCode, t.slaTargets[1]?.dueAt]).toEqual(['VIP_LIVE', at(1_800_000)]);
  });

  it('the third ticket of a store and category in the window raises one pattern event', async () => {
    const h = ticketsHarness();
    const about = {
      category: 'PRODUCT_QUALITY',
      contactName: 'Ms Li',
      tenantId: 'tenant-1',
      storeId: 'store-1',
    };
    for (let i = 0; i < 4; i++) await h.open(about, staff());
    expect(h.fakeOutbox.of(ticketPatternDetected)).toEqual([
      expect.objectContaining({ storeId: 'store-1', category: 'PRODUCT_QUALITY', count: 3, windowDays: 30 }),
    ]);
  });

  it('refuses an unknown category naming the field and listing the known ones, and an anonymous ticket without contact', async () => {
    const h = ticketsHarness();
    await expect(h.open({ category: 'PETS' })).rejects.toMatchObject({
      code: TicketsErrorCode.INVALID_INPUT,
      field: 'category',
      message: 'category: unknown category; one of PRODUCT_QUALITY, PARKING, REPAIR, OTHER',
    });
    await expect(h.open({}, anonymous)).rejects.toMatchObject({
      code: TicketsErrorCode.INVALID_INPUT,
      field: 'contactPhone',
    });
    expect(h.tickets.rows.size).toBe(0);
  });
});
