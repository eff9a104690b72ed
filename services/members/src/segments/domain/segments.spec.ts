import { describe, expect, it } from '@jest/globals';
import { birthdayKeysInWindow, celebratedIn, upcomingCelebration } from './birthday.js';
import { lifecycleStage } from './lifecycle.js';
import {
  ageOn,
  checkRule,
  matches,
  segmentsOf,
  type MemberFacts,
  type SegmentDefinition,
} from './segment-rule.js';

const facts = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  age: null,
  gender: null,
  preferredLanguage: 'zh-CN',
  preferredCategories: [],
  preferredBrands: [],
  staffTags: [],
  phoneCountryCode: '86',
  tierRank: 0,
  ...over,
});

const RULES: SegmentDefinition[] = [
  { code: 'YOUNG', name: 'Young', rule: { all: [{ field: 'age', op: 'between', value: [18, 30] }] } },
  { code: 'ELDERLY', name: 'Elderly', rule: { all: [{ field: 'age', op: 'gte', value: 60 }] } },
  {
    code: 'FOREIGN_VISITOR',
    name: 'Foreign',
    rule: { any: [{ field: 'phoneCountryCode', op: 'notIn', value: ['86'] }] },
  },
  {
    code: 'VIP',
    name: 'VIP',
    rule: {
      any: [
        { field: 'tierRank', op: 'gte', value: 2 },
        { field: 'staffTags', op: 'containsAny', value: ['VIP'] },
      ],
    },
  },
  {
    code: 'FAMILY_WITH_CHILDREN',
    name: 'Family',
    rule: { any: [{ field: 'preferredCategories', op: 'containsAny', value: ['MOTHER_AND_BABY', 'KIDS'] }] },
  },
];

describe('segment rules as data', () => {
  it.each([
    [{ age: 17 }, []],
    [{ age: 18 }, ['YOUNG']],
    [{ age: 30 }, ['YOUNG']],
    [{ age: 31 }, []],
    [{ age: 59 }, []],
    [{ age: 60 }, ['ELDERLY']],
    [{ phoneCountryCode: '44' }, ['FOREIGN_VISITOR']],
    [{ phoneCountryCode: null }, []],
    [{ tierRank: 1 }, []],
    [{ tierRank: 2 }, ['VIP']],
    [{ staffTags: ['vip'] }, ['VIP']],
    [{ preferredCategories: ['Kids'], age: 25 }, ['FAMILY_WITH_CHILDREN', 'YOUNG']],
  ])('%j → %j', (over, codes) => {
    expect(segmentsOf(RULES, facts(over))).toEqual(codes);
  });

  it('nested rules combine', () => {
    expect(
      matches(
        {
          all: [
            { any: [{ field: 'age', op: 'lte', value: 12 }] },
            { field: 'gender', op: 'in', value: ['FEMALE'] },
          ],
        },
        facts({ age: 10, gender: 'FEMALE' }),
      ),
    ).toBe(true);
  });

  it('a malformed stored rule is an error naming the segment and the place', () => {
    expect(() => checkRule('X', { all: [{ field: 'shoeSize', op: 'gte', value: 40 }] })).toThrow(
      'segment X: rule.0.field "shoeSize" is unknown',
    );
    expect(() => checkRule('X', { all: [{ field: 'age', op: 'between', value: [1] }] })).toThrow(
      /rule.0 has an unknown op/,
    );
    expect(() => checkRule('X', { none: [] })).toThrow(/needs "all" or "any"/);
  });

  it.each([
    ['2000-06-15', '2026-06-14', 25],
    ['2000-06-15', '2026-06-15', 26],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('born %s is %d on %s', (birthday, today, age) => {
    expect(ageOn(birthday, today)).toBe(age);
  });
});

describe('lifecycle from recency and frequency', () => {
  const settings = { newDays: 30, activeDays: 90, lapsedDays: 180 };
  const now = new Date('2026-06-01T00:00:00Z');
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
  it.each([
    [30, null, 0, 'NEW'],
    [30, 1, 1, 'NEW'],
    [30, 1, 2, 'ACTIVE'],
    [31, null, 0, 'LAPSED'],
    [400, 90, 1, 'ACTIVE'],
    [400, 91, 1, 'AT_RISK'],
    [400, 180, 5, 'AT_RISK'],
    [400, 181, 5, 'LAPSED'],
  ] as const)(
    'registered %d days ago, last purchase %s days ago, %d purchases this year → %s',
    (registered, last, count, stage) => {
      expect(
        lifecycleStage(
          settings,
          {
            registeredAt: ago(registered),
            lastPurchaseAt: last === null ? null : ago(last),
            purchasesLastYear: count,
          },
          now,
        ),
      ).toBe(stage);
    },
  );
});

describe('birthdays', () => {
  it('29 February is celebrated on the 28th in other years', () => {
    expect(celebratedIn('2000-02-29', 2027)).toBe('2027-02-28');
    expect(celebratedIn('2000-02-29', 2028)).toBe('2028-02-29');
  });

  it('the window keys include 29 February when 28 February of a non-leap year is in it', () => {
    expect(birthdayKeysInWindow('2027-02-27', 1).sort()).toEqual([227, 228, 229]);
    expect(birthdayKeysInWindow('2028-02-27', 1).sort()).toEqual([227, 228]);
  });

  it.each([
    ['1990-06-08', '2026-06-01', 7, { on: '2026-06-08', year: 2026, daysAhead: 7 }],
    ['1990-06-09', '2026-06-01', 7, null],
    ['1990-06-01', '2026-06-01', 7, { on: '2026-06-01', year: 2026, daysAhead: 0 }],
    ['1990-01-02', '2026-12-30', 7, { on: '2027-01-02', year: 2027, daysAhead: 3 }],
    ['1990-05-31', '2026-06-01', 7, null],
  ])('born %s, today %s, %d days ahead → %j', (birthday, today, days, expected) => {
    expect(upcomingCelebration(birthday, today, days)).toEqual(expected);
  });
});
