import { describe, expect, it } from '@jest/globals';
import { grantCompensation } from '@atrium/contracts';
import { member, request, staff, ticketsHarness } from '../../../testing/in-memory-tickets.js';
import { GrantCompensationUseCase } from '../../commands/grant-compensation/grant-compensation.usecase.js';
import { RecordCompensationPosting } from './record-compensation-posting.js';

describe('record the ledger’s answer for a points compensation', () => {
  it('a POSTED answer is recorded once, with one public history row; a repeated answer changes nothing', async () => {
    const h = ticketsHarness();
    const opened = await h.open({}, member());
    const view = await new GrantCompensationUseCase(h.work, h.compensations, h.outbox).execute(
      staff(),
      request(grantCompensation, { number: opened.number, kind: 'POINTS', amount: 100, reason: 'x' }),
    );
    const compensationId = view.compensations[0]!.id;
    const reaction = new RecordCompensationPosting(h.journal, h.compensations);
    const answer = {
      compensationId,
      ticketId: opened.id,
      memberId: opened.memberId!,
      points: 100,
      outcome: 'POSTED' as const,
      entryId: '0190a000-0000-7000-8000-00000000e001',
      creditedMemberId: opened.memberId,
      refusal: null,
      postedAt: '2026-03-02T02:00:05.000Z',
    };
    expect(await reaction.handle(answer)).toBe(true);
    expect(
      await reaction.handle({ ...answer, outcome: 'REFUSED', refusal: 'MEMBER_DELETED', entryId: null }),
    ).toBe(false);
    expect(h.compensations.rows.map((c) => [c.posting, c.postedAt?.toISOString(), c.ledgerEntryId])).toEqual([
      ['POSTED', '2026-03-02T02:00:05.000Z', answer.entryId],
    ]);
    const history = await h.journal.history(opened.id);
    expect(
      history.filter((x) => x.action.startsWith('COMPENSATION_P') || x.action === 'COMPENSATION_REFUSED'),
    ).toEqual([
      expect.objectContaining({ action: 'COMPENSATION_POSTED', internal: false, actorId: 'members.ledger' }),
    ]);
  });
});
