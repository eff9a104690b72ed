import { localParts } from '@atrium/kernel';

/** A time of day on the mall's wall clock, e.g. 03:30. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** Parses `HH:MM` (24 h); throws on anything else. */
export function parseTimeOfDay(text: string): TimeOfDay {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new Error(`time of day must be HH:MM (00:00–23:59), got "${text}"`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The wall clock of `timeZone` at `at` (the kernel's mall time). */
const wallClock = (at: Date, timeZone: string) => localParts(at.getTime(), timeZone);

/** Offset of `timeZone` from UTC at the instant `at`, in ms (east positive). */
function offsetMs(at: number, timeZone: string): number {
  const w = wallClock(new Date(at), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at / 1000) * 1000;
}

/** The instant the wall clock of `timeZone` shows this local date and time. */
function instantOf(year: number, month: number, day: number, time: TimeOfDay, timeZone: string): number {
  const local = Date.UTC(year, month - 1, day, time.hour, time.minute);
  // Two passes settle the offset on either side of a daylight-saving change; a local time that
  // does not exist (skipped by a spring-forward) lands just after the gap.
  const first = local - offsetMs(local, timeZone);
  const second = local - offsetMs(first, timeZone);
  const shown = wallClock(new Date(second), timeZone);
  return shown.hour === time.hour && shown.minute === time.minute ? second : Math.max(first, second);
}

/**
 * The first instant strictly after `now` at which the wall clock of `timeZone` (IANA) shows
 * `time`. A day whose wall clock shows that time twice (autumn fall-back) runs once.
 */
export function nextDailyRun(now: Date, time: TimeOfDay, timeZone: string): Date {
  const today = wallClock(now, timeZone);
  for (let add = 0; add < 3; add += 1) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + add));
    const at = instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), time, timeZone);
    if (at > now.getTime()) return new Date(at);
  }
  throw new Error(`no ${time.hour}:${time.minute} in ${timeZone} within three days of ${now.toISOString()}`);
}
