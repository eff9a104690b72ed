import { describe, expect, it } from '@jest/globals';
import {
  dayBounds,
  endOfMonthsAfter,
  isTimeZone,
  localDay,
  localMonth,
  monthBounds,
  weekBounds,
} from './mall-time.js';

const at = (iso: string) => new Date(iso);

describe('mall time over an IANA zone', () => {
  it.each([
    // instant, zone, local day
    ['2026-03-15T15:59:59Z', 'Asia/Shanghai', '2026-03-15'],
    ['2026-03-15T16:00:00Z', 'Asia/Shanghai', '2026-03-16'],
    ['2026-03-15T03:59:59Z', 'America/New_York', '2026-03-14'],
    ['2026-03-15T04:00:00Z', 'America/New_York', '2026-03-15'],
    ['2026-01-01T04:59:59Z', 'America/New_York', '2025-12-31'],
  ])('%s in %s is the local day %s', (instant, zone, day) => {
    expect(localDay(at(instant), zone)).toBe(day);
  });

  it.each([
    // a Shanghai day is 24 h; New York's spring-forward day (2026-03-08) is 23 h, fall-back (2026-11-01) 25 h
    ['2026-03-08T12:00:00Z', 'Asia/Shanghai', '2026-03-07T16:00:00.000Z', '2026-03-08T16:00:00.000Z'],
    ['2026-03-08T12:00:00Z', 'America/New_York', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
    ['2026-11-01T12:00:00Z', 'America/New_York', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
  ])('the day around %s in %s is [%s, %s)', (instant, zone, start, end) => {
    expect(dayBounds(at(instant), zone)).toEqual({ start: at(start), end: at(end) });
  });

  it.each([
    ['2026-02', 'Asia/Shanghai', '2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
    ['2026-12', 'Asia/Shanghai', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-03', 'America/New_York', '2026-03-01T05:00:00.000Z', '2026-04-01T04:00:00.000Z'],
  ])('the month %s in %s is [%s, %s)', (month, zone, start, end) => {
    expect(monthBounds(month, zone)).toEqual({ start: at(start), end: at(end) });
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => monthBounds('2026-13', 'UTC')).toThrow('not a month: 2026-13');
  });

  it.each([
    // Wednesday 2026-12-02 → Monday 2026-11-30 .. Monday 2026-12-07; a Sunday belongs to the week before
    ['2026-12-02T10:00:00Z', 'Asia/Shanghai', '2026-11-29T16:00:00.000Z', '2026-12-06T16:00:00.000Z'],
    ['2026-12-06T10:00:00Z', 'Asia/Shanghai', '2026-11-29T16:00:00.000Z', '2026-12-06T16:00:00.000Z'],
    ['2026-12-06T17:00:00Z', 'Asia/Shanghai', '2026-12-06T16:00:00.000Z', '2026-12-13T16:00:00.000Z'],
  ])('the week around %s in %s is [%s, %s)', (instant, zone, start, end) => {
    expect(weekBounds(at(instant), zone)).toEqual({ start: at(start), end: at(end) });
  });

  it.each([
    ['2026-03-15T02:00:00Z', 12, 'Asia/Shanghai', '2027-03-31T16:00:00.000Z'],
    // 23:30 on 31 January in New York is still January there (already February in UTC)
    ['2026-02-01T04:30:00Z', 1, 'America/New_York', '2026-03-01T05:00:00.000Z'],
    ['2026-02-01T04:30:00Z', 1, 'UTC', '2026-04-01T00:00:00.000Z'],
  ])('earned at %s, %d months after: ends at %s in %s', (instant, months, zone, end) => {
    expect(endOfMonthsAfter(at(instant), months, zone)).toEqual(at(end));
  });

  it('names the local month and knows real zones', () => {
    expect(localMonth(at('2026-01-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-02');
    expect([isTimeZone('America/New_York'), isTimeZone('Mars/Olympus')]).toEqual([true, false]);
  });
});
