import { describe, it, expect } from '@jest/globals';
import { approvingLevel, mayApprove, withinLimit, type CompensationKind } from './compensation.js';
import type { Level } from './ticket-lifecycle.js';

describe('compensation approval limits per level', () => {
  const cases: { level: Level; kind: CompensationKind; amount: number; within: boolean }[] = [
    { level: 'FRONTLINE', kind: 'POINTS', amount: 200, within: true },
    { level: 'FRONTLINE', kind: 'POINTS', amount: 201, within: false },
    { level: 'SUPERVISOR', kind: 'POINTS', amount: 1_000, within: true },
    { level: 'SUPERVISOR', kind: 'POINTS', amount: 1_001, within: false },
    { level: 'MANAGER', kind: 'POINTS', amount: 5_000, within: true },
    { level: 'MANAGER', kind: 'POINTS', amount: 5_001, within: false },
    { level: 'SENIOR_MANAGER', kind: 'POINTS', amount: 1_000_000, within: true },
    { level: 'FRONTLINE', kind: 'APOLOGY', amount: 0, within: true },
    { level: 'FRONTLINE', kind: 'REFUND', amount: 10_001, within: false },
  ];
  it.each(cases)('$level granting $amount $kind: within limit=$within', ({ level, kind, amount, within }) => {
    expect(withinLimit(level, kind, amount)).toBe(within);
  });

  it('the approving level is the lowest whose limit covers the amount', () => {
    expect(approvingLevel('POINTS', 150)).toBe('FRONTLINE');
    expect(approvingLevel('POINTS', 800)).toBe('SUPERVISOR');
    expect(approvingLevel('POINTS', 3_000)).toBe('MANAGER');
    expect(approvingLevel('POINTS', 5_001)).toBe('SENIOR_MANAGER');
  });

  it('frontline cannot approve 500 points; a supervisor can; a supervisor cannot approve 2,000', () => {
    expect(mayApprove('FRONTLINE', 'POINTS', 500)).toBe(false);
    expect(mayApprove('SUPERVISOR', 'POINTS', 500)).toBe(true);
    expect(mayApprove('SUPERVISOR', 'POINTS', 2_000)).toBe(false);
  });
});
