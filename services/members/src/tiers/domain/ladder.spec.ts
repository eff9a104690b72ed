import { describe, expect, it } from '@jest/globals';
import {
  decideAtReview,
  decideOnActivity,
  nextLevel,
  qualifyingLevel,
  windowStart,
  type Ladder,
} from './ladder.js';

const ladder: Ladder = {
  metric: 'SPEND',
  windowMonths: 12,
  graceDays: 30,
  levels: [
    { code: 'MEMBER', name: 'Member', rank: 0, threshold: 0, privileges: [] },
    { code: 'SILVER', name: 'Silver', rank: 1, threshold: 500_000, privileges: [] },
    { code: 'GOLD', name: 'Gold', rank: 2, threshold: 2_000_000, privileges: [] },
    { code: 'BLACK_CARD', name: 'Black Card', rank: 3, threshold: 10_000_000, privileges: [] },
  ],
};
const now = new Date('2026-06-01T00:00:00Z');
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe('qualifying level at the boundaries', () => {
  it.each([
    [0, 'MEMBER'],
    [499_999, 'MEMBER'],
    [500_000, 'SILVER'],
    [1_999_999, 'SILVER'],
    [2_000_000, 'GOLD'],
    [9_999_999, 'GOLD'],
    [10_000_000, 'BLACK_CARD'],
    [50_000_000, 'BLACK_CARD'],
  ])('%d fen qualifies for %s', (amount, code) => {
    expect(qualifyingLevel(ladder, amount).code).toBe(code);
  });

  it.each([
    ['MEMBER', 0, { code: 'SILVER', remaining: 500_000 }],
    ['SILVER', 600_000, { code: 'GOLD', remaining: 1_400_000 }],
    ['GOLD', 2_500_000, { code: 'BLACK_CARD', remaining: 7_500_000 }],
  ])('from %s with %d the next tier is %j', (code, amount, next) => {
    expect(
      nextLevel(
        ladder,
        ladder.levels.find((l) => l.code === code)!,
        amount,
      ),
    ).toMatchObject(next);
  });

  it('the top tier has no next tier', () => {
    expect(nextLevel(ladder, ladder.levels[3]!, 10_000_000)).toBeNull();
  });

  it('the window is 12 calendar months back', () => {
    expect(windowStart(ladder, new Date('2026-03-31T10:00:00Z')).toISOString()).toBe(
      '2025-03-31T10:00:00.000Z',
    );
  });
});

describe('after a purchase (upgrade at once, never down)', () => {
  it.each([
    ['MEMBER', 499_999, 'NONE', null],
    ['MEMBER', 500_000, 'UPGRADE', 'SILVER'],
    ['MEMBER', 10_000_000, 'UPGRADE', 'BLACK_CARD'],
    ['SILVER', 1_999_999, 'NONE', null],
    ['SILVER', 2_000_000, 'UPGRADE', 'GOLD'],
    ['GOLD', 0, 'NONE', null],
    ['BLACK_CARD', 100, 'NONE', null],
  ])('%s with %d → %s %s', (code, amount, kind, to) => {
    const decision = decideOnActivity(ladder, { code, graceUntil: null }, amount);
    expect(decision.kind).toBe(kind);
    if (to) expect(decision).toMatchObject({ to: { code: to } });
  });

  it('a member in grace who spends enough for its tier again leaves grace', () => {
    expect(decideOnActivity(ladder, { code: 'GOLD', graceUntil: later(10) }, 2_000_000).kind).toBe(
      'GRACE_CLEARED',
    );
    expect(decideOnActivity(ladder, { code: 'GOLD', graceUntil: later(10) }, 1_999_999).kind).toBe('NONE');
  });
});

describe('at the scheduled review (downgrade only after grace)', () => {
  it.each([
    // state, amount, time of review (days after now), expected
    [{ code: 'GOLD', graceUntil: null }, 2_000_000, 0, 'NONE', null],
    [{ code: 'GOLD', graceUntil: null }, 1_999_999, 0, 'GRACE_STARTED', null],
    [{ code: 'GOLD', graceUntil: later(30) }, 1_999_999, 29, 'NONE', null],
    [{ code: 'GOLD', graceUntil: later(30) }, 1_999_999, 30, 'DOWNGRADE', 'SILVER'],
    [{ code: 'GOLD', graceUntil: later(30) }, 0, 31, 'DOWNGRADE', 'MEMBER'],
    [{ code: 'GOLD', graceUntil: later(30) }, 2_000_000, 31, 'GRACE_CLEARED', null],
    [{ code: 'SILVER', graceUntil: null }, 2_000_000, 0, 'UPGRADE', 'GOLD'],
    [{ code: 'MEMBER', graceUntil: null }, 0, 0, 'NONE', null],
  ] as const)('%j with %d at day %d → %s %s', (state, amount, day, kind, to) => {
    const decision = decideAtReview(ladder, { ...state }, amount, later(day));
    expect(decision.kind).toBe(kind);
    if (to) expect(decision).toMatchObject({ to: { code: to } });
  });

  it('the grace period ends graceDays after the review that started it', () => {
    const decision = decideAtReview(ladder, { code: 'SILVER', graceUntil: null }, 0, now);
    expect(decision).toMatchObject({ kind: 'GRACE_STARTED', graceUntil: later(30) });
  });

  it('without a grace period a review downgrades at once', () => {
    const decision = decideAtReview(
      { ...ladder, graceDays: 0 },
      { code: 'SILVER', graceUntil: null },
      0,
      now,
    );
    expect(decision).toMatchObject({ kind: 'DOWNGRADE', to: { code: 'MEMBER' } });
  });

  it('the reasons state the amount and the threshold', () => {
    const decision = decideOnActivity(ladder, { code: 'MEMBER', graceUntil: null }, 500_000);
    expect(decision).toMatchObject({
      reason: 'qualified: 500000 fen spent in 12 months; SILVER needs 500000',
    });
  });
});
