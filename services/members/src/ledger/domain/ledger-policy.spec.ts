import { describe, expect, it } from '@jest/globals';
import {
  dayBounds,
  DEFAULT_LEDGER_POLICY,
  expiryOf,
  localDay,
  monthBounds,
  releaseOf,
} from './ledger-policy.js';

describe('ledger policy', () => {
  it.each([
    // earned (UTC)                 months  expires (UTC) = first instant after the month's end, Shanghai time
    ['2026-03-15T04:00:00Z', 12, '2027-03-31T16:00:00Z'],
    ['2026-03-31T15:59:59Z', 12, '2027-03-31T16:00:00Z'], // 23:59:59 on 31 March in Shanghai
    ['2026-03-31T16:00:00Z', 12, '2027-04-30T16:00:00Z'], // already 1 April in Shanghai
    ['2026-12-10T00:00:00Z', 12, '2027-12-31T16:00:00Z'],
    ['2026-01-31T00:00:00Z', 1, '2026-02-28T16:00:00Z'],
    ['2026-11-05T00:00:00Z', 3, '2027-02-28T16:00:00Z'],
  ])('points earned at %s with a %i-month policy expire at %s', (earned, months, expires) => {
    expect(expiryOf(new Date(earned), { ...DEFAULT_LEDGER_POLICY, expiryMonths: months })).toEqual(
      new Date(expires),
    );
  });

  it.each([
    [7, '2026-05-01T10:00:00Z', '2026-05-08T10:00:00Z'],
    [0, '2026-05-01T10:00:00Z', '2026-05-01T10:00:00Z'],
    [30, '2026-05-01T10:00:00Z', '2026-05-31T10:00:00Z'],
  ])('with a %i-day return window a purchase at %s releases at %s', (days, at, release) => {
    expect(releaseOf(new Date(at), { returnWindowDays: days })).toEqual(new Date(release));
  });

  it('days and months follow the mall time zone, not UTC', () => {
    expect(localDay(new Date('2026-05-01T16:30:00Z'), DEFAULT_LEDGER_POLICY)).toBe('2026-05-02');
    expect(dayBounds(new Date('2026-05-01T16:30:00Z'), DEFAULT_LEDGER_POLICY)).toEqual({
      start: new Date('2026-05-01T16:00:00Z'),
      end: new Date('2026-05-02T16:00:00Z'),
    });
    expect(monthBounds('2026-12', DEFAULT_LEDGER_POLICY)).toEqual({
      start: new Date('2026-11-30T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    });
    expect(() => monthBounds('2026-13', DEFAULT_LEDGER_POLICY)).toThrow('not a month');
  });

  it.each([
    // earned (UTC)                 months  expires (UTC) = midnight after the month's end, New York time
    ['2026-02-01T04:30:00Z', 1, '2026-03-01T05:00:00Z'], // 23:30 on 31 January in New York (EST)
    ['2026-03-15T12:00:00Z', 1, '2026-05-01T04:00:00Z'], // the end falls in daylight saving time (EDT)
    ['2026-10-31T12:00:00Z', 12, '2027-11-01T04:00:00Z'], // October 2027 ends before DST does (7 November)
  ])(
    'in America/New_York points earned at %s with a %i-month policy expire at %s',
    (earned, months, expires) => {
      expect(expiryOf(new Date(earned), { expiryMonths: months, timeZone: 'America/New_York' })).toEqual(
        new Date(expires),
      );
    },
  );

  it('in America/New_York a day runs from its local midnight, 23 hours on the spring-forward day', () => {
    const ny = { ...DEFAULT_LEDGER_POLICY, timeZone: 'America/New_York' };
    expect(localDay(new Date('2026-05-02T03:30:00Z'), ny)).toBe('2026-05-01');
    expect(dayBounds(new Date('2026-03-08T12:00:00Z'), ny)).toEqual({
      start: new Date('2026-03-08T05:00:00Z'),
      end: new Date('2026-03-09T04:00:00Z'),
    });
    expect(monthBounds('2026-12', ny)).toEqual({
      start: new Date('2026-12-01T05:00:00Z'),
      end: new Date('2027-01-01T05:00:00Z'),
    });
  });
});
