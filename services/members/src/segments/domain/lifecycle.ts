import type { LIFECYCLE_STAGES } from '@atrium/contracts';

export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export interface LifecycleSettings {
  /** A member registered within this many days, with fewer than two purchases, is NEW. */
  newDays: number;
  /** Last purchase within this many days: ACTIVE. */
  activeDays: number;
  /** Last purchase within this many days (but not activeDays): AT_RISK; beyond, LAPSED. */
  lapsedDays: number;
}

export interface Activity {
  registeredAt: Date;
  lastPurchaseAt: Date | null;
  /** Purchases in the last 365 days. */
  purchasesLastYear: number;
}

const DAY_MS = 86_400_000;

/**
 * Recency and frequency to a stage: NEW while recently registered with fewer than two purchases;
 * then ACTIVE (last purchase ≤ activeDays ago), AT_RISK (≤ lapsedDays), LAPSED (older, or
 * never bought once the new period is over). Boundaries are inclusive.
 */
export function lifecycleStage(settings: LifecycleSettings, activity: Activity, now: Date): LifecycleStage {
  const days = (at: Date) => (now.getTime() - at.getTime()) / DAY_MS;
  if (days(activity.registeredAt) <= settings.newDays && activity.purchasesLastYear < 2) return 'NEW';
  if (!activity.lastPurchaseAt) return 'LAPSED';
  const recency = days(activity.lastPurchaseAt);
  if (recency <= settings.activeDays) return 'ACTIVE';
  if (recency <= settings.lapsedDays) return 'AT_RISK';
  return 'LAPSED';
}
