import type { TicketActor } from './ticket-access.policy.js';
import { LEVELS, levelRank, staffLevel, type Level } from './ticket-lifecycle.js';

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
 * What each level may grant without approval, per kind. POINTS in points; COUPON, GIFT_CARD
 * and REFUND in fen; EXTRA_SERVICE and APOLOGY carry no amount. Null = no limit.
 */
export type ApprovalLimits = Record<Level, Record<CompensationKind, number | null>>;

/** The limits until an administrator changes them (ticket settings). */
export const DEFAULT_APPROVAL_LIMITS: ApprovalLimits = {
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

export function withinLimit(
  level: Level,
  kind: CompensationKind,
  amount: number,
  limits: ApprovalLimits = DEFAULT_APPROVAL_LIMITS,
): boolean {
  const limit = limits[level][kind];
  return limit === null || amount <= limit;
}

/** The lowest level whose limit covers the amount: who must approve a grant above the actor's limit. */
export function approvingLevel(
  kind: CompensationKind,
  amount: number,
  limits: ApprovalLimits = DEFAULT_APPROVAL_LIMITS,
): Level {
  return LEVELS.find((l) => withinLimit(l, kind, amount, limits)) ?? 'SENIOR_MANAGER';
}

/** A staff member at `actor` may approve a pending grant when its level covers the amount. */
export function mayApprove(
  actor: Level,
  kind: CompensationKind,
  amount: number,
  limits: ApprovalLimits = DEFAULT_APPROVAL_LIMITS,
): boolean {
  return levelRank(actor) >= levelRank(approvingLevel(kind, amount, limits));
}

/** The level whose limits apply to an actor granting or approving (the system acts as senior management). */
export const compensatorLevel = (actor: TicketActor): Level =>
  actor.kind === 'system' ? 'SENIOR_MANAGER' : (staffLevel(actor.roles) ?? 'FRONTLINE');

/** A change of the limits: per level, the kinds given (absent ones stay). */
export type ApprovalLimitsChange = Partial<Record<Level, Partial<Record<CompensationKind, number | null>>>>;

/** The limits after a change. */
export function changeApprovalLimits(current: ApprovalLimits, change: ApprovalLimitsChange): ApprovalLimits {
  return Object.fromEntries(
    LEVELS.map((level) => [level, { ...current[level], ...(change[level] ?? {}) }]),
  ) as ApprovalLimits;
}

/**
 * What is wrong with a set of limits, naming the level at fault (`approvalLimits.<LEVEL>`): an
 * amount that is not a whole number at least 0, or a level that may grant less than the level
 * below it (null, no limit, is the most). Null when they hold.
 */
export function approvalLimitsProblem(limits: ApprovalLimits): { field: string; problem: string } | null {
  for (const [i, level] of LEVELS.entries()) {
    const field = `approvalLimits.${level}`;
    for (const kind of COMPENSATION_KINDS) {
      const limit = limits[level][kind];
      if (limit !== null && (!Number.isInteger(limit) || limit < 0)) {
        return { field, problem: `${kind}: ${limit} is not a whole amount of at least 0` };
      }
      const below = i > 0 ? limits[LEVELS[i - 1]!][kind] : undefined;
      if (below !== undefined && (below === null ? limit !== null : limit !== null && limit < below)) {
        return {
          field,
          problem: `${kind}: ${limit ?? 'no limit'} is below ${LEVELS[i - 1]}'s ${below ?? 'no limit'}; a higher level may grant at least as much`,
        };
      }
    }
  }
  return null;
}
