import {
  ticketAcknowledged,
  ticketAssigned,
  ticketClosed,
  ticketEscalated,
  ticketProposalMade,
  ticketReopened,
  ticketResolved,
  ticketSlaBreached,
  ticketSlaWarning,
} from '@atrium/contracts';
import type { OutboxWriter } from '@atrium/messaging';
import type { TicketEvent, TicketState } from '../domain/ticket.js';

/** The fields every ticket event carries. */
export function ticketRef(t: TicketState, actorId: string, at: Date) {
  return {
    ticketId: t.id,
    number: t.number,
    memberId: t.memberId,
    tenantId: t.tenantId,
    storeId: t.storeId,
    status: t.status,
    level: t.level,
    actorId,
    occurredAt: at.toISOString(),
  };
}

/** Writes a domain event of the ticket to the outbox as its contract's message (key = ticket id). */
export async function publishTicketEvent(
  outbox: OutboxWriter,
  e: TicketEvent,
  t: TicketState,
  actorId: string,
  at: Date,
): Promise<unknown> {
  const ref = { ...ticketRef(t, actorId, at), status: e.status, level: e.level };
  switch (e.type) {
    case 'ACKNOWLEDGED':
      return outbox.add(ticketAcknowledged, ref, t.id);
    case 'ASSIGNED':
      return outbox.add(ticketAssigned, { ...ref, department: e.department, assigneeId: e.assigneeId }, t.id);
    case 'ESCALATED':
      return outbox.add(
        ticketEscalated,
        { ...ref, fromLevel: e.fromLevel, reason: e.reason, automatic: e.automatic },
        t.id,
      );
    case 'PROPOSAL_MADE':
      return outbox.add(ticketProposalMade, { ...ref, proposal: e.proposal }, t.id);
    case 'RESOLVED':
      return outbox.add(ticketResolved, { ...ref, rootCause: e.rootCause }, t.id);
    case 'CLOSED':
      return outbox.add(ticketClosed, ref, t.id);
    case 'REOPENED':
      return outbox.add(ticketReopened, { ...ref, reason: e.reason }, t.id);
    case 'SLA_WARNING':
      return outbox.add(ticketSlaWarning, { ...ref, target: e.target, dueAt: e.dueAt }, t.id);
    case 'SLA_BREACHED':
      return outbox.add(ticketSlaBreached, { ...ref, target: e.target, dueAt: e.dueAt }, t.id);
    default:
      return unreachable(e);
  }
}

function unreachable(e: never): never {
  throw new Error(`unpublished ticket event ${JSON.stringify(e)}`);
}
