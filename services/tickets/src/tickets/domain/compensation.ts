import { LEVELS, levelRank, type Level } from './ticket-lifecycle.js';

export const COMPENSATION_KINDS = [
  'POINTS',
  'COUPON',
  'GIFT_CARD',
  'REFUND',
  'EXTRA_SERVICE',
  'APOLOGY',
] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

export const COMPENSATION_STATUSES = ['PENDING_APPROVAL', 'GRANTED', 'REJECTED'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

/**
 * Approval limits per level and kind, as data. POINTS in points; COUPON, GIFT_CARD and REFUND
 * in fen; EXTRA_SERVICE and APOLOGY carry no amount. Null = no limit (senior management).
 */
export const APPROVAL_LIMITS: Record<Level, Record<CompensationKind, number | null>> = {
  FRONTLINE: {
    POINTS: 200,
    COUPON: 5_000,
    GIFT_CARD: 5_000,
    REFUND: 10_000,
    EXTRA_SERVICE: null,
    APOLOGY: null,
  },
  SUPERVISOR: {
    POINTS: 1_000,
    COUPON: 20_000,
    GIFT_CARD: 20_000,
    REFUND: 50_000,
    EXTRA_SERVICE: null,
    APOLOGY: null,
  },
  MANAGER: {
    POINTS: 5_000,
    COUPON: 100_000,
    GIFT_CARD: 100_000,
    REFUND: 200_000,
    EXTRA_SERVICE: null,
    APOLOGY: null,
  },
  SENIOR_MANAGER: {
    POINTS: null,
    COUPON: null,
    GIFT_CARD: null,
    REFUND: null,
    EXTRA_SERVICE: null,
    APOLOGY: null,
  },
};

export function withinLimit(level: Level, kind: CompensationKind, amount: number): boolean {
  const limit = APPROVAL_LIMITS[level][kind];
  return limit === null || amount <= limit;
}

/** The lowest level whose limit covers the amount: who must approve a grant above the actor's limit. */
export function approvingLevel(kind: CompensationKind, amount: number): Level {
  return LEVELS.find((l) => withinLimit(l, kind, amount)) ?? 'SENIOR_MANAGER';
}

/** A staff member at `actor` may approve a pending grant when its level covers the amount. */
export function mayApprove(actor: Level, kind: CompensationKind, amount: number): boolean {
  return levelRank(actor) >= levelRank(approvingLevel(kind, amount));
}
