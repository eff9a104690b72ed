/** A YYYY-MM-DD day plus n days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The day a birthday is celebrated in a year: 29 February falls on the 28th in other years. */
export function celebratedIn(birthday: string, year: number): string {
  const [, m, d] = birthday.split('-');
  if (m === '02' && d === '29' && !isLeap(year)) return `${year}-02-28`;
  return `${year}-${m}-${d}`;
}

/**
 * Month-day keys (month × 100 + day) of birthdays celebrated within [today, today + daysAhead]:
 * the job asks the database for members with these birthdays. 29 February joins when the 28th
 * of a non-leap year is in the window.
 */
export function birthdayKeysInWindow(today: string, daysAhead: number): number[] {
  const keys = new Set<number>();
  for (let i = 0; i <= daysAhead; i += 1) {
    const day = addDays(today, i);
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    keys.add(m * 100 + d);
    if (m === 2 && d === 28 && !isLeap(y)) keys.add(229);
  }
  return [...keys];
}

/** When this birthday is next celebrated on or after today, and how many days away; null if beyond the window. */
export function upcomingCelebration(
  birthday: string,
  today: string,
  daysAhead: number,
): { on: string; year: number; daysAhead: number } | null {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const on = celebratedIn(birthday, y);
    if (on < today) continue;
    const days = Math.round((Date.parse(`${on}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    return days <= daysAhead ? { on, year: y, daysAhead: days } : null;
  }
  return null;
}
