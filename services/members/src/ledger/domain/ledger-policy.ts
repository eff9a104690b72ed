/**
 * The mall's ledger policy. Business calendars use the mall's time zone; the default mall is
 * in Asia/Shanghai, which has no daylight saving, so a fixed offset is exact there.
 */
export interface LedgerPolicy {
  /** Points expire at the end of the N-th calendar month after the month they were earned in. */
  expiryMonths: number;
  /** Days after a purchase during which a return is expected; earned points stay pending until then. */
  returnWindowDays: number;
  /** Members are warned this many days before a lot expires. */
  expiryWarningDays: number;
  /** The mall's offset from UTC in minutes (Asia/Shanghai: +480). */
  utcOffsetMinutes: number;
}

export const DEFAULT_LEDGER_POLICY: LedgerPolicy = Object.freeze({
  expiryMonths: 12,
  returnWindowDays: 7,
  expiryWarningDays: 30,
  utcOffsetMinutes: 480,
});

const DAY_MS = 86_400_000;

/**
 * When points earned at `earnedAt` expire: the first instant after the end of the
 * `expiryMonths`-th month after the earning month, in the mall's time zone. Earned on
 * 2026-03-15 (Shanghai) with 12 months → expire at 2027-04-01T00:00+08:00.
 */
export function expiryOf(
  earnedAt: Date,
  policy: Pick<LedgerPolicy, 'expiryMonths' | 'utcOffsetMinutes'>,
): Date {
  const offsetMs = policy.utcOffsetMinutes * 60_000;
  const local = new Date(earnedAt.getTime() + offsetMs);
  const firstOfFollowingMonth = Date.UTC(
    local.getUTCFullYear(),
    local.getUTCMonth() + policy.expiryMonths + 1,
    1,
  );
  return new Date(firstOfFollowingMonth - offsetMs);
}

/** When pending points of a purchase made at `purchasedAt` become available. */
export function releaseOf(purchasedAt: Date, policy: Pick<LedgerPolicy, 'returnWindowDays'>): Date {
  return new Date(purchasedAt.getTime() + policy.returnWindowDays * DAY_MS);
}

/** The mall-local calendar day of an instant, as YYYY-MM-DD (for per-day caps). */
export function localDay(at: Date, policy: Pick<LedgerPolicy, 'utcOffsetMinutes'>): string {
  return new Date(at.getTime() + policy.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The UTC instants bounding a mall-local month `YYYY-MM`: [start, end). */
export function monthBounds(
  month: string,
  policy: Pick<LedgerPolicy, 'utcOffsetMinutes'>,
): { start: Date; end: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  const [year, mon] = [Number(match[1]), Number(match[2])];
  const offsetMs = policy.utcOffsetMinutes * 60_000;
  return {
    start: new Date(Date.UTC(year, mon - 1, 1) - offsetMs),
    end: new Date(Date.UTC(year, mon, 1) - offsetMs),
  };
}

/** The UTC instants bounding the mall-local day containing `at`: [start, end). */
export function dayBounds(
  at: Date,
  policy: Pick<LedgerPolicy, 'utcOffsetMinutes'>,
): { start: Date; end: Date } {
  const offsetMs = policy.utcOffsetMinutes * 60_000;
  const local = at.getTime() + offsetMs;
  const start = Math.floor(local / DAY_MS) * DAY_MS - offsetMs;
  return { start: new Date(start), end: new Date(start + DAY_MS) };
}
