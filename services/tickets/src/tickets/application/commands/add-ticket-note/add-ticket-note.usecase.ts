import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { addTicketNote, TicketView, ValidatedRequest } from '@atrium/contracts';
import { checkWork, seesInternal, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketWork } from '../../ticket-work.js';

/** A note on the ticket: PUBLIC for the customer too, INTERNAL for staff only (written by staff only). */
@Injectable()
export class AddTicketNoteUseCase {
  constructor(private readonly work: TicketWork) {}

  execute(actor: TicketActor, r: ValidatedRequest<typeof addTicketNote>): Promise<TicketView> {
    return this.work.change(
      actor,
      r.number,
      (t) => checkWork(actor, t),
      ({ ticket }) => ticket.addNote(uuidv7(), r.visibility, r.text, seesInternal(actor)),
    );
  }
}
