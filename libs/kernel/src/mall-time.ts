/**
 * Mall time: instants (UTC) seen on the wall clock of the mall's IANA time zone. Local days,
 * weeks and months are bounded by the instants at which that wall clock shows midnight, so a
 * zone with daylight saving (America/New_York) gets 23- and 25-hour days where they fall.
 */

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a zone the runtime knows (Asia/Shanghai, America/New_York, UTC ...). */
export function isTimeZone(value: string): boolean {
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

/** The local wall-clock fields of an instant in a time zone. */
export function localParts(instant: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of the zone from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the local wall clock shows the given date and minute of the day. */
export function localToInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * 60_000;
  let instant = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(instant, timeZone);
  if (second !== instant) instant = second;
  return instant;
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  const p = localParts(instant, timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

export function formatLocalDate(d: LocalDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The date `days` after (or before, when negative) a local date; months and years roll over. */
export function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: LocalDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** The mall-local calendar day of an instant, as YYYY-MM-DD. */
export function localDay(at: Date, timeZone: string): string {
  return formatLocalDate(localDateOf(at.getTime(), timeZone));
}

export interface Bounds {
  /** First instant of the period. */
  start: Date;
  /** First instant after the period. */
  end: Date;
}

const midnight = (d: LocalDate, timeZone: string) => new Date(localToInstant(d, 0, timeZone));

/** The instants bounding the mall-local day containing `at`: [start, end). */
export function dayBounds(at: Date, timeZone: string): Bounds {
  const day = localDateOf(at.getTime(), timeZone);
  return { start: midnight(day, timeZone), end: midnight(addDays(day, 1), timeZone) };
}

/** The instants bounding the mall-local week (Monday to Sunday) containing `at`: [start, end). */
export function weekBounds(at: Date, timeZone: string): Bounds {
  const day = localDateOf(at.getTime(), timeZone);
  const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
  return { start: midnight(monday, timeZone), end: midnight(addDays(monday, 7), timeZone) };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The instants bounding a mall-local month `YYYY-MM`: [start, end). */
export function monthBounds(month: string, timeZone: string): Bounds {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  const [year, mon] = [Number(match[1]), Number(match[2])];
  return {
    start: midnight({ year, month: mon, day: 1 }, timeZone),
    end: midnight(addMonths({ year, month: mon, day: 1 }, 1), timeZone),
  };
}

/** The mall-local month of an instant, as YYYY-MM. */
export function localMonth(at: Date, timeZone: string): string {
  return localDay(at, timeZone).slice(0, 7);
}

/** The first day of the month `months` after the month of `d`. */
export function addMonths(d: LocalDate, months: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1 + months, 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: 1 };
}

/**
 * The first instant of the month that follows the `months`-th month after the month of `at`,
 * in the mall's zone: the end of "N months after this month" (earned 2026-03-15 with 12 →
 * 2027-04-01T00:00 local).
 */
export function endOfMonthsAfter(at: Date, months: number, timeZone: string): Date {
  const day = localDateOf(at.getTime(), timeZone);
  return midnight(addMonths(day, months + 1), timeZone);
}
