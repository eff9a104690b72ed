import { STAFF_LEVELS, levelRank, nextLevel, staffLevelOf, type StaffLevel } from '@atrium/kernel';
import { TicketsError, TicketsErrorCode } from './tickets.errors.js';

export const TICKET_STATUSES = [
  'OPEN',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'PROPOSED',
  'RESOLVED',
  'CLOSED',
  'REOPENED',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A ticket's level is a rung of the staff ladder (the kernel's FRONTLINE … SENIOR_MANAGER). */
export const LEVELS = STAFF_LEVELS;
export type Level = StaffLevel;

/** What moves a ticket from one status to another. Notes, assignment and escalation keep the status. */
export const TICKET_ACTIONS = [
  'ACKNOWLEDGE',
  'START_WORK',
  'PROPOSE',
  'ACCEPT_PROPOSAL',
  'REJECT_PROPOSAL',
  'RESOLVE',
  'CLOSE',
  'REOPEN',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** The transition table: for each action, the statuses it may start from and where it leads. */
export const TICKET_TRANSITIONS: Record<TicketAction, { from: readonly TicketStatus[]; to: TicketStatus }> = {
  ACKNOWLEDGE: { from: ['OPEN', 'REOPENED'], to: 'ACKNOWLEDGED' },
  START_WORK: { from: ['ACKNOWLEDGED'], to: 'IN_PROGRESS' },
  PROPOSE: { from: ['ACKNOWLEDGED', 'IN_PROGRESS'], to: 'PROPOSED' },
  ACCEPT_PROPOSAL: { from: ['PROPOSED'], to: 'IN_PROGRESS' },
  REJECT_PROPOSAL: { from: ['PROPOSED'], to: 'IN_PROGRESS' },
  RESOLVE: { from: ['ACKNOWLEDGED', 'IN_PROGRESS'], to: 'RESOLVED' },
  CLOSE: { from: ['RESOLVED'], to: 'CLOSED' },
  REOPEN: { from: ['RESOLVED', 'CLOSED'], to: 'REOPENED' },
};

/** Statuses in which the ticket is still being worked (escalation, assignment, notes, SLA clocks). */
export const ACTIVE_STATUSES: readonly TicketStatus[] = [
  'OPEN',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'PROPOSED',
  'REOPENED',
];

export const DEFAULT_REOPEN_WINDOW_DAYS = 7;

/** The status after `action`, or a TICKET_ILLEGAL_TRANSITION error naming both. */
export function transition(status: TicketStatus, action: TicketAction): TicketStatus {
  const rule = TICKET_TRANSITIONS[action];
  if (!rule.from.includes(status)) {
    throw new TicketsError(
      TicketsErrorCode.ILLEGAL_TRANSITION,
      `a ticket in status ${status} cannot ${action.toLowerCase().replace(/_/g, ' ')}`,
    );
  }
  return rule.to;
}

/** Reopening is allowed only within the window counted from resolution. */
export function checkReopenWindow(resolvedAt: number, now: number, windowDays: number): void {
  if (now - resolvedAt > windowDays * 24 * 3600 * 1000) {
    throw new TicketsError(
      TicketsErrorCode.REOPEN_WINDOW_CLOSED,
      `a ticket can be reopened only within ${windowDays} days of its resolution`,
    );
  }
}

export { levelRank, nextLevel };

/** Escalation only goes up: a target at or below the current level is refused. */
export function escalate(current: Level, target: Level | null): Level {
  const to = target ?? nextLevel(current);
  if (!to) {
    throw new TicketsError(
      TicketsErrorCode.DEESCALATION_NOT_ALLOWED,
      'the ticket is already at the top level',
    );
  }
  if (levelRank(to) <= levelRank(current)) {
    throw new TicketsError(
      TicketsErrorCode.DEESCALATION_NOT_ALLOWED,
      `a ${current} ticket cannot go to ${to}: escalation only goes up`,
    );
  }
  return to;
}

/** The highest ticket level a staff member's roles reach (ADMIN counts as senior management); null for none. */
export const staffLevel = staffLevelOf;

/** Only staff at or above the ticket's level may work it. */
export function checkStaffMayWork(roles: readonly string[], ticketLevel: Level): Level {
  const level = staffLevel(roles);
  if (!level || levelRank(level) < levelRank(ticketLevel)) {
    throw new TicketsError(
      TicketsErrorCode.LEVEL_TOO_LOW,
      `this ticket is at level ${ticketLevel}; staff at ${level ?? 'no level'} cannot work it`,
    );
  }
  return level;
}

export const ESCALATION_REASONS = [
  'CUSTOMER_ASKED_SUPERVISOR',
  'SEVERAL_DEPARTMENTS',
  'PROPOSAL_REJECTED',
  'MEDIA_SENSITIVE',
  'LEGAL_RISK',
  'COMPENSATION_ABOVE_LIMIT',
  'REPUTATION',
  'SLA_BREACH',
  'OTHER',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const DEPARTMENTS = [
  'CUSTOMER_SERVICE',
  'OPERATIONS',
  'SECURITY',
  'FACILITIES',
  'TENANT_STORE',
] as const;
export type Department = (typeof DEPARTMENTS)[number];
