import { describe, expect, it } from '@jest/globals';
import { WEEKDAYS } from '@atrium/contracts';
import { DEFAULT_CALENDAR } from '@atrium/kernel';
import {
  isTimeZone,
  normalizeHolidays,
  openingDaysOf,
  weekdaysFromOpeningDays,
  type OpeningDay,
} from './ticket-settings.js';

const week = (over: Partial<Record<(typeof WEEKDAYS)[number], [string, string] | null>> = {}) =>
  WEEKDAYS.map((weekday): OpeningDay => {
    const h = weekday in over ? over[weekday] : (['10:00', '22:00'] as [string, string]);
    return { weekday, open: h ? h[0] : null, close: h ? h[1] : null };
  });

describe('opening hours as managers write them (Monday first) and as the calendar keeps them (Sunday first)', () => {
  it('Monday lands at index 1 and Sunday at index 0', () => {
    const r = weekdaysFromOpeningDays(week({ MONDAY: ['09:00', '21:00'], SUNDAY: null }));
    expect(r).toEqual({
      weekdays: [
        null,
        { open: '09:00', close: '21:00' },
        ...Array.from({ length: 5 }, () => ({ open: '10:00', close: '22:00' })),
      ],
    });
  });

  it('round-trips through the calendar', () => {
    const days = week({ WEDNESDAY: ['10:00', '24:00'], SATURDAY: null });
    const r = weekdaysFromOpeningDays(days);
    expect('weekdays' in r && openingDaysOf(r)).toEqual(days);
    expect(openingDaysOf(DEFAULT_CALENDAR)).toEqual(week());
  });

  it.each([
    [
      'a day listed twice',
      [...week().slice(0, 6), { weekday: 'MONDAY', open: '10:00', close: '20:00' }],
      'openingHours.MONDAY',
      /twice/,
    ],
    ['a missing day', week().slice(0, 6), 'openingHours', /SUNDAY/],
    [
      'open without close',
      week({ FRIDAY: ['10:00', null as unknown as string] }),
      'openingHours.FRIDAY',
      /both/,
    ],
    ['open after close', week({ TUESDAY: ['22:00', '10:00'] }), 'openingHours.TUESDAY', /not before/],
    ['open equal to close', week({ TUESDAY: ['10:00', '10:00'] }), 'openingHours.TUESDAY', /not before/],
    [
      'closed every day',
      week(Object.fromEntries(WEEKDAYS.map((w) => [w, null]))),
      'openingHours',
      /at least one/,
    ],
  ] as const)('%s is refused naming %s', (_name, days, field, problem) => {
    const r = weekdaysFromOpeningDays(days as OpeningDay[]);
    expect(r).toMatchObject({ field });
    expect('problem' in r ? r.problem : '').toMatch(problem);
  });
});

describe('time zones and holidays', () => {
  it.each([
    ['Asia/Shanghai', true],
    ['Asia/Hong_Kong', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('%s is a time zone: %s', (tz, ok) => expect(isTimeZone(tz)).toBe(ok));

  it('holidays are sorted without repeats', () =>
    expect(normalizeHolidays(['2026-10-02', '2026-10-01', '2026-10-02'])).toEqual([
      '2026-10-01',
      '2026-10-02',
    ]));
});
