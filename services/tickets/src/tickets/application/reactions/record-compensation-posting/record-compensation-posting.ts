import { Injectable } from '@nestjs/common';
import type { compensationPosted, EventPayload } from '@atrium/contracts';
import { TicketJournal } from '../../ticket-journal.repository.js';
import { CompensationRepository } from '../../compensation.repository.js';

/** The members service, which posts points compensations to the ledger. */
export const LEDGER_ACTOR = 'members.ledger';

/**
 * Shows on the ticket what the members ledger did with a points compensation: when it was
 * posted (and to which entry and member) or why it was refused. Runs in the inbox transaction;
 * only a compensation still PENDING changes, so a second delivery of the answer, or a second
 * answer for the same compensation, leaves the ticket as it is.
 */
@Injectable()
export class RecordCompensationPosting {
  constructor(
    private readonly journal: TicketJournal,
    private readonly compensations: CompensationRepository,
  ) {}

  /** True when the answer changed the ticket. */
  async handle(event: EventPayload<typeof compensationPosted>): Promise<boolean> {
    const postedAt = new Date(event.postedAt);
    const settled = await this.compensations.settlePosting({
      compensationId: event.compensationId,
      outcome: event.outcome,
      postedAt,
      ledgerEntryId: event.entryId,
      creditedMemberId: event.creditedMemberId,
      refusal: event.refusal,
    });
    if (!settled) return false;
    await this.journal.addHistory(settled.ticketId, {
      at: postedAt,
      actorKind: 'system',
      actorId: LEDGER_ACTOR,
      action: event.outcome === 'POSTED' ? 'COMPENSATION_POSTED' : 'COMPENSATION_REFUSED',
      fromStatus: null,
      toStatus: null,
      // A refusal is for staff to sort out; the member sees the points arrive.
      internal: event.outcome === 'REFUSED',
      detail: {
        compensationId: event.compensationId,
        points: event.points,
        ...(event.outcome === 'POSTED'
          ? { entryId: event.entryId, creditedMemberId: event.creditedMemberId }
          : { refusal: event.refusal }),
      },
    });
    return true;
  }
}
