import { describe, it, expect } from '@jest/globals';
import {
  checkReopenWindow,
  checkStaffMayWork,
  escalate,
  LEVELS,
  staffLevel,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  transition,
  type Level,
} from './ticket-lifecycle.js';
import { TicketsError, TicketsErrorCode } from './tickets.errors.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof TicketsError ? e.code : 'not a TicketsError';
  }
  return 'no error';
};

describe('ticket state machine', () => {
  it('the happy path goes OPEN → ACKNOWLEDGED → IN_PROGRESS → PROPOSED → IN_PROGRESS → RESOLVED → CLOSED → REOPENED', () => {
    let s = transition('OPEN', 'ACKNOWLEDGE');
    expect(s).toBe('ACKNOWLEDGED');
    s = transition(s, 'START_WORK');
    expect(s).toBe('IN_PROGRESS');
    s = transition(s, 'PROPOSE');
    expect(s).toBe('PROPOSED');
    s = transition(s, 'ACCEPT_PROPOSAL');
    expect(s).toBe('IN_PROGRESS');
    s = transition(s, 'RESOLVE');
    expect(s).toBe('RESOLVED');
    s = transition(s, 'CLOSE');
    expect(s).toBe('CLOSED');
    expect(transition(s, 'REOPEN')).toBe('REOPENED');
    expect(transition('REOPENED', 'ACKNOWLEDGE')).toBe('ACKNOWLEDGED');
  });

  const illegal = TICKET_STATUSES.flatMap((status) =>
    TICKET_ACTIONS.filter((action) => !TICKET_TRANSITIONS[action].from.includes(status)).map((action) => ({
      status,
      action,
    })),
  );
  it('the table leaves illegal pairs to reject', () => expect(illegal.length).toBeGreaterThan(30));
  it.each(illegal)(
    '$action from $status is rejected with TICKET_ILLEGAL_TRANSITION',
    ({ status, action }) => {
      expect(codeOf(() => transition(status, action))).toBe(TicketsErrorCode.ILLEGAL_TRANSITION);
    },
  );

  it('reopening after the window is TICKET_REOPEN_WINDOW_CLOSED; within it passes', () => {
    const day = 24 * 3600_000;
    expect(codeOf(() => checkReopenWindow(0, 7 * day + 1, 7))).toBe(TicketsErrorCode.REOPEN_WINDOW_CLOSED);
    expect(codeOf(() => checkReopenWindow(0, 7 * day, 7))).toBe('no error');
  });
});

describe('escalation levels', () => {
  it('escalation without a target goes one level up', () => {
    expect(escalate('FRONTLINE', null)).toBe('SUPERVISOR');
    expect(escalate('MANAGER', null)).toBe('SENIOR_MANAGER');
  });
  it('escalation may skip levels upwards', () => expect(escalate('FRONTLINE', 'MANAGER')).toBe('MANAGER'));

  const down = LEVELS.flatMap((from) =>
    LEVELS.filter((to) => LEVELS.indexOf(to) <= LEVELS.indexOf(from)).map((to) => ({ from, to })),
  );
  it.each(down)('$from → $to is refused (no de-escalation, no sideways move)', ({ from, to }) => {
    expect(codeOf(() => escalate(from, to))).toBe(TicketsErrorCode.DEESCALATION_NOT_ALLOWED);
  });
  it('the top level cannot escalate further', () =>
    expect(codeOf(() => escalate('SENIOR_MANAGER', null))).toBe(TicketsErrorCode.DEESCALATION_NOT_ALLOWED));

  const work: { roles: string[]; ticket: Level; ok: boolean }[] = [
    { roles: ['FRONTLINE'], ticket: 'FRONTLINE', ok: true },
    { roles: ['FRONTLINE'], ticket: 'SUPERVISOR', ok: false },
    { roles: ['SUPERVISOR'], ticket: 'SUPERVISOR', ok: true },
    { roles: ['SUPERVISOR'], ticket: 'FRONTLINE', ok: true },
    { roles: ['MANAGER'], ticket: 'SENIOR_MANAGER', ok: false },
    { roles: ['FRONTLINE', 'MANAGER'], ticket: 'MANAGER', ok: true },
    { roles: ['ADMIN'], ticket: 'SENIOR_MANAGER', ok: true },
    { roles: [], ticket: 'FRONTLINE', ok: false },
  ];
  it.each(work)('staff $roles on a $ticket ticket: allowed=$ok', ({ roles, ticket, ok }) => {
    expect(codeOf(() => checkStaffMayWork(roles, ticket))).toBe(
      ok ? 'no error' : TicketsErrorCode.LEVEL_TOO_LOW,
    );
  });
  it('the staff level is the highest of the roles', () =>
    expect(staffLevel(['FRONTLINE', 'SUPERVISOR'])).toBe('SUPERVISOR'));
});
