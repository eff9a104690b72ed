import { describe, expect, it } from '@jest/globals';
import { nextDailyRun, parseTimeOfDay } from './daily-time.js';

describe('nextDailyRun', () => {
  it.each([
    // now (UTC), local time, zone, next run (UTC)
    ['2026-05-01T10:00:00Z', '03:30', 'Asia/Shanghai', '2026-05-01T19:30:00.000Z'],
    ['2026-05-01T19:29:59Z', '03:30', 'Asia/Shanghai', '2026-05-01T19:30:00.000Z'],
    ['2026-05-01T19:30:00Z', '03:30', 'Asia/Shanghai', '2026-05-02T19:30:00.000Z'],
    ['2026-05-01T10:00:00Z', '00:00', 'Asia/Shanghai', '2026-05-01T16:00:00.000Z'],
    ['2026-05-01T10:00:00Z', '03:30', 'America/New_York', '2026-05-02T07:30:00.000Z'],
    ['2026-01-15T10:00:00Z', '03:30', 'America/New_York', '2026-01-16T08:30:00.000Z'],
    ['2026-12-31T23:59:00Z', '00:00', 'UTC', '2027-01-01T00:00:00.000Z'],
  ])('from %s, %s in %s is next at %s', (now, at, zone, expected) => {
    expect(nextDailyRun(new Date(now), parseTimeOfDay(at), zone).toISOString()).toBe(expected);
  });

  it('runs once on the autumn day whose wall clock shows 01:30 twice (New York, 2026-11-01)', () => {
    const first = nextDailyRun(new Date('2026-11-01T04:00:00Z'), parseTimeOfDay('01:30'), 'America/New_York');
    const second = nextDailyRun(first, parseTimeOfDay('01:30'), 'America/New_York');
    expect(second.getTime() - first.getTime()).toBeGreaterThan(23 * 3600_000);
    expect(second.toISOString()).toBe('2026-11-02T06:30:00.000Z');
  });

  it('runs on the spring day whose wall clock skips 02:30 (New York, 2026-03-08), just after the gap', () => {
    const at = nextDailyRun(new Date('2026-03-08T05:00:00Z'), parseTimeOfDay('02:30'), 'America/New_York');
    expect(at.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('keeps 23 h and 25 h days apart: each run is at the same local time', () => {
    let at = new Date('2026-03-06T12:00:00Z');
    const seen: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      at = nextDailyRun(at, parseTimeOfDay('09:00'), 'America/New_York');
      seen.push(at.toISOString());
    }
    expect(seen).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });
});

describe('parseTimeOfDay', () => {
  it.each(['3:30', '24:00', '12:60', 'noon', ''])('refuses %p', (text) => {
    expect(() => parseTimeOfDay(text)).toThrow(/HH:MM/);
  });
});
