import { describe, expect, it } from '@jest/globals';
import { atLeast, hasAtLeast, levelsUpTo, nextLevel, staffLevelOf } from './staff.js';

describe('the staff ladder', () => {
  it.each([
    ['FRONTLINE', ['FRONTLINE', 'SUPERVISOR', 'MANAGER', 'SENIOR_MANAGER', 'ADMIN']],
    ['MANAGER', ['MANAGER', 'SENIOR_MANAGER', 'ADMIN']],
    ['ADMIN', ['ADMIN']],
  ] as const)('atLeast(%s) is %j', (role, roles) => {
    expect(atLeast(role)).toEqual(roles);
  });

  it.each([
    [['FRONTLINE'], 'SUPERVISOR', false],
    [['FRONTLINE', 'MANAGER'], 'SUPERVISOR', true],
    [['ADMIN'], 'SENIOR_MANAGER', true],
    [['member'], 'FRONTLINE', false],
    [[], 'FRONTLINE', false],
  ] as const)('roles %j at least %s: %s', (roles, role, answer) => {
    expect(hasAtLeast(roles, role)).toBe(answer);
  });

  it.each([
    [['FRONTLINE'], 'FRONTLINE', ['FRONTLINE']],
    [['SUPERVISOR', 'FRONTLINE'], 'SUPERVISOR', ['FRONTLINE', 'SUPERVISOR']],
    [['ADMIN'], 'SENIOR_MANAGER', ['FRONTLINE', 'SUPERVISOR', 'MANAGER', 'SENIOR_MANAGER']],
    [['tickets:write'], null, []],
  ] as const)('roles %j reach level %s and see %j', (roles, level, seen) => {
    expect(staffLevelOf(roles)).toBe(level);
    expect(levelsUpTo(roles)).toEqual(seen);
  });

  it('escalates one level at a time up to senior management', () => {
    expect([nextLevel('FRONTLINE'), nextLevel('MANAGER'), nextLevel('SENIOR_MANAGER')]).toEqual([
      'SUPERVISOR',
      'SENIOR_MANAGER',
      null,
    ]);
  });
});
