import { describe, it, expect } from '@jest/globals';
import { DEFAULT_CALENDAR } from '@atrium/kernel';
import {
  computeTargets,
  DEFAULT_SLA_POLICIES,
  policyProblem,
  selectPolicy,
  type SlaFacts,
  type SlaPolicy,
} from './sla-policy.js';

const H = 3600_000;
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const critical: SlaPolicy = {
  code: 'SAFETY_CRITICAL',
  name: 'Critical safety issues',
  position: 5,
  match: { categories: ['SAFETY'], severities: ['CRITICAL'] },
  clock: 'CALENDAR',
  firstResponseMs: 10_000,
  planMs: 15 * 60_000,
  resolutionMs: 4 * H,
  warnRatio: 0.5,
};
const policies = [...DEFAULT_SLA_POLICIES, critical];

describe('SLA policy selection: the first match by position on category, severity, channel and tier', () => {
  const base: SlaFacts = {
    category: 'SERVICE_ATTITUDE',
    severity: 'MEDIUM',
    channel: 'APP',
    memberTier: null,
  };
  const cases: { name: string; facts: Partial<SlaFacts>; expected: string }[] = [
    {
      name: 'a GOLD member on the app gets the tighter VIP policy',
      facts: { memberTier: 'GOLD' },
      expected: 'VIP_LIVE',
    },
    {
      name: 'a BLACK_CARD member at the service desk gets the VIP policy',
      facts: { memberTier: 'BLACK_CARD', channel: 'SERVICE_DESK' },
      expected: 'VIP_LIVE',
    },
    {
      name: 'a tier the ladder does not have is not VIP',
      facts: { memberTier: 'DIAMOND' },
      expected: 'LIVE',
    },
    {
      name: 'a SILVER member on the app gets the live policy',
      facts: { memberTier: 'SILVER' },
      expected: 'LIVE',
    },
    {
      name: 'an anonymous caller on the hotline gets the live policy',
      facts: { channel: 'HOTLINE' },
      expected: 'LIVE',
    },
    {
      name: 'a GOLD member’s comment card is not live: feedback policy',
      facts: { memberTier: 'GOLD', channel: 'COMMENT_CARD' },
      expected: 'FEEDBACK',
    },
    { name: 'a social post gets the feedback policy', facts: { channel: 'SOCIAL' }, expected: 'FEEDBACK' },
    {
      name: 'a critical safety issue wins over VIP (lower position)',
      facts: { category: 'SAFETY', severity: 'CRITICAL', memberTier: 'GOLD' },
      expected: 'SAFETY_CRITICAL',
    },
    {
      name: 'a high (not critical) safety issue falls through to live',
      facts: { category: 'SAFETY', severity: 'HIGH' },
      expected: 'LIVE',
    },
  ];
  it.each(cases)('$name', ({ facts, expected }) => {
    expect(selectPolicy(policies, { ...base, ...facts })?.code).toBe(expected);
  });

  it('no policy matches when every policy is restricted elsewhere', () => {
    expect(selectPolicy([critical], base)).toBeNull();
  });
});

describe('SLA targets with warning thresholds', () => {
  const live = DEFAULT_SLA_POLICIES.find((p) => p.code === 'LIVE')!;
  const feedback = DEFAULT_SLA_POLICIES.find((p) => p.code === 'FEEDBACK')!;

  it('live channel: first response due after 30 s, warned at 80% (24 s); plan 1 h; resolution 24 h', () => {
    const targets = computeTargets(live, t('2026-11-23T03:00:00Z'), DEFAULT_CALENDAR);
    expect(iso(targets.FIRST_RESPONSE.warnAt)).toBe('2026-11-23T03:00:24.000Z');
    expect(iso(targets.FIRST_RESPONSE.dueAt)).toBe('2026-11-23T03:00:30.000Z');
    expect(iso(targets.PLAN.warnAt)).toBe('2026-11-23T03:48:00.000Z');
    expect(iso(targets.PLAN.dueAt)).toBe('2026-11-23T04:00:00.000Z');
    expect(iso(targets.RESOLUTION.dueAt)).toBe('2026-11-24T03:00:00.000Z');
  });

  it('feedback counts business hours: a card at 21:00 Shanghai (mall closes 22:00) is due 11:00 next day', () => {
    const targets = computeTargets(feedback, t('2026-11-23T21:00:00+08:00'), DEFAULT_CALENDAR);
    expect(iso(targets.FIRST_RESPONSE.dueAt)).toBe(iso(t('2026-11-24T11:00:00+08:00')));
    // 80% of 2 h = 96 min: 60 min on the evening, 36 min after opening.
    expect(iso(targets.FIRST_RESPONSE.warnAt)).toBe(iso(t('2026-11-24T10:36:00+08:00')));
  });

  it('a reopened ticket gets fresh targets from the reopening, not an instant breach', () => {
    const openedAt = t('2026-11-23T03:00:00Z');
    const reopenedAt = t('2026-11-26T12:00:00Z');
    const pauses = [{ start: openedAt + H, end: openedAt + 2 * H }];
    const original = computeTargets(live, openedAt, DEFAULT_CALENDAR, pauses);
    const fresh = computeTargets(live, reopenedAt, DEFAULT_CALENDAR, pauses);
    expect(original.RESOLUTION.dueAt! < reopenedAt).toBe(true);
    expect(iso(fresh.FIRST_RESPONSE.dueAt)).toBe('2026-11-26T12:00:30.000Z');
    expect(iso(fresh.RESOLUTION.dueAt)).toBe('2026-11-27T12:00:00.000Z');
  });

  it('while paused the due times are unknown; warnings that fall before the pause stay known', () => {
    const start = t('2026-11-23T03:00:00Z');
    const targets = computeTargets(live, start, DEFAULT_CALENDAR, [
      { start: start + 10 * 60_000, end: null },
    ]);
    expect(iso(targets.FIRST_RESPONSE.dueAt)).toBe('2026-11-23T03:00:30.000Z');
    expect(targets.PLAN.dueAt).toBeNull();
    expect(targets.RESOLUTION.warnAt).toBeNull();
  });

  it('policy numbers are checked', () => {
    expect(policyProblem(live)).toBeNull();
    expect(policyProblem({ ...live, warnRatio: 1 })).toMatch(/warnRatio/);
    expect(policyProblem({ ...live, planMs: 0 })).toMatch(/planMs/);
    expect(policyProblem({ ...live, code: 'bad code' })).toMatch(/code/);
  });
});
