import { describe, expect, it } from '@jest/globals';
import { levelsSeenBy, renderAlert } from './staff-alert.js';

describe('who sees a ticket alert: staff at or above its level', () => {
  it.each([
    [['FRONTLINE'], ['FRONTLINE']],
    [['SUPERVISOR'], ['FRONTLINE', 'SUPERVISOR']],
    [['MANAGER'], ['FRONTLINE', 'SUPERVISOR', 'MANAGER']],
    [
      ['FRONTLINE', 'MANAGER'],
      ['FRONTLINE', 'SUPERVISOR', 'MANAGER'],
    ],
    [['SENIOR_MANAGER'], ['FRONTLINE', 'SUPERVISOR', 'MANAGER', 'SENIOR_MANAGER']],
    [['ADMIN'], ['FRONTLINE', 'SUPERVISOR', 'MANAGER', 'SENIOR_MANAGER']],
    [[], []],
    [['CASHIER'], []],
  ])('roles %j see alerts of %j', (roles, levels) => expect(levelsSeenBy(roles)).toEqual(levels));
});

describe('alert texts, Simplified Chinese first', () => {
  it('a breach names the target and its due time', () =>
    expect(
      renderAlert('SLA_BREACHED', {
        number: 'TK-20261122-000123',
        level: 'SUPERVISOR',
        target: 'FIRST_RESPONSE',
        dueAt: '2026-11-22T02:00:30.000Z',
      }),
    ).toEqual({
      title: 'SLA 已超时 · SLA breached: TK-20261122-000123',
      body: '首次响应已超过时限 2026-11-22T02:00:30.000Z。 The first response target was due at 2026-11-22T02:00:30.000Z.',
    }));

  it('an escalation names both levels and the reason', () =>
    expect(
      renderAlert('ESCALATED', {
        number: 'TK-20261122-000123',
        level: 'MANAGER',
        fromLevel: 'SUPERVISOR',
        reason: 'SLA_BREACH',
      }).title,
    ).toBe('工单升级 · Escalated to MANAGER: TK-20261122-000123'));
});
