import {
  DEFAULT_TIME_ZONE,
  dayBounds as mallDayBounds,
  endOfMonthsAfter,
  localDay as mallLocalDay,
  monthBounds as mallMonthBounds,
  type Bounds,
} from '@atrium/kernel';

/**
 * The mall's ledger policy. Its days, months and expiry dates are the mall's own: local to the
 * mall's IANA time zone (MALL_TIME_ZONE of the process), so a zone with daylight saving gets its
 * 23- and 25-hour days where they fall.
 */
export interface LedgerPolicy {
  /** Points expire at the end of the N-th calendar month after the month they were earned in. */
  expiryMonths: number;
  /** Days after a purchase during which a return is expected; earned points stay pending until then. */
  returnWindowDays: number;
  /** Members are warned this many days before a lot expires. */
  expiryWarningDays: number;
  /** The mall's IANA time zone (MALL_TIME_ZONE; not stored with the policy). */
  timeZone: string;
}

export const DEFAULT_LEDGER_POLICY: LedgerPolicy = Object.freeze({
  expiryMonths: 12,
  returnWindowDays: 7,
  expiryWarningDays: 30,
  timeZone: DEFAULT_TIME_ZONE,
});

const DAY_MS = 86_400_000;

/**
 * When points earned at `earnedAt` expire: the first instant after the end of the
 * `expiryMonths`-th month after the earning month, in the mall's time zone. Earned on
 * 2026-03-15 (Shanghai) with 12 months → expire at 2027-04-01T00:00+08:00.
 */
export function expiryOf(earnedAt: Date, policy: Pick<LedgerPolicy, 'expiryMonths' | 'timeZone'>): Date {
  return endOfMonthsAfter(earnedAt, policy.expiryMonths, policy.timeZone);
}

/** When pending points of a purchase made at `purchasedAt` become available. */
export function releaseOf(purchasedAt: Date, policy: Pick<LedgerPolicy, 'returnWindowDays'>): Date {
  return new Date(purchasedAt.getTime() + policy.returnWindowDays * DAY_MS);
}

/** The mall-local calendar day of an instant, as YYYY-MM-DD (for per-day caps). */
export function localDay(at: Date, policy: Pick<LedgerPolicy, 'timeZone'>): string {
  return mallLocalDay(at, policy.timeZone);
}

/** The UTC instants bounding a mall-local month `YYYY-MM`: [start, end). */
export function monthBounds(month: string, policy: Pick<LedgerPolicy, 'timeZone'>): Bounds {
  return mallMonthBounds(month, policy.timeZone);
}

/** The UTC instants bounding the mall-local day containing `at`: [start, end). */
export function dayBounds(at: Date, policy: Pick<LedgerPolicy, 'timeZone'>): Bounds {
  return mallDayBounds(at, policy.timeZone);
}
