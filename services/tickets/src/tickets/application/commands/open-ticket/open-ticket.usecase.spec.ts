import { describe, expect, it } from '@jest/globals';
import { ticketOpened, ticketPatternDetected } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import {
  anonymous,
  FIXED_NOW,
  member,
  SPEC_FLOORS,
  staff,
  ticketsHarness,
} from '../../../testing/in-memory-tickets.js';

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

describe('open a ticket: the store and the floor come from the mall directory', () => {
  const aboutStore = (over: Record<string, unknown> = {}) => ({
    category: 'PRODUCT_QUALITY',
    tenantId: 'tenant-1',
    storeId: 'store-1',
    ...over,
  });

  it('refuses a store the directory does not know, naming storeId, and writes nothing', async () => {
    const h = ticketsHarness();
    await expect(h.open(aboutStore({ storeId: 'store-unknown' }))).rejects.toMatchObject({
      code: TicketsErrorCode.INVALID_INPUT,
      field: 'storeId',
      message: 'storeId: unknown store',
    });
    expect(h.tickets.rows.size).toBe(0);
    expect(h.journal.historyRows.size).toBe(0);
    expect(h.fakeOutbox.messages).toEqual([]);
  });

  it('takes the ticket’s floor from the store when the client names none', async () => {
    const h = ticketsHarness();
    const t = await h.open(aboutStore());
    expect([t.storeId, t.floor, t.department]).toEqual(['store-1', 'L1', 'TENANT_STORE']);
    expect((await h.stored(t.number)).floor).toBe('L1');
  });

  it('accepts a typed floor that is the store’s floor and refuses one that contradicts it, naming floor', async () => {
    const h = ticketsHarness();
    expect((await h.open(aboutStore({ floor: 'L1' }))).floor).toBe('L1');
    await expect(h.open(aboutStore({ floor: 'L2' }))).rejects.toMatchObject({
      code: TicketsErrorCode.INVALID_INPUT,
      field: 'floor',
      message: 'floor: the store is on L1',
    });
    expect(h.tickets.rows.size).toBe(1);
  });

  it('follows the store when it moves: the next ticket gets the new floor', async () => {
    const h = ticketsHarness();
    h.directory.addStore({ id: 'store-1', floorId: 'floor-l2', version: 2 });
    expect((await h.open(aboutStore())).floor).toBe('L2');
  });

  it('refuses a closed store for a new ticket, naming storeId', async () => {
    const h = ticketsHarness();
    h.directory.addStore({ id: 'store-closed', active: false });
    await expect(h.open(aboutStore({ storeId: 'store-closed' }))).rejects.toMatchObject({
      code: TicketsErrorCode.INVALID_INPUT,
      field: 'storeId',
      message: 'storeId: the store has closed',
    });
    expect(h.tickets.rows.size).toBe(0);
  });

  it('refuses a floor code the directory does not know, with or without a store, naming floor', async () => {
    const h = ticketsHarness();
    await expect(h.open({ floor: 'L9' })).rejects.toMatchObject({
      code: TicketsErrorCode.INVALID_INPUT,
      field: 'floor',
      message: 'floor: unknown floor',
    });
    expect((await h.open({ floor: 'B1' })).floor).toBe('B1');
    h.directory.addStore({ id: 'store-early', floorId: 'floor-not-yet-known' });
    await expect(h.open(aboutStore({ storeId: 'store-early', floor: 'L9' }))).rejects.toMatchObject({
      field: 'floor',
    });
    expect(h.tickets.rows.size).toBe(1);
  });

  it('while the store’s floor has not reached the directory, keeps a typed floor only if it is that floor', async () => {
    const h = ticketsHarness();
    h.directory.floors.delete('floor-l2');
    h.directory.addStore({ id: 'store-l2', floorId: 'floor-l2' });
    expect((await h.open(aboutStore({ storeId: 'store-l2' }))).floor).toBeNull();
    await expect(h.open(aboutStore({ storeId: 'store-l2', floor: 'L1' }))).rejects.toMatchObject({
      field: 'floor',
      message: 'floor: the store is on another floor',
    });
    h.directory.floors.set('floor-l2', { ...SPEC_FLOORS[2]!, id: 'floor-l2' });
    expect((await h.open(aboutStore({ storeId: 'store-l2', floor: 'L2' }))).floor).toBe('L2');
  });
});
