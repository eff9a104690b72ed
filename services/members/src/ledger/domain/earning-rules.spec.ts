import { describe, expect, it } from '@jest/globals';
import { DEFAULT_EARNING_RULES, pointsFor, reversalFor, type EarningRules } from './earning-rules.js';

const rules = (over: Partial<EarningRules> = {}): EarningRules => ({ ...DEFAULT_EARNING_RULES, ...over });
const line = (amountFen: number, category = 'FASHION') => ({ category, amountFen });

describe('earning rules', () => {
  it.each<
    [string, Partial<EarningRules>, string, Array<{ category: string; amountFen: number }>, number, number]
  >([
    ['1 point per yuan, rounded down', {}, 'MEMBER', [line(12_399)], 0, 123],
    ['less than a yuan earns nothing', {}, 'MEMBER', [line(99)], 0, 0],
    ['GOLD earns ×1.5', {}, 'GOLD', [line(10_000)], 0, 150],
    ['unknown tier earns ×1', {}, 'PLATINUM', [line(10_000)], 0, 100],
    ['store bonus +50%', { storeBonusPercent: { 'store-1': 50 } }, 'MEMBER', [line(10_000)], 0, 150],
    [
      'category bonus adds to store bonus',
      { storeBonusPercent: { 'store-1': 50 }, categoryBonusPercent: { DINING: 100 } },
      'MEMBER',
      [line(10_000, 'DINING')],
      0,
      250,
    ],
    [
      'tier and bonus multiply',
      { categoryBonusPercent: { DINING: 100 } },
      'BLACK_CARD',
      [line(10_000, 'DINING')],
      0,
      400,
    ],
    [
      'excluded category earns nothing',
      { excludedCategories: ['TOBACCO'] },
      'MEMBER',
      [line(10_000, 'TOBACCO'), line(5_000)],
      0,
      50,
    ],
    ['per-order cap', { perOrderCap: 500 }, 'MEMBER', [line(1_000_000)], 0, 500],
    ['per-day cap leaves what is left of the day', { perDayCap: 1_000 }, 'MEMBER', [line(100_000)], 950, 50],
    ['per-day cap already reached', { perDayCap: 1_000 }, 'MEMBER', [line(100_000)], 1_000, 0],
    ['5 points per yuan', { basePoints: 5 }, 'MEMBER', [line(1_001)], 0, 50],
    ['lines round separately', {}, 'MEMBER', [line(150), line(150)], 0, 2],
    [
      'large amounts stay exact',
      { basePoints: 10, tierMultiplierPercent: { VIP: 1000 } },
      'VIP',
      [line(10_000_000_000)],
      0,
      10_000_000_000,
    ],
  ])('%s', (_name, over, tierCode, lines, earnedTodayBefore, expected) => {
    expect(pointsFor(rules(over), { storeId: 'store-1', tierCode, lines, earnedTodayBefore }).points).toBe(
      expected,
    );
  });

  it.each([
    // points  amount  returnedBefore reversedBefore  return  → reverse
    [100, 10_000, 0, 0, 10_000, 100],
    [100, 10_000, 0, 0, 3_333, 33],
    [100, 10_000, 3_333, 33, 3_333, 33],
    [100, 10_000, 6_666, 66, 3_334, 34], // the last partial return takes exactly what is left
    [7, 300, 0, 0, 100, 2],
    [7, 300, 100, 2, 200, 5],
    [0, 500, 0, 0, 500, 0],
  ])(
    'a purchase of %i points for %i fen, %i fen returned before (%i points), returning %i fen reverses %i',
    (purchasePoints, purchaseAmountFen, returnedBeforeFen, reversedBefore, returnFen, expected) => {
      expect(
        reversalFor({ purchasePoints, purchaseAmountFen, returnedBeforeFen, reversedBefore, returnFen }),
      ).toBe(expected);
    },
  );

  it('returning more than was bought is refused', () => {
    expect(() =>
      reversalFor({
        purchasePoints: 10,
        purchaseAmountFen: 1_000,
        returnedBeforeFen: 600,
        reversedBefore: 6,
        returnFen: 500,
      }),
    ).toThrow('exceeds');
  });
});
