import { describe, expect, it } from '@jest/globals';
import { acknowledgeTicket, proposeResolution, respondToProposal, ticketEscalated } from '@atrium/contracts';
import { member, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { AcknowledgeTicketUseCase } from '../acknowledge-ticket/acknowledge-ticket.usecase.js';
import { ProposeResolutionUseCase } from '../propose-resolution/propose-resolution.usecase.js';
import { RespondToProposalUseCase } from './respond-to-proposal.usecase.js';

async function proposed() {
  const h = ticketsHarness();
  const customer = member();
  const opened = await h.open({}, customer);
  await new AcknowledgeTicketUseCase(h.work).execute(
    staff(),
    request(acknowledgeTicket, { number: opened.number }),
  );
  await new ProposeResolutionUseCase(h.work).execute(
    staff(),
    request(proposeResolution, { number: opened.number, proposal: 'A voucher.' }),
  );
  return { h, customer, number: opened.number, id: opened.id };
}

describe('respond to a proposal', () => {
  it('the member accepts: back IN_PROGRESS with the proposal ACCEPTED, no escalation', async () => {
    const { h, customer, number } = await proposed();
    const view = await new RespondToProposalUseCase(h.work).execute(
      customer,
      request(respondToProposal, { number, accept: true }),
    );
    expect([view.status, view.proposalStatus, view.level]).toEqual(['IN_PROGRESS', 'ACCEPTED', 'FRONTLINE']);
    expect(h.fakeOutbox.of(ticketEscalated)).toEqual([]);
  });

  it('a rejection asking for more goes one level up with reason PROPOSAL_REJECTED and the comment', async () => {
    const { h, customer, number, id } = await proposed();
    const view = await new RespondToProposalUseCase(h.work).execute(
      customer,
      request(respondToProposal, { number, accept: false, comment: 'not enough', escalate: true }),
    );
    expect([view.status, view.proposalStatus, view.level]).toEqual(['IN_PROGRESS', 'REJECTED', 'SUPERVISOR']);
    expect(h.journal.actions(id).slice(-2)).toEqual(['REJECT_PROPOSAL', 'ESCALATED']);
    expect((await h.journal.history(id)).at(-1)?.detail).toEqual({
      fromLevel: 'FRONTLINE',
      toLevel: 'SUPERVISOR',
      reason: 'PROPOSAL_REJECTED',
      comment: 'not enough',
    });
    expect(h.fakeOutbox.of(ticketEscalated)).toEqual([
      expect.objectContaining({ reason: 'PROPOSAL_REJECTED', automatic: false, actorId: customer.id }),
    ]);
  });
});
