import { addCountedTime, type BusinessCalendar, type ClockKind, type Pause } from '@atrium/kernel';

export const CHANNELS = [
  'APP',
  'MINI_PROGRAM',
  'KIOSK',
  'SERVICE_DESK',
  'HOTLINE',
  'COMMENT_CARD',
  'SOCIAL',
  'FEEDBACK_AUTO',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Live channels: someone is waiting on the line or at the desk. */
export const LIVE_CHANNELS: readonly Channel[] = ['APP', 'MINI_PROGRAM', 'KIOSK', 'SERVICE_DESK', 'HOTLINE'];

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a policy is chosen by. */
export interface SlaFacts {
  category: string;
  severity: Severity;
  channel: Channel;
  /** The member's tier code, null for anonymous tickets. */
  memberTier: string | null;
}

/** A criterion left empty matches anything. */
export interface SlaMatch {
  categories?: readonly string[];
  severities?: readonly Severity[];
  channels?: readonly Channel[];
  tiers?: readonly string[];
}

export interface SlaPolicy {
  code: string;
  name: string;
  /** Lower first: the first matching policy in this order applies. */
  position: number;
  match: SlaMatch;
  clock: ClockKind;
  firstResponseMs: number;
  planMs: number;
  resolutionMs: number;
  /** Share of a target after which a warning fires (default 0.8). */
  warnRatio: number;
}

export const DEFAULT_WARN_RATIO = 0.8;

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

/** Defaults from the domain brief; VIP tiers first so they win over the general policies. */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicy[] = [
  {
    code: 'VIP_LIVE',
    name: 'VIP members on live channels',
    position: 10,
    match: { tiers: ['GOLD', 'BLACK_CARD'], channels: LIVE_CHANNELS },
    clock: 'CALENDAR',
    firstResponseMs: 30 * S,
    planMs: 30 * MIN,
    resolutionMs: 12 * H,
    warnRatio: DEFAULT_WARN_RATIO,
  },
  {
    code: 'LIVE',
    name: 'Live channels',
    position: 100,
    match: { channels: LIVE_CHANNELS },
    clock: 'CALENDAR',
    firstResponseMs: 30 * S,
    planMs: H,
    resolutionMs: 24 * H,
    warnRatio: DEFAULT_WARN_RATIO,
  },
  {
    code: 'FEEDBACK',
    name: 'Written feedback (comment cards, social, automatic feedback)',
    position: 200,
    match: {},
    clock: 'BUSINESS',
    firstResponseMs: 2 * H,
    planMs: H + 2 * H,
    resolutionMs: 24 * H,
    warnRatio: DEFAULT_WARN_RATIO,
  },
];

const includes = <T>(list: readonly T[] | undefined, value: T | null) =>
  !list || list.length === 0 || (value !== null && list.includes(value));

export function policyMatches(policy: SlaPolicy, facts: SlaFacts): boolean {
  const m = policy.match;
  return (
    includes(m.categories, facts.category) &&
    includes(m.severities, facts.severity) &&
    includes(m.channels, facts.channel) &&
    includes(m.tiers, facts.memberTier)
  );
}

/** The first policy (by position, then code) whose every criterion matches; null if none. */
export function selectPolicy(policies: readonly SlaPolicy[], facts: SlaFacts): SlaPolicy | null {
  const ordered = [...policies].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
  return ordered.find((p) => policyMatches(p, facts)) ?? null;
}

export const SLA_TARGETS = ['FIRST_RESPONSE', 'PLAN', 'RESOLUTION'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** One target's warning and due instants; null while the clock is paused. */
export interface TargetTimes {
  warnAt: number | null;
  dueAt: number | null;
}

export type SlaTargets = Record<SlaTarget, TargetTimes>;

export function targetDurationMs(policy: SlaPolicy, target: SlaTarget): number {
  switch (target) {
    case 'FIRST_RESPONSE':
      return policy.firstResponseMs;
    case 'PLAN':
      return policy.planMs;
    case 'RESOLUTION':
      return policy.resolutionMs;
  }
}

/**
 * The targets of a ticket whose clock started at `startedAt` (opening, or the latest reopening:
 * a reopened ticket gets fresh targets from then). Pauses before `startedAt` do not count.
 */
export function computeTargets(
  policy: SlaPolicy,
  startedAt: number,
  calendar: BusinessCalendar,
  pauses: readonly Pause[] = [],
): SlaTargets {
  const relevant = pauses.filter((p) => p.end === null || p.end > startedAt);
  const at = (ms: number) => addCountedTime(startedAt, ms, policy.clock, calendar, relevant);
  const times = (target: SlaTarget): TargetTimes => {
    const ms = targetDurationMs(policy, target);
    return { warnAt: at(Math.round(ms * policy.warnRatio)), dueAt: at(ms) };
  };
  return { FIRST_RESPONSE: times('FIRST_RESPONSE'), PLAN: times('PLAN'), RESOLUTION: times('RESOLUTION') };
}

/** Checks a policy's numbers; returns the first problem or null. */
export function policyProblem(p: SlaPolicy): string | null {
  if (!/^[A-Z0-9_]{2,40}$/.test(p.code)) return 'code must be 2–40 characters A–Z, 0–9 or _';
  for (const [name, ms] of [
    ['firstResponseMs', p.firstResponseMs],
    ['planMs', p.planMs],
    ['resolutionMs', p.resolutionMs],
  ] as const) {
    if (!Number.isInteger(ms) || ms <= 0) return `${name} must be a positive number of milliseconds`;
  }
  if (!(p.warnRatio > 0 && p.warnRatio < 1)) return 'warnRatio must be between 0 and 1 (exclusive)';
  return null;
}
