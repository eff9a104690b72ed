import { describe, expect, it } from '@jest/globals';
import { sumDeltas, ZERO_BALANCE, type Balance } from './ledger-entry.js';
import { LedgerError, LedgerErrorCode } from './ledger.errors.js';
import { PointsAccount, type Lot, type NewLot } from './points-account.js';

const T0 = new Date('2026-05-01T00:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);

function lot(id: string, points: number, expiresInDays: number, over: Partial<NewLot> = {}): NewLot {
  return {
    id,
    points,
    earnedAt: T0,
    releaseAt: null,
    expiresAt: at(expiresInDays),
    tenantId: 't1',
    storeId: 's1',
    ...over,
  };
}

/** Every test checks the invariants the ledger promises after each step. */
function checked(account: PointsAccount, start: Balance = ZERO_BALANCE): void {
  const sum = sumDeltas(account.postings);
  expect(account.current).toEqual({
    available: start.available + sum.available,
    pending: start.pending + sum.pending,
    debt: start.debt + sum.debt,
  });
  expect(account.current.available).toBeGreaterThanOrEqual(0);
  expect(account.current.pending).toBeGreaterThanOrEqual(0);
  expect(account.current.debt).toBeGreaterThanOrEqual(0);
  expect(account.lotsAgreeWithBalance()).toBe(true);
}

function refusal(fn: () => unknown): LedgerError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LedgerError) return error;
    throw error;
  }
  throw new Error('expected a LedgerError');
}

describe('points account', () => {
  it('a pending lot counts as pending and becomes available on release', () => {
    const a = new PointsAccount('m', ZERO_BALANCE, []);
    a.credit('PENDING', lot('p1', 120, 365, { releaseAt: at(7) }));
    expect(a.current).toEqual({ available: 0, pending: 120, debt: 0 });
    expect(a.releasable(at(6))).toEqual([]);
    expect(a.releasable(at(7))).toEqual(['p1']);
    expect(a.release('p1')).toMatchObject({
      kind: 'RELEASE',
      points: 120,
      delta: { available: 120, pending: -120, debt: 0 },
    });
    expect(a.current).toEqual({ available: 120, pending: 0, debt: 0 });
    expect(a.release('p1')).toBeNull(); // releasing twice does nothing
    checked(a);
  });

  it('redemption consumes the lots nearest to expiry first (FIFO by expiry, not by earning)', () => {
    const a = new PointsAccount('m', ZERO_BALANCE, []);
    a.credit('EARN', lot('late', 100, 300));
    a.credit('EARN', lot('soon', 50, 30));
    a.credit('COMPENSATE', lot('mid', 80, 100, { tenantId: null, storeId: null }));
    const posting = a.redeem(120, at(1));
    expect(posting.consumptions).toEqual([
      { lotId: 'soon', points: 50 },
      { lotId: 'mid', points: 70 },
    ]);
    expect(a.lot('soon')!.remaining).toBe(0);
    expect(a.lot('mid')!.remaining).toBe(10);
    expect(a.lot('late')!.remaining).toBe(100);
    expect(a.current.available).toBe(110);
    checked(a);
  });

  it.each([
    ['more than available', 231, 230],
    ['pending points cannot be spent', 151, 150],
  ])('redeeming %s is refused and changes nothing', (_name, wanted, spendableExpected) => {
    const a = new PointsAccount('m', ZERO_BALANCE, []);
    a.credit('EARN', lot('a', 150, 30));
    if (spendableExpected === 230) a.credit('EARN', lot('b', 80, 60));
    a.credit('PENDING', lot('p', 500, 300, { releaseAt: at(7) }));
    const before = a.current;
    const error = refusal(() => a.redeem(wanted, at(1)));
    expect(error.code).toBe(LedgerErrorCode.INSUFFICIENT_POINTS);
    expect(a.current).toEqual(before);
    checked(a);
  });

  it('an expired lot cannot be spent and the expiry job takes what is left of it', () => {
    const a = new PointsAccount('m', ZERO_BALANCE, []);
    a.credit('EARN', lot('old', 100, 10));
    a.credit('EARN', lot('new', 40, 400));
    a.redeem(30, at(1));
    expect(a.spendable(at(10))).toBe(40);
    expect(refusal(() => a.redeem(41, at(10))).code).toBe(LedgerErrorCode.INSUFFICIENT_POINTS);
    const expired = a.expire(at(10));
    expect(expired).toEqual([
      {
        kind: 'EXPIRE',
        points: 70,
        delta: { available: -70, pending: 0, debt: 0 },
        consumptions: [{ lotId: 'old', points: 70 }],
        lotId: 'old',
      },
    ]);
    expect(a.expire(at(10))).toEqual([]); // a second run finds nothing
    expect(a.current.available).toBe(40);
    checked(a);
  });

  it('expiring-soon groups available points by expiry within the warning window', () => {
    const a = new PointsAccount('m', ZERO_BALANCE, []);
    a.credit('EARN', lot('a', 10, 5));
    a.credit('EARN', lot('b', 20, 5));
    a.credit('EARN', lot('c', 30, 20));
    a.credit('EARN', lot('d', 40, 90));
    expect(a.expiringBetween(at(0), at(30))).toEqual([
      { points: 30, on: at(5) },
      { points: 30, on: at(20) },
    ]);
  });

  it.each<[string, 'PENDING' | 'SPENT_PART' | 'SPENT_ALL', number, Balance]>([
    // A 100-point purchase, another 30-point available lot; return reverses the given points.
    [
      'a return inside the window takes the pending points',
      'PENDING',
      100,
      { available: 30, pending: 0, debt: 0 },
    ],
    [
      'a partial return inside the window takes part of them',
      'PENDING',
      40,
      { available: 30, pending: 60, debt: 0 },
    ],
    [
      'after release, what is left of the lot, then other available points',
      'SPENT_PART',
      100,
      { available: 0, pending: 0, debt: 0 },
    ],
    [
      'spent points become debt, never a negative balance',
      'SPENT_ALL',
      100,
      { available: 0, pending: 0, debt: 100 },
    ],
  ])('%s', (_name, scenario, reverse, expected) => {
    const a = new PointsAccount('m', ZERO_BALANCE, []);
    a.credit('EARN', lot('other', 30, 400));
    a.credit('PENDING', lot('purchase', 100, 300, { releaseAt: at(7) }));
    if (scenario !== 'PENDING') a.release('purchase');
    if (scenario === 'SPENT_PART') a.redeem(30, at(8)); // other lot expires later: purchase lot pays
    if (scenario === 'SPENT_ALL') a.redeem(130, at(8));
    const posting = a.reverse('purchase', reverse);
    expect(posting.kind).toBe('REVERSE');
    expect(posting.points).toBe(reverse);
    expect(a.current).toEqual(expected);
    checked(a);
  });

  it('debt is repaid first by the next earnings when they become available', () => {
    const a = new PointsAccount('m', { available: 0, pending: 0, debt: 70 }, []);
    a.credit('PENDING', lot('p', 50, 300, { releaseAt: at(7) }));
    expect(a.current).toEqual({ available: 0, pending: 50, debt: 70 }); // pending does not repay
    expect(a.release('p')).toMatchObject({ delta: { available: 0, pending: -50, debt: -50 } });
    a.credit('COMPENSATE', lot('c', 30, 300));
    expect(a.current).toEqual({ available: 10, pending: 0, debt: 0 });
    expect(a.lot('c')!.remaining).toBe(10);
    checked(a, { available: 0, pending: 0, debt: 70 });
  });

  it.each([0, -5, 1.5, Number.NaN])('crediting or redeeming %p points is refused as invalid', (points) => {
    const a = new PointsAccount('m', ZERO_BALANCE, []);
    expect(refusal(() => a.credit('EARN', lot('x', points, 30))).code).toBe(LedgerErrorCode.AMOUNT_INVALID);
    expect(refusal(() => a.redeem(points, at(0))).code).toBe(LedgerErrorCode.AMOUNT_INVALID);
    expect(a.postings).toEqual([]);
  });

  it('a staff deduction never goes below zero', () => {
    const a = new PointsAccount('m', ZERO_BALANCE, []);
    a.credit('ADJUST', lot('a', 25, 30));
    expect(refusal(() => a.deduct(26, at(0))).code).toBe(LedgerErrorCode.INSUFFICIENT_POINTS);
    a.deduct(25, at(0));
    expect(a.current).toEqual(ZERO_BALANCE);
    checked(a);
  });

  it('an invalid starting balance is rejected', () => {
    expect(() => new PointsAccount('m', { available: -1, pending: 0, debt: 0 }, [])).toThrow(
      'invalid balance',
    );
  });

  it('changed lots list every lot created or touched, with their new state', () => {
    const existing: Lot = {
      id: 'e',
      state: 'AVAILABLE',
      original: 10,
      remaining: 10,
      earnedAt: T0,
      releaseAt: null,
      expiresAt: at(30),
      tenantId: null,
      storeId: null,
    };
    const a = new PointsAccount('m', { available: 10, pending: 0, debt: 0 }, [existing]);
    a.credit('EARN', lot('n', 5, 60));
    a.redeem(12, at(0));
    expect(
      a
        .changedLots()
        .map((l) => [l.id, l.remaining])
        .sort(),
    ).toEqual([
      ['e', 0],
      ['n', 3],
    ]);
  });
});

describe('points account transfer on merge', () => {
  it('moves every open lot with its expiry, and the whole balance including debt, to the survivor', () => {
    const loser = new PointsAccount('loser', ZERO_BALANCE, []);
    loser.credit('EARN', lot('l-avail', 100, 30));
    loser.credit('PENDING', lot('l-pend', 40, 300, { releaseAt: at(7) }));
    loser.redeem(100, at(1)); // l-avail spent: nothing left, stays behind
    loser.credit('EARN', lot('l-two', 25, 60));
    const survivor = new PointsAccount('survivor', { available: 0, pending: 0, debt: 5 }, []);
    const out = loser.transferOut();
    expect(out.posting).toMatchObject({
      kind: 'TRANSFER_OUT',
      points: 65,
      delta: { available: -25, pending: -40, debt: 0 },
    });
    expect(out.lots.map((l) => l.id).sort()).toEqual(['l-pend', 'l-two']);
    const into = survivor.transferIn(out.lots, { available: 25, pending: 40, debt: 0 });
    expect(into).toMatchObject({ kind: 'TRANSFER_IN', points: 65 });
    expect(loser.current).toEqual(ZERO_BALANCE);
    expect(survivor.current).toEqual({ available: 25, pending: 40, debt: 5 });
    expect(survivor.lot('l-two')!.expiresAt).toEqual(at(60));
    checked(loser);
    checked(survivor, { available: 0, pending: 0, debt: 5 });
  });

  it('a transfer whose lots do not match the balance is refused', () => {
    const survivor = new PointsAccount('s', ZERO_BALANCE, []);
    const stray: Lot = {
      id: 'x',
      state: 'AVAILABLE',
      original: 10,
      remaining: 10,
      earnedAt: T0,
      releaseAt: null,
      expiresAt: at(30),
      tenantId: null,
      storeId: null,
    };
    expect(() => survivor.transferIn([stray], { available: 9, pending: 0, debt: 0 })).toThrow('do not match');
  });
});
