import { describe, it, expect } from '@jest/globals';
import {
  addCountedTime,
  calendarProblem,
  countedTimeBetween,
  type BusinessCalendar,
  type ClockKind,
  type Pause,
} from './business-calendar.js';
import { localToInstant } from './mall-time.js';

const weekday = { open: '09:00', close: '18:00' };
/** Mon–Fri 09–18, Sat 10–16, Sunday closed, Wed 2026-11-25 a holiday; Asia/Shanghai (UTC+8). */
const mall: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  weekdays: [null, weekday, weekday, weekday, weekday, weekday, { open: '10:00', close: '16:00' }],
  holidays: ['2026-11-25'],
};
const utcMall: BusinessCalendar = { ...mall, timeZone: 'UTC' };

const t = (iso: string) => Date.parse(iso);
const H = 3600_000;
const MIN = 60_000;

describe('business calendar arithmetic (known answers; 2026-11-23 is a Monday)', () => {
  const cases: {
    name: string;
    from: string;
    amount: number;
    clock: ClockKind;
    calendar?: BusinessCalendar;
    pauses?: [string, string | null][];
    due: string | null;
  }[] = [
    {
      name: 'within one business day',
      from: '2026-11-23T10:00:00+08:00',
      amount: 2 * H,
      clock: 'BUSINESS',
      due: '2026-11-23T12:00:00+08:00',
    },
    {
      name: 'across the night',
      from: '2026-11-23T17:00:00+08:00',
      amount: 2 * H,
      clock: 'BUSINESS',
      due: '2026-11-24T10:00:00+08:00',
    },
    {
      name: 'across a holiday',
      from: '2026-11-24T17:30:00+08:00',
      amount: H,
      clock: 'BUSINESS',
      due: '2026-11-26T09:30:00+08:00',
    },
    {
      name: 'Friday evening into Saturday’s shorter hours',
      from: '2026-11-27T17:00:00+08:00',
      amount: 3 * H,
      clock: 'BUSINESS',
      due: '2026-11-28T12:00:00+08:00',
    },
    {
      name: 'Saturday across the closed Sunday',
      from: '2026-11-28T15:00:00+08:00',
      amount: 2 * H,
      clock: 'BUSINESS',
      due: '2026-11-30T10:00:00+08:00',
    },
    {
      name: 'opened before opening time counts from opening',
      from: '2026-11-23T07:00:00+08:00',
      amount: 30 * MIN,
      clock: 'BUSINESS',
      due: '2026-11-23T09:30:00+08:00',
    },
    {
      name: '24 business hours skip nights and the holiday',
      from: '2026-11-23T09:00:00+08:00',
      amount: 24 * H,
      clock: 'BUSINESS',
      due: '2026-11-26T15:00:00+08:00',
    },
    {
      name: 'calendar time ignores opening hours',
      from: '2026-11-23T17:00:00+08:00',
      amount: 24 * H,
      clock: 'CALENDAR',
      due: '2026-11-24T17:00:00+08:00',
    },
    {
      name: 'calendar time ignores holidays',
      from: '2026-11-24T23:00:00+08:00',
      amount: 2 * H,
      clock: 'CALENDAR',
      due: '2026-11-25T01:00:00+08:00',
    },
    {
      name: 'Sunday 16:30 UTC is Monday 00:30 in Shanghai: due Monday 10:00 Shanghai',
      from: '2026-11-22T16:30:00Z',
      amount: H,
      clock: 'BUSINESS',
      due: '2026-11-23T02:00:00Z',
    },
    {
      name: 'same instant with a UTC calendar: still Sunday, due Monday 10:00 UTC',
      from: '2026-11-22T16:30:00Z',
      amount: H,
      clock: 'BUSINESS',
      calendar: utcMall,
      due: '2026-11-23T10:00:00Z',
    },
    {
      name: 'Monday 17:30 Shanghai is 09:30 UTC: half an hour left that day',
      from: '2026-11-23T09:30:00Z',
      amount: H,
      clock: 'BUSINESS',
      due: '2026-11-24T01:30:00Z',
    },
    {
      name: 'a calendar pause shifts the due time by its length',
      from: '2026-11-23T10:00:00Z',
      amount: 2 * H,
      clock: 'CALENDAR',
      pauses: [['2026-11-23T10:30:00Z', '2026-11-23T11:00:00Z']],
      due: '2026-11-23T12:30:00Z',
    },
    {
      name: 'a business pause inside opening hours',
      from: '2026-11-23T10:00:00+08:00',
      amount: 2 * H,
      clock: 'BUSINESS',
      pauses: [['2026-11-23T11:00:00+08:00', '2026-11-23T13:00:00+08:00']],
      due: '2026-11-23T14:00:00+08:00',
    },
    {
      name: 'a pause over the night only removes the opening hours it covers',
      from: '2026-11-23T17:00:00+08:00',
      amount: 2 * H,
      clock: 'BUSINESS',
      pauses: [['2026-11-23T17:30:00+08:00', '2026-11-24T09:30:00+08:00']],
      due: '2026-11-24T11:00:00+08:00',
    },
    {
      name: 'two pauses add up',
      from: '2026-11-23T00:00:00Z',
      amount: H,
      clock: 'CALENDAR',
      pauses: [
        ['2026-11-23T00:10:00Z', '2026-11-23T00:20:00Z'],
        ['2026-11-23T00:30:00Z', '2026-11-23T00:40:00Z'],
      ],
      due: '2026-11-23T01:20:00Z',
    },
    {
      name: 'a pause that already ended before the start does not count',
      from: '2026-11-23T10:00:00Z',
      amount: H,
      clock: 'CALENDAR',
      pauses: [['2026-11-23T08:00:00Z', '2026-11-23T09:00:00Z']],
      due: '2026-11-23T11:00:00Z',
    },
    {
      name: 'an open pause leaves the due time unknown',
      from: '2026-11-23T10:00:00Z',
      amount: H,
      clock: 'CALENDAR',
      pauses: [['2026-11-23T10:30:00Z', null]],
      due: null,
    },
    {
      name: 'an open pause in business time leaves it unknown too',
      from: '2026-11-23T10:00:00+08:00',
      amount: 10 * H,
      clock: 'BUSINESS',
      pauses: [['2026-11-23T11:00:00+08:00', null]],
      due: null,
    },
    {
      name: 'an open pause after the due time changes nothing',
      from: '2026-11-23T10:00:00Z',
      amount: H,
      clock: 'CALENDAR',
      pauses: [['2026-11-23T12:00:00Z', null]],
      due: '2026-11-23T11:00:00Z',
    },
  ];

  it.each(cases)('$name', ({ from, amount, clock, calendar, pauses, due }) => {
    const ps: Pause[] = (pauses ?? []).map(([s, e]) => ({ start: t(s), end: e === null ? null : t(e) }));
    const result = addCountedTime(t(from), amount, clock, calendar ?? mall, ps);
    expect(result === null ? null : new Date(result).toISOString()).toBe(
      due === null ? null : new Date(t(due)).toISOString(),
    );
  });

  it('counted time between two instants is the inverse of adding it', () => {
    const from = t('2026-11-23T17:00:00+08:00');
    const pauses = [{ start: t('2026-11-24T09:00:00+08:00'), end: t('2026-11-24T09:20:00+08:00') }];
    const due = addCountedTime(from, 5 * H, 'BUSINESS', mall, pauses)!;
    expect(countedTimeBetween(from, due, 'BUSINESS', mall, pauses)).toBe(5 * H);
  });

  it('local midnight in Shanghai is 16:00 UTC the day before', () => {
    expect(
      new Date(localToInstant({ year: 2026, month: 11, day: 23 }, 0, 'Asia/Shanghai')).toISOString(),
    ).toBe('2026-11-22T16:00:00.000Z');
  });

  it('a calendar with an unknown time zone or inverted hours is refused', () => {
    expect(calendarProblem(mall)).toBeNull();
    expect(calendarProblem({ ...mall, timeZone: 'Mars/Olympus' })).toMatch(/time zone/);
    expect(
      calendarProblem({
        ...mall,
        weekdays: [...mall.weekdays.slice(0, 6), { open: '18:00', close: '09:00' }],
      }),
    ).toMatch(/before close/);
    expect(calendarProblem({ ...mall, weekdays: Array(7).fill(null) })).toMatch(/at least one/);
  });
});
