/**
 * The mall's business calendar and the arithmetic of SLA clocks: adding "counted" time to an
 * instant, where counted time is either all time (CALENDAR) or only opening hours (BUSINESS),
 * in both cases minus the pauses (ticket waiting on the customer or on parts).
 * Instants are epoch milliseconds; local days and hours are in the calendar's time zone.
 */
import {
  DEFAULT_TIME_ZONE,
  addDays,
  formatLocalDate,
  isTimeZone,
  localDateOf,
  localToInstant,
  weekdayOf,
} from './mall-time.js';

export type ClockKind = 'CALENDAR' | 'BUSINESS';

/** Opening hours of one weekday as local "HH:MM" strings; close "24:00" means midnight. */
export interface OpeningHours {
  open: string;
  close: string;
}

export interface BusinessCalendar {
  timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday; null = closed all day. */
  weekdays: readonly (OpeningHours | null)[];
  /** Local dates "YYYY-MM-DD" on which the mall is closed. */
  holidays: readonly string[];
}

/** Default mall calendar: open 10:00–22:00 every day, Asia/Shanghai, no holidays. */
export const DEFAULT_CALENDAR: BusinessCalendar = {
  timeZone: DEFAULT_TIME_ZONE,
  weekdays: Array.from({ length: 7 }, () => ({ open: '10:00', close: '22:00' })),
  holidays: [],
};

/** A pause of the clock; end null = still paused. */
export interface Pause {
  start: number;
  end: number | null;
}

function minutes(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Checks a calendar's shape; returns the first problem or null. */
export function calendarProblem(c: BusinessCalendar): string | null {
  if (!isTimeZone(c.timeZone)) return `unknown time zone ${c.timeZone}`;
  if (c.weekdays.length !== 7) return 'weekdays must list 7 days, Sunday first';
  for (const h of c.weekdays) {
    if (!h) continue;
    if (!/^\d{2}:\d{2}$/.test(h.open) || !/^\d{2}:\d{2}$/.test(h.close)) return 'opening hours are HH:MM';
    if (minutes(h.open) >= minutes(h.close) || minutes(h.close) > 24 * 60) return 'open must be before close';
  }
  if (!c.weekdays.some(Boolean)) return 'the mall must open on at least one weekday';
  for (const d of c.holidays) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return `holiday ${d} is not YYYY-MM-DD`;
  return null;
}

const MAX_DAYS_AHEAD = 3 * 366;

/** Yields the intervals [start, end) during which a clock of this kind runs, from `from` on. */
function* runningWindows(
  from: number,
  kind: ClockKind,
  calendar: BusinessCalendar,
): Generator<[number, number]> {
  if (kind === 'CALENDAR') {
    yield [from, Number.POSITIVE_INFINITY];
    return;
  }
  const holidays = new Set(calendar.holidays);
  let date = localDateOf(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS_AHEAD; i++, date = addDays(date, 1)) {
    const hours = calendar.weekdays[weekdayOf(date)];
    if (!hours || holidays.has(formatLocalDate(date))) continue;
    const open = localToInstant(date, minutes(hours.open), calendar.timeZone);
    const close = localToInstant(date, minutes(hours.close), calendar.timeZone);
    if (close <= from) continue;
    yield [Math.max(open, from), close];
  }
  throw new Error('the business calendar has no opening hours within three years');
}

/** Removes the paused parts from a window; pauses must be sorted by start. */
function* minusPauses(window: [number, number], pauses: readonly Pause[]): Generator<[number, number]> {
  let [start] = window;
  const end = window[1];
  for (const p of pauses) {
    const pEnd = p.end ?? Number.POSITIVE_INFINITY;
    if (pEnd <= start || p.start >= end) continue;
    if (p.start > start) yield [start, p.start];
    start = Math.max(start, pEnd);
    if (start >= end) return;
  }
  if (start < end) yield [start, end];
}

/**
 * The instant at which `amountMs` of counted time has run from `from`. Null when the clock is
 * paused (open pause) before the amount is used up: the due time is unknown until it resumes.
 */
export function addCountedTime(
  from: number,
  amountMs: number,
  kind: ClockKind,
  calendar: BusinessCalendar,
  pauses: readonly Pause[] = [],
): number | null {
  const sorted = [...pauses].sort((a, b) => a.start - b.start);
  let left = amountMs;
  for (const window of runningWindows(from, kind, calendar)) {
    for (const [s, e] of minusPauses(window, sorted)) {
      if (e - s >= left) return s + left;
      left -= e - s;
    }
    const open = sorted.find((p) => p.end === null);
    if (open && open.start <= window[1]) return null;
  }
  return null;
}

/** Counted time between two instants (for reports: first-response and resolution times). */
export function countedTimeBetween(
  from: number,
  to: number,
  kind: ClockKind,
  calendar: BusinessCalendar,
  pauses: readonly Pause[] = [],
): number {
  if (to <= from) return 0;
  const sorted = [...pauses].sort((a, b) => a.start - b.start);
  let total = 0;
  for (const window of runningWindows(from, kind, calendar)) {
    if (window[0] >= to) break;
    for (const [s, e] of minusPauses([window[0], Math.min(window[1], to)], sorted)) total += e - s;
    if (window[1] >= to) break;
  }
  return total;
}
