import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SLA_POLICIES } from './sla-policy.js';
import { Ticket, type TicketOpening } from './ticket.js';
import { TicketsErrorCode } from './tickets.errors.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const opening: TicketOpening = {
  id: 't-1',
  number: 'TK-20260302-000001',
  category: 'PARKING',
  severity: 'MEDIUM',
  channel: 'APP',
  memberId: 'm-1',
  memberTier: null,
  contactName: null,
  contactPhone: null,
  tenantId: null,
  storeId: null,
  floor: null,
  zone: null,
  description: 'No free spaces.',
  occurredAt: null,
  customerConfirmed: false,
  department: 'OPERATIONS',
  policy: DEFAULT_SLA_POLICIES[1]!,
  calendarVersion: 0,
};
const kinds = (t: Ticket) =>
  t
    .pullChanges()
    .map((c) =>
      c.kind === 'history' ? c.entry.action : c.kind === 'event' ? `event:${c.event.type}` : c.kind,
    );

describe('the Ticket aggregate', () => {
  it('records its changes in the order they happen, and hands each over once', () => {
    const t = Ticket.open(opening, NOW);
    t.acknowledge(later(1_000), 'On it.', 'note-1');
    t.pause(later(2_000), 'WAITING_ON_CUSTOMER');
    t.resolve(later(3_000), 'CAPACITY', null);
    expect(kinds(t)).toEqual([
      'OPENED',
      'ACKNOWLEDGE',
      'note',
      'NOTE_ADDED',
      'event:ACKNOWLEDGED',
      'pause-started',
      'PAUSED',
      'RESOLVE',
      'pause-ended',
      'RESUMED',
      'event:RESOLVED',
    ]);
    expect(t.pullChanges()).toEqual([]);
    expect([t.state.status, t.state.firstResponseAt, t.state.resolvedAt, t.state.pausedSince]).toEqual([
      'RESOLVED',
      later(1_000),
      later(3_000),
      null,
    ]);
  });

  it('a breach escalates one level, automatically, until the top; a warning never does', () => {
    const t = Ticket.open(opening, NOW);
    const breach = {
      target: 'FIRST_RESPONSE' as const,
      kind: 'BREACH' as const,
      cycle: 0,
      targetDueAt: later(30_000),
    };
    expect(t.slaDeadlineFired({ ...breach, kind: 'WARNING' })).toBe('WARNING');
    expect(t.state.level).toBe('FRONTLINE');
    expect([t.slaDeadlineFired(breach), t.slaDeadlineFired(breach), t.slaDeadlineFired(breach)]).toEqual([
      'BREACH+ESCALATION',
      'BREACH+ESCALATION',
      'BREACH+ESCALATION',
    ]);
    expect(t.slaDeadlineFired(breach)).toBe('BREACH');
    expect(t.state.level).toBe('SENIOR_MANAGER');
    const escalated = t
      .pullChanges()
      .flatMap((c) => (c.kind === 'event' && c.event.type === 'ESCALATED' ? [c.event] : []));
    expect(
      escalated.map((e) => [
        e.type === 'ESCALATED' && e.fromLevel,
        e.level,
        e.type === 'ESCALATED' && e.automatic,
      ]),
    ).toEqual([
      ['FRONTLINE', 'SUPERVISOR', true],
      ['SUPERVISOR', 'MANAGER', true],
      ['MANAGER', 'SENIOR_MANAGER', true],
    ]);
  });

  it('a deadline applies only to an open ticket in its cycle whose target is not met', () => {
    const t = Ticket.open(opening, NOW);
    const warning = {
      target: 'FIRST_RESPONSE' as const,
      kind: 'WARNING' as const,
      cycle: 0,
      targetDueAt: later(30_000),
    };
    expect(t.deadlineApplies(warning)).toBe(true);
    expect(t.deadlineApplies({ ...warning, cycle: 1 })).toBe(false);
    t.acknowledge(later(1_000), null, 'note-1');
    expect(t.deadlineApplies(warning)).toBe(false);
  });

  it('a closed ticket is neither escalated nor paused, and reopening after the window is refused', () => {
    const t = Ticket.open(opening, NOW);
    t.acknowledge(later(1), null, 'n');
    t.resolve(later(2), 'X', null);
    t.close(later(3));
    expect(() => t.escalate(null, 'OTHER', { comment: null })).toThrow(
      expect.objectContaining({ code: TicketsErrorCode.ILLEGAL_TRANSITION }),
    );
    expect(() => t.pause(later(4), 'WAITING_ON_PARTS')).toThrow(
      expect.objectContaining({ code: TicketsErrorCode.ILLEGAL_TRANSITION }),
    );
    expect(() => t.reopen(later(8 * 86_400_000), 'again', 7, null)).toThrow(
      expect.objectContaining({ code: TicketsErrorCode.REOPEN_WINDOW_CLOSED }),
    );
    t.reopen(later(86_400_000), 'again', 7, null);
    expect([t.state.status, t.state.slaCycle, t.state.clockStartedAt, t.state.slaPolicy]).toEqual([
      'REOPENED',
      1,
      later(86_400_000),
      opening.policy,
    ]);
  });
});
