/**
 * The Ticket aggregate: a ticket's state and every transition it may take. Each transition
 * checks its rules (ticket-lifecycle.ts), changes the state and records what happened, in
 * order, as changes: history entries, notes, pauses of the SLA clock and domain events. The
 * application writes the changes in that order and saves the state, in one transaction.
 * Escalation, manual or automatic on an SLA breach, is written here once.
 */
import type { Channel, Severity, SlaPolicy, SlaTarget } from './sla-policy.js';
import {
  ACTIVE_STATUSES,
  checkReopenWindow,
  escalate,
  nextLevel,
  transition,
  type Department,
  type EscalationReason,
  type Level,
  type TicketAction,
  type TicketStatus,
} from './ticket-lifecycle.js';
import { TicketsError, TicketsErrorCode } from './tickets.errors.js';

export type SlaState = 'ON_TRACK' | 'WARNING' | 'BREACHED' | 'PAUSED' | 'MET';

/** A ticket's state; instants are Dates. */
export interface TicketState {
  id: string;
  number: string;
  status: TicketStatus;
  level: Level;
  category: string;
  severity: Severity;
  channel: Channel;
  memberId: string | null;
  memberTier: string | null;
  contactName: string | null;
  contactPhone: string | null;
  tenantId: string | null;
  storeId: string | null;
  floor: string | null;
  zone: string | null;
  description: string;
  occurredAt: Date | null;
  customerConfirmed: boolean;
  department: string | null;
  assigneeId: string | null;
  slaPolicyCode: string | null;
  /** The policy as it was when the ticket was opened or last reopened (null on rows older than the snapshot). */
  slaPolicy: SlaPolicy | null;
  /** The calendar version the targets were planned with. */
  calendarVersion: number;
  slaState: SlaState;
  slaCycle: number;
  clockStartedAt: Date;
  firstResponseAt: Date | null;
  planAt: Date | null;
  nextDueAt: Date | null;
  due: Record<SlaTarget, { warnAt: Date | null; dueAt: Date | null }>;
  pausedSince: Date | null;
  pauseReason: string | null;
  proposal: string | null;
  proposalStatus: 'PENDING' | 'ACCEPTED' | 'REJECTED' | null;
  rootCause: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopenedAt: Date | null;
  updatedAt: Date;
}

/** One row of the ticket's history, without who and when (the application adds them). */
export interface HistoryEntry {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  internal: boolean;
  detail: Record<string, unknown>;
}

export type NoteVisibility = 'INTERNAL' | 'PUBLIC';

/** What other services learn of; `status` and `level` are the ticket's when it happened. */
export type TicketEvent = { status: TicketStatus; level: Level } & (
  | { type: 'ACKNOWLEDGED' }
  | { type: 'ASSIGNED'; department: string | null; assigneeId: string | null }
  | { type: 'ESCALATED'; fromLevel: Level; reason: EscalationReason; automatic: boolean }
  | { type: 'PROPOSAL_MADE'; proposal: string }
  | { type: 'RESOLVED'; rootCause: string }
  | { type: 'CLOSED' }
  | { type: 'REOPENED'; reason: string }
  | { type: 'SLA_WARNING'; target: SlaTarget; dueAt: string }
  | { type: 'SLA_BREACHED'; target: SlaTarget; dueAt: string }
);

/** Something that happened to the ticket, in the order it happened. */
export type TicketChange =
  | { kind: 'history'; entry: HistoryEntry }
  | { kind: 'note'; note: { id: string; visibility: NoteVisibility; text: string } }
  | { kind: 'pause-started'; at: Date; reason: string }
  | { kind: 'pause-ended'; at: Date }
  | { kind: 'event'; event: TicketEvent };

/** A due SLA deadline as the scheduler hands it to the ticket. */
export interface SlaDeadline {
  target: SlaTarget;
  kind: 'WARNING' | 'BREACH';
  cycle: number;
  /** When the target itself falls due (a warning fires before it). */
  targetDueAt: Date;
}

/** Whether a target has been met in the current SLA cycle (when, or null). */
export function targetMet(t: TicketState, target: SlaTarget): Date | null {
  switch (target) {
    case 'FIRST_RESPONSE':
      return t.firstResponseAt;
    case 'PLAN':
      return t.planAt;
    case 'RESOLUTION':
      return t.resolvedAt && t.resolvedAt >= t.clockStartedAt ? t.resolvedAt : null;
  }
}

export const isActive = (status: TicketStatus) => ACTIVE_STATUSES.includes(status);

/** What opening a ticket needs: the reported facts as the state names them, its first department and its policy. */
export type TicketOpening = Pick<
  TicketState,
  | 'id'
  | 'number'
  | 'category'
  | 'severity'
  | 'channel'
  | 'memberId'
  | 'memberTier'
  | 'contactName'
  | 'contactPhone'
  | 'tenantId'
  | 'storeId'
  | 'floor'
  | 'zone'
  | 'description'
  | 'occurredAt'
  | 'customerConfirmed'
  | 'calendarVersion'
> & { department: Department; policy: SlaPolicy };

export class Ticket {
  private pending: TicketChange[] = [];

  private constructor(private readonly s: TicketState) {}

  /** The ticket as stored. */
  static restore(state: TicketState): Ticket {
    return new Ticket(state);
  }

  /** A new ticket: OPEN at the front line, its SLA clock started now. */
  static open(o: TicketOpening, now: Date): Ticket {
    const t = new Ticket({
      id: o.id,
      number: o.number,
      status: 'OPEN',
      level: 'FRONTLINE',
      category: o.category,
      severity: o.severity,
      channel: o.channel,
      memberId: o.memberId,
      memberTier: o.memberTier,
      contactName: o.contactName,
      contactPhone: o.contactPhone,
      tenantId: o.tenantId,
      storeId: o.storeId,
      floor: o.floor,
      zone: o.zone,
      description: o.description,
      occurredAt: o.occurredAt,
      customerConfirmed: o.customerConfirmed,
      department: o.department,
      assigneeId: null,
      slaPolicyCode: o.policy.code,
      slaPolicy: o.policy,
      calendarVersion: o.calendarVersion,
      slaState: 'ON_TRACK',
      slaCycle: 0,
      clockStartedAt: now,
      firstResponseAt: null,
      planAt: null,
      nextDueAt: null,
      due: {
        FIRST_RESPONSE: { warnAt: null, dueAt: null },
        PLAN: { warnAt: null, dueAt: null },
        RESOLUTION: { warnAt: null, dueAt: null },
      },
      pausedSince: null,
      pauseReason: null,
      proposal: null,
      proposalStatus: null,
      rootCause: null,
      openedAt: now,
      resolvedAt: null,
      closedAt: null,
      reopenedAt: null,
      updatedAt: now,
    });
    t.record({
      action: 'OPENED',
      fromStatus: null,
      toStatus: 'OPEN',
      detail: {
        channel: o.channel,
        category: o.category,
        severity: o.severity,
        slaPolicy: o.policy.code,
        department: o.department,
      },
    });
    return t;
  }

  /** The state, for the SLA planner and the repositories (the planner writes its targets into it). */
  get state(): TicketState {
    return this.s;
  }

  get id(): string {
    return this.s.id;
  }

  get isActive(): boolean {
    return isActive(this.s.status);
  }

  /** The changes recorded since the last call, in order; the list starts empty again. */
  pullChanges(): TicketChange[] {
    const changes = this.pending;
    this.pending = [];
    return changes;
  }

  /** A history entry of something done to the ticket from outside its own transitions (after-sales, compensation). */
  record(
    e: Omit<HistoryEntry, 'internal' | 'detail'> & Partial<Pick<HistoryEntry, 'internal' | 'detail'>>,
  ): void {
    this.pending.push({ kind: 'history', entry: { internal: false, detail: {}, ...e } });
  }

  private raise(event: DistributiveOmit<TicketEvent, 'status' | 'level'>): void {
    this.pending.push({
      kind: 'event',
      event: { ...event, status: this.s.status, level: this.s.level } as TicketEvent,
    });
  }

  private move(action: TicketAction, detail: Record<string, unknown> = {}): void {
    const from = this.s.status;
    this.s.status = transition(from, action);
    this.record({ action, fromStatus: from, toStatus: this.s.status, detail });
  }

  /** Refuses work that only an open ticket takes (assignment, escalation, pauses). */
  mustBeActive(what: string): void {
    if (!this.isActive) {
      throw new TicketsError(
        TicketsErrorCode.ILLEGAL_TRANSITION,
        `a ticket in status ${this.s.status} cannot ${what}`,
      );
    }
  }

  /** The first response; a message goes to the customer as a public note (with id `noteId`). */
  acknowledge(now: Date, message: string | null, noteId: string): void {
    this.move('ACKNOWLEDGE', message ? { message } : {});
    this.s.firstResponseAt ??= now;
    if (message) this.addNote(noteId, 'PUBLIC', message, true);
    this.raise({ type: 'ACKNOWLEDGED' });
  }

  assign(department: Department | null, assigneeId: string | null): void {
    this.mustBeActive('be assigned');
    const before = { department: this.s.department, assigneeId: this.s.assigneeId };
    if (department) this.s.department = department;
    if (assigneeId) this.s.assigneeId = assigneeId;
    this.record({
      action: 'ASSIGNED',
      fromStatus: null,
      toStatus: null,
      detail: { before, after: { department: this.s.department, assigneeId: this.s.assigneeId } },
    });
    this.raise({ type: 'ASSIGNED', department: this.s.department, assigneeId: this.s.assigneeId });
  }

  /**
   * Raises the level: to `to`, or one level up when null. Escalation only goes up. A manual
   * escalation carries the person's comment; an automatic one (SLA breach) the target breached.
   */
  escalate(
    to: Level | null,
    reason: EscalationReason,
    by: { comment: string | null } | { automaticOn: SlaTarget },
  ): void {
    this.mustBeActive('be escalated');
    const from = this.s.level;
    this.s.level = escalate(from, to);
    const automatic = 'automaticOn' in by;
    this.record({
      action: 'ESCALATED',
      fromStatus: null,
      toStatus: null,
      detail: automatic
        ? { fromLevel: from, toLevel: this.s.level, reason, automatic: true, target: by.automaticOn }
        : { fromLevel: from, toLevel: this.s.level, reason, comment: by.comment },
    });
    this.raise({ type: 'ESCALATED', fromLevel: from, reason, automatic });
  }

  /** A note; only staff (or the system) write internal ones. */
  addNote(id: string, visibility: NoteVisibility, text: string, byStaff: boolean): void {
    if (visibility === 'INTERNAL' && !byStaff) {
      throw new TicketsError(TicketsErrorCode.ACCESS_DENIED, 'only mall staff write internal notes');
    }
    this.pending.push({ kind: 'note', note: { id, visibility, text } });
    this.record({
      action: 'NOTE_ADDED',
      fromStatus: null,
      toStatus: null,
      internal: visibility === 'INTERNAL',
      detail: { noteId: id, visibility },
    });
  }

  propose(now: Date, proposal: string): void {
    this.move('PROPOSE', { proposal });
    this.s.proposal = proposal;
    this.s.proposalStatus = 'PENDING';
    this.s.planAt ??= now;
    this.raise({ type: 'PROPOSAL_MADE', proposal });
  }

  /** The customer's answer; a rejection may ask for a higher level (when there is one). */
  respond(accept: boolean, comment: string | null, escalateOnReject: boolean): void {
    this.move(accept ? 'ACCEPT_PROPOSAL' : 'REJECT_PROPOSAL', comment ? { comment } : {});
    this.s.proposalStatus = accept ? 'ACCEPTED' : 'REJECTED';
    if (!accept && escalateOnReject && nextLevel(this.s.level)) {
      this.escalate(null, 'PROPOSAL_REJECTED', { comment });
    }
  }

  resolve(now: Date, rootCause: string, summary: string | null): void {
    this.move('RESOLVE', { rootCause, summary });
    this.s.rootCause = rootCause;
    this.s.resolvedAt = now;
    if (this.s.pausedSince) this.endPause(now);
    this.raise({ type: 'RESOLVED', rootCause });
  }

  close(now: Date): void {
    this.move('CLOSE');
    this.s.closedAt = now;
    this.raise({ type: 'CLOSED' });
  }

  /** Checks that the ticket may be reopened now (status and window) without changing it. */
  checkReopen(now: Date, reopenWindowDays: number): void {
    transition(this.s.status, 'REOPEN');
    checkReopenWindow(
      (this.s.resolvedAt ?? this.s.closedAt ?? this.s.openedAt).getTime(),
      now.getTime(),
      reopenWindowDays,
    );
  }

  /**
   * Reopens within the window: a new SLA cycle with fresh targets from now, under the policy as
   * it is now (`currentPolicy`; the snapshot stays when the policy is gone).
   */
  reopen(now: Date, reason: string, reopenWindowDays: number, currentPolicy: SlaPolicy | null): void {
    this.checkReopen(now, reopenWindowDays);
    this.move('REOPEN', { reason });
    const t = this.s;
    t.slaCycle += 1;
    if (t.slaPolicyCode) t.slaPolicy = currentPolicy ?? t.slaPolicy;
    t.clockStartedAt = now;
    t.firstResponseAt = null;
    t.planAt = null;
    t.proposal = null;
    t.proposalStatus = null;
    t.closedAt = null;
    t.reopenedAt = now;
    this.raise({ type: 'REOPENED', reason });
  }

  /** Stops the SLA clock (waiting on the customer, on parts...). */
  pause(now: Date, reason: string): void {
    this.mustBeActive('be paused');
    if (this.s.pausedSince)
      throw new TicketsError(TicketsErrorCode.ALREADY_PAUSED, 'the ticket’s clock is already paused');
    this.pending.push({ kind: 'pause-started', at: now, reason });
    this.s.pausedSince = now;
    this.s.pauseReason = reason;
    this.record({ action: 'PAUSED', fromStatus: null, toStatus: null, detail: { reason } });
  }

  /** Runs the SLA clock again. */
  resume(now: Date): void {
    this.mustBeActive('be resumed');
    if (!this.s.pausedSince)
      throw new TicketsError(TicketsErrorCode.NOT_PAUSED, 'the ticket’s clock is not paused');
    this.endPause(now);
  }

  private endPause(now: Date): void {
    this.pending.push({ kind: 'pause-ended', at: now });
    this.record({
      action: 'RESUMED',
      fromStatus: null,
      toStatus: null,
      detail: { pausedSince: this.s.pausedSince?.toISOString() },
    });
    this.s.pausedSince = null;
    this.s.pauseReason = null;
  }

  /**
   * Whether a due deadline still applies: the ticket is open, in the deadline's cycle, and the
   * target is not met yet. One that no longer applies is cancelled, not fired.
   */
  deadlineApplies(d: SlaDeadline): boolean {
    return this.isActive && this.s.slaCycle === d.cycle && !targetMet(this.s, d.target);
  }

  /** A deadline fell due: a warning, or a breach that raises the ticket one level when there is one above. */
  slaDeadlineFired(d: SlaDeadline): 'WARNING' | 'BREACH' | 'BREACH+ESCALATION' {
    const dueAt = d.targetDueAt.toISOString();
    const detail = { target: d.target, dueAt, cycle: d.cycle };
    if (d.kind === 'WARNING') {
      this.record({ action: 'SLA_WARNING', fromStatus: null, toStatus: null, detail });
      this.raise({ type: 'SLA_WARNING', target: d.target, dueAt });
      return 'WARNING';
    }
    this.record({ action: 'SLA_BREACHED', fromStatus: null, toStatus: null, detail });
    this.raise({ type: 'SLA_BREACHED', target: d.target, dueAt });
    if (!nextLevel(this.s.level)) return 'BREACH';
    this.escalate(null, 'SLA_BREACH', { automaticOn: d.target });
    return 'BREACH+ESCALATION';
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
