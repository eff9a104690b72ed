import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import {
  ticketAcknowledged,
  ticketAssigned,
  ticketClosed,
  ticketEscalated,
  ticketProposalMade,
  ticketReopened,
  ticketResolved,
  type TicketView,
} from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { checkCustomerAction, checkWork, type TicketActor } from '../../domain/ticket-access.policy.js';
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
} from '../../domain/ticket-lifecycle.js';
import { TicketsError, TicketsErrorCode } from '../../domain/tickets.errors.js';
import { TicketJournal } from '../ticket-journal.repository.js';
import { PauseRepository } from '../sla-pause.repository.js';
import { SlaPolicyRepository } from '../sla-policy.repository.js';
import { ticketRef } from '../ticket-events.js';
import type { TicketRecord } from '../ticket-record.js';
import { TicketWork, type WorkContext } from '../ticket-work.js';

const mustBeActive = (t: TicketRecord, what: string) => {
  if (!ACTIVE_STATUSES.includes(t.status)) {
    throw new TicketsError(
      TicketsErrorCode.ILLEGAL_TRANSITION,
      `a ticket in status ${t.status} cannot ${what}`,
    );
  }
};

/** Working a ticket: every action locks it, checks the actor, records history and re-plans its SLA. */
@Injectable()
export class WorkTicketUseCase {
  constructor(
    private readonly work: TicketWork,
    private readonly journal: TicketJournal,
    private readonly pauses: PauseRepository,
    private readonly policies: SlaPolicyRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  private async move(
    ctx: WorkContext,
    action: TicketAction,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    const from = ctx.ticket.status;
    ctx.ticket.status = transition(from, action);
    await ctx.record({ action, fromStatus: from, toStatus: ctx.ticket.status, detail });
  }

  private async raiseLevel(
    actor: TicketActor,
    ctx: WorkContext,
    to: Level | null,
    reason: EscalationReason,
    comment: string | null,
  ): Promise<void> {
    const from = ctx.ticket.level;
    ctx.ticket.level = escalate(from, to);
    await ctx.record({
      action: 'ESCALATED',
      fromStatus: null,
      toStatus: null,
      detail: { fromLevel: from, toLevel: ctx.ticket.level, reason, comment },
    });
    await this.outbox.add(
      ticketEscalated,
      { ...ticketRef(ctx.ticket, actor.id, ctx.now), fromLevel: from, reason, automatic: false },
      ctx.ticket.id,
    );
  }

  acknowledge(actor: TicketActor, number: string, message: string | null): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => checkWork(actor, t),
      async (ctx) => {
        await this.move(ctx, 'ACKNOWLEDGE', message ? { message } : {});
        ctx.ticket.firstResponseAt ??= ctx.now;
        if (message) await this.addNote(actor, ctx, 'PUBLIC', message);
        await this.outbox.add(ticketAcknowledged, ticketRef(ctx.ticket, actor.id, ctx.now), ctx.ticket.id);
      },
    );
  }

  assign(
    actor: TicketActor,
    number: string,
    department: Department | null,
    assigneeId: string | null,
  ): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => checkWork(actor, t),
      async (ctx) => {
        mustBeActive(ctx.ticket, 'be assigned');
        const before = { department: ctx.ticket.department, assigneeId: ctx.ticket.assigneeId };
        if (department) ctx.ticket.department = department;
        if (assigneeId) ctx.ticket.assigneeId = assigneeId;
        await ctx.record({
          action: 'ASSIGNED',
          fromStatus: null,
          toStatus: null,
          detail: { before, after: { department: ctx.ticket.department, assigneeId: ctx.ticket.assigneeId } },
        });
        await this.outbox.add(
          ticketAssigned,
          {
            ...ticketRef(ctx.ticket, actor.id, ctx.now),
            department: ctx.ticket.department,
            assigneeId: ctx.ticket.assigneeId,
          },
          ctx.ticket.id,
        );
      },
    );
  }

  escalate(
    actor: TicketActor,
    number: string,
    reason: EscalationReason,
    toLevel: Level | null,
    comment: string | null,
  ): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => checkWork(actor, t),
      async (ctx) => {
        mustBeActive(ctx.ticket, 'be escalated');
        await this.raiseLevel(actor, ctx, toLevel, reason, comment);
      },
    );
  }

  private async addNote(
    actor: TicketActor,
    ctx: WorkContext,
    visibility: 'INTERNAL' | 'PUBLIC',
    text: string,
  ): Promise<void> {
    if (visibility === 'INTERNAL' && actor.kind !== 'staff' && actor.kind !== 'system') {
      throw new TicketsError(TicketsErrorCode.ACCESS_DENIED, 'only mall staff write internal notes');
    }
    const id = uuidv7();
    await this.journal.addNote(ctx.ticket.id, {
      id,
      visibility,
      text,
      authorKind: actor.kind,
      authorId: actor.id,
      createdAt: ctx.now,
    });
    await ctx.record({
      action: 'NOTE_ADDED',
      fromStatus: null,
      toStatus: null,
      internal: visibility === 'INTERNAL',
      detail: { noteId: id, visibility },
    });
  }

  note(
    actor: TicketActor,
    number: string,
    visibility: 'INTERNAL' | 'PUBLIC',
    text: string,
  ): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => checkWork(actor, t),
      (ctx) => this.addNote(actor, ctx, visibility, text),
    );
  }

  propose(actor: TicketActor, number: string, proposal: string): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => checkWork(actor, t),
      async (ctx) => {
        await this.move(ctx, 'PROPOSE', { proposal });
        ctx.ticket.proposal = proposal;
        ctx.ticket.proposalStatus = 'PENDING';
        ctx.ticket.planAt ??= ctx.now;
        await this.outbox.add(
          ticketProposalMade,
          { ...ticketRef(ctx.ticket, actor.id, ctx.now), proposal },
          ctx.ticket.id,
        );
      },
    );
  }

  respond(
    actor: TicketActor,
    number: string,
    accept: boolean,
    comment: string | null,
    escalateOnReject: boolean,
  ): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => checkCustomerAction(actor, t),
      async (ctx) => {
        await this.move(ctx, accept ? 'ACCEPT_PROPOSAL' : 'REJECT_PROPOSAL', comment ? { comment } : {});
        ctx.ticket.proposalStatus = accept ? 'ACCEPTED' : 'REJECTED';
        if (!accept && escalateOnReject && nextLevel(ctx.ticket.level)) {
          await this.raiseLevel(actor, ctx, null, 'PROPOSAL_REJECTED', comment);
        }
      },
    );
  }

  resolve(
    actor: TicketActor,
    number: string,
    rootCause: string,
    summary: string | null,
  ): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => checkWork(actor, t),
      async (ctx) => {
        await this.move(ctx, 'RESOLVE', { rootCause, summary });
        ctx.ticket.rootCause = rootCause;
        ctx.ticket.resolvedAt = ctx.now;
        if (ctx.ticket.pausedSince) await this.resume(ctx);
        await this.outbox.add(
          ticketResolved,
          { ...ticketRef(ctx.ticket, actor.id, ctx.now), rootCause },
          ctx.ticket.id,
        );
      },
    );
  }

  close(actor: TicketActor, number: string): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => checkWork(actor, t),
      async (ctx) => {
        await this.move(ctx, 'CLOSE');
        ctx.ticket.closedAt = ctx.now;
        await this.outbox.add(ticketClosed, ticketRef(ctx.ticket, actor.id, ctx.now), ctx.ticket.id);
      },
    );
  }

  reopen(actor: TicketActor, number: string, reason: string): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => checkCustomerAction(actor, t),
      async (ctx) => {
        const t = ctx.ticket;
        transition(t.status, 'REOPEN');
        checkReopenWindow(
          (t.resolvedAt ?? t.closedAt ?? t.openedAt).getTime(),
          ctx.now.getTime(),
          ctx.settings.reopenWindowDays,
        );
        await this.move(ctx, 'REOPEN', { reason });
        // Fresh targets from the reopening: a new SLA cycle, under the policy as it is now.
        t.slaCycle += 1;
        if (t.slaPolicyCode) t.slaPolicy = (await this.policies.get(t.slaPolicyCode)) ?? t.slaPolicy;
        t.clockStartedAt = ctx.now;
        t.firstResponseAt = null;
        t.planAt = null;
        t.proposal = null;
        t.proposalStatus = null;
        t.closedAt = null;
        t.reopenedAt = ctx.now;
        await this.outbox.add(ticketReopened, { ...ticketRef(t, actor.id, ctx.now), reason }, t.id);
      },
    );
  }

  private async resume(ctx: WorkContext): Promise<void> {
    await this.pauses.end(ctx.ticket.id, ctx.now);
    await ctx.record({
      action: 'RESUMED',
      fromStatus: null,
      toStatus: null,
      detail: { pausedSince: ctx.ticket.pausedSince?.toISOString() },
    });
    ctx.ticket.pausedSince = null;
    ctx.ticket.pauseReason = null;
  }

  /** Pauses (reason) or resumes (null) the SLA clock. */
  pause(actor: TicketActor, number: string, reason: string | null): Promise<TicketView> {
    return this.work.change(
      actor,
      number,
      (t) => checkWork(actor, t),
      (ctx) => this.setPaused(ctx, reason),
    );
  }

  async setPaused(ctx: WorkContext, reason: string | null): Promise<void> {
    mustBeActive(ctx.ticket, reason ? 'be paused' : 'be resumed');
    if (reason) {
      if (ctx.ticket.pausedSince)
        throw new TicketsError(TicketsErrorCode.ALREADY_PAUSED, 'the ticket’s clock is already paused');
      await this.pauses.start(ctx.ticket.id, ctx.now, reason);
      ctx.ticket.pausedSince = ctx.now;
      ctx.ticket.pauseReason = reason;
      await ctx.record({ action: 'PAUSED', fromStatus: null, toStatus: null, detail: { reason } });
    } else {
      if (!ctx.ticket.pausedSince)
        throw new TicketsError(TicketsErrorCode.NOT_PAUSED, 'the ticket’s clock is not paused');
      await this.resume(ctx);
    }
  }
}
