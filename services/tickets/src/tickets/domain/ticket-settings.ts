/**
 * The mall's ticket settings as managers edit them: opening hours listed Monday first (as
 * people read a week) while the calendar indexes them Sunday first, holidays as local dates,
 * and checks that name the field at fault.
 */
import { WEEKDAYS } from '@atrium/contracts';
import type { BusinessCalendar, OpeningHours } from '@atrium/kernel';

export type WeekdayName = (typeof WEEKDAYS)[number];

/** Calendar index (0 = Sunday … 6 = Saturday) of a weekday name. */
const calendarIndex = (w: WeekdayName) => (WEEKDAYS.indexOf(w) + 1) % 7;

export interface OpeningDay {
  weekday: WeekdayName;
  open: string | null;
  close: string | null;
}

export interface SettingsProblem {
  field: string;
  problem: string;
}

export { isTimeZone } from '@atrium/kernel';

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The calendar's weekdays (Sunday first) from a Monday-first list naming each weekday once. */
export function weekdaysFromOpeningDays(
  days: readonly OpeningDay[],
): { weekdays: (OpeningHours | null)[] } | SettingsProblem {
  const weekdays: (OpeningHours | null | undefined)[] = Array.from({ length: 7 }, () => undefined);
  for (const day of days) {
    const field = `openingHours.${day.weekday}`;
    const i = calendarIndex(day.weekday);
    if (weekdays[i] !== undefined) return { field, problem: 'is listed twice' };
    if ((day.open === null) !== (day.close === null)) {
      return { field, problem: 'give both open and close, or neither for a closed day' };
    }
    if (day.open !== null && day.close !== null && minuteOf(day.open) >= minuteOf(day.close)) {
      return { field, problem: `opens at ${day.open}, which is not before it closes at ${day.close}` };
    }
    weekdays[i] = day.open !== null && day.close !== null ? { open: day.open, close: day.close } : null;
  }
  const missing = WEEKDAYS.filter((w) => weekdays[calendarIndex(w)] === undefined);
  if (missing.length) return { field: 'openingHours', problem: `must list ${missing.join(', ')}` };
  if (!weekdays.some(Boolean))
    return { field: 'openingHours', problem: 'the mall must open on at least one day' };
  return { weekdays: weekdays as (OpeningHours | null)[] };
}

/** The calendar's weekdays as managers read them, Monday first. */
export function openingDaysOf(calendar: Pick<BusinessCalendar, 'weekdays'>): OpeningDay[] {
  return WEEKDAYS.map((weekday) => {
    const h = calendar.weekdays[calendarIndex(weekday)] ?? null;
    return { weekday, open: h?.open ?? null, close: h?.close ?? null };
  });
}

/** Holidays sorted, without repeats. */
export const normalizeHolidays = (dates: readonly string[]) => [...new Set(dates)].sort();
