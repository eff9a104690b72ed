import { describe, expect, it } from '@jest/globals';
import { addTicketNote, getTicket } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { member, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { GetTicketQuery } from '../../queries/get-ticket/get-ticket.query.js';
import { AddTicketNoteUseCase } from './add-ticket-note.usecase.js';

describe('add a note', () => {
  it('an internal note is kept from the member’s view, and its history row is internal', async () => {
    const h = ticketsHarness();
    const customer = member();
    const opened = await h.open({}, customer);
    await new AddTicketNoteUseCase(h.work).execute(
      staff(),
      request(addTicketNote, { number: opened.number, visibility: 'INTERNAL', text: 'camera 4 shows it' }),
    );
    const get = new GetTicketQuery(h.tickets, h.views);
    expect(
      (await get.execute(staff(), request(getTicket, { number: opened.number }))).notes.map((n) => n.text),
    ).toEqual(['camera 4 shows it']);
    const seen = await get.execute(customer, request(getTicket, { number: opened.number }));
    expect(seen.notes).toEqual([]);
    expect(seen.history.map((x) => x.action)).toEqual(['OPENED']);
  });

  it('a public note is seen by the member; members themselves do not write notes (they do not work tickets)', async () => {
    const h = ticketsHarness();
    const customer = member();
    const opened = await h.open({}, customer);
    const useCase = new AddTicketNoteUseCase(h.work);
    const view = await useCase.execute(
      staff(),
      request(addTicketNote, { number: opened.number, visibility: 'PUBLIC', text: 'a space is free on B2' }),
    );
    expect(view.notes.map((n) => [n.visibility, n.text, n.authorKind, n.authorId])).toEqual([
      ['PUBLIC', 'a space is free on B2', 'staff', 'staff-frontline'],
    ]);
    const seen = await new GetTicketQuery(h.tickets, h.views).execute(
      customer,
      request(getTicket, { number: opened.number }),
    );
    expect(seen.notes.map((n) => n.text)).toEqual(['a space is free on B2']);
    await expect(
      useCase.execute(
        customer,
        request(addTicketNote, { number: opened.number, visibility: 'PUBLIC', text: 'x' }),
      ),
    ).rejects.toMatchObject({ code: TicketsErrorCode.ACCESS_DENIED });
  });
});
