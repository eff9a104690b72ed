import { compensationGranted, ticketCompensationGranted } from '@atrium/contracts';
import type { OutboxWriter } from '@atrium/messaging';
import type { TicketState } from '../../domain/ticket.js';
import type { CompensationRepository } from '../compensation.repository.js';
import { ticketRef } from '../ticket-events.js';
import type { CompensationRow } from '../ticket-record.js';

/**
 * A compensation becomes GRANTED: saved, the event for everyone, and for points the message the
 * members ledger credits once (its posting waits as PENDING for the ledger's answer).
 */
export async function grantCompensation(
  repo: CompensationRepository,
  outbox: OutboxWriter,
  ticket: TicketState,
  row: CompensationRow,
  actorId: string,
  now: Date,
): Promise<void> {
  row.status = 'GRANTED';
  row.grantedAt = now;
  if (row.kind === 'POINTS') row.posting = 'PENDING';
  await repo.update(row);
  await outbox.add(
    ticketCompensationGranted,
    { ...ticketRef(ticket, actorId, now), compensationId: row.id, kind: row.kind, amount: row.amount },
    ticket.id,
  );
  if (row.kind === 'POINTS' && ticket.memberId) {
    await outbox.add(
      compensationGranted,
      {
        compensationId: row.id,
        memberId: ticket.memberId,
        ticketId: ticket.id,
        points: row.amount,
        reason: row.reason.slice(0, 500),
      },
      ticket.memberId,
    );
  }
}
