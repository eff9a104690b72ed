/** A privilege of a tier, as data (e.g. FREE_PARKING_HOURS with value 3). */
export interface Privilege {
  code: string;
  name: string;
  value: number | null;
}

export interface TierLevel {
  code: string;
  name: string;
  /** 0 is the entry tier (threshold 0); higher is better. */
  rank: number;
  /** Qualifying amount over the window: fen of net spend (SPEND) or points earned (POINTS). */
  threshold: number;
  privileges: Privilege[];
}

export type QualifyingMetric = 'SPEND' | 'POINTS';

export interface Ladder {
  metric: QualifyingMetric;
  windowMonths: number;
  graceDays: number;
  /** Ordered by rank, entry tier first. */
  levels: TierLevel[];
}

export interface MemberTierState {
  code: string;
  graceUntil: Date | null;
}

export type TierDecision =
  | { kind: 'NONE' }
  | { kind: 'UPGRADE' | 'DOWNGRADE'; to: TierLevel; reason: string }
  | { kind: 'GRACE_STARTED'; graceUntil: Date; reason: string }
  | { kind: 'GRACE_CLEARED'; reason: string };

const DAY_MS = 86_400_000;

export function entryLevel(ladder: Ladder): TierLevel {
  const entry = ladder.levels[0];
  if (!entry) throw new Error('a tier ladder needs at least one level');
  return entry;
}

export function levelOf(ladder: Ladder, code: string): TierLevel {
  return ladder.levels.find((l) => l.code === code) ?? entryLevel(ladder);
}

/** The highest level whose threshold the amount reaches (the threshold itself qualifies). */
export function qualifyingLevel(ladder: Ladder, amount: number): TierLevel {
  let best = entryLevel(ladder);
  for (const level of ladder.levels) if (amount >= level.threshold && level.rank > best.rank) best = level;
  return best;
}

/** The next level up and how much is missing, or null at the top. */
export function nextLevel(
  ladder: Ladder,
  current: TierLevel,
  amount: number,
): { code: string; threshold: number; remaining: number } | null {
  const next = ladder.levels.find((l) => l.rank > current.rank);
  return next
    ? { code: next.code, threshold: next.threshold, remaining: Math.max(0, next.threshold - amount) }
    : null;
}

/** Start of the rolling window ending at `now` (calendar months back, UTC). */
export function windowStart(ladder: Ladder, now: Date): Date {
  const start = new Date(now.getTime());
  start.setUTCMonth(start.getUTCMonth() - ladder.windowMonths);
  return start;
}

function describe(ladder: Ladder, amount: number, level: TierLevel): string {
  const unit = ladder.metric === 'SPEND' ? 'fen spent' : 'points earned';
  return `${amount} ${unit} in ${ladder.windowMonths} months; ${level.code} needs ${level.threshold}`;
}

/**
 * After qualifying activity (a purchase): upgrade at once when the amount reaches a higher
 * level; a member in grace who qualifies again for its tier leaves grace. Never downgrades.
 */
export function decideOnActivity(ladder: Ladder, state: MemberTierState, amount: number): TierDecision {
  const current = levelOf(ladder, state.code);
  const qualified = qualifyingLevel(ladder, amount);
  if (qualified.rank > current.rank)
    return { kind: 'UPGRADE', to: qualified, reason: `qualified: ${describe(ladder, amount, qualified)}` };
  if (qualified.rank === current.rank && state.graceUntil)
    return { kind: 'GRACE_CLEARED', reason: `requalified: ${describe(ladder, amount, current)}` };
  return { kind: 'NONE' };
}

/**
 * At a scheduled review: upgrade if qualified higher; keep the tier if still qualified (ending
 * any grace); below the tier, start the grace period first, and downgrade to the level the
 * amount qualifies for only at a review once the grace has run out.
 */
export function decideAtReview(
  ladder: Ladder,
  state: MemberTierState,
  amount: number,
  now: Date,
): TierDecision {
  const current = levelOf(ladder, state.code);
  const qualified = qualifyingLevel(ladder, amount);
  if (qualified.rank > current.rank)
    return { kind: 'UPGRADE', to: qualified, reason: `qualified: ${describe(ladder, amount, qualified)}` };
  if (qualified.rank === current.rank)
    return state.graceUntil
      ? { kind: 'GRACE_CLEARED', reason: `requalified: ${describe(ladder, amount, current)}` }
      : { kind: 'NONE' };
  const shortfall = `below ${current.code}: ${describe(ladder, amount, current)}`;
  if (!state.graceUntil && ladder.graceDays > 0)
    return {
      kind: 'GRACE_STARTED',
      graceUntil: new Date(now.getTime() + ladder.graceDays * DAY_MS),
      reason: `${shortfall}; grace of ${ladder.graceDays} days`,
    };
  if (state.graceUntil && now < state.graceUntil) return { kind: 'NONE' };
  return {
    kind: 'DOWNGRADE',
    to: qualified,
    reason: `review: ${shortfall}${ladder.graceDays > 0 ? '; grace period over' : ''}`,
  };
}
