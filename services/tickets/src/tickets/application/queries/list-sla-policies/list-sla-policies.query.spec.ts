import { describe, expect, it } from '@jest/globals';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { InMemoryPolicies, member, staff } from '../../../testing/in-memory-tickets.js';
import { ListSlaPoliciesQuery } from './list-sla-policies.query.js';

describe('list SLA policies', () => {
  it('staff read the policies in matching order, in seconds', async () => {
    const { items } = await new ListSlaPoliciesQuery(new InMemoryPolicies()).execute(staff());
    expect(
      items.map((p) => [p.code, p.firstResponseSeconds, p.planSeconds, p.resolutionSeconds, p.clock]),
    ).toEqual([
      ['VIP_LIVE', 30, 1_800, 43_200, 'CALENDAR'],
      ['LIVE', 30, 3_600, 86_400, 'CALENDAR'],
      ['FEEDBACK', 7_200, 10_800, 86_400, 'BUSINESS'],
    ]);
  });

  it('members do not', async () => {
    await expect(new ListSlaPoliciesQuery(new InMemoryPolicies()).execute(member())).rejects.toMatchObject({
      code: TicketsErrorCode.ACCESS_DENIED,
    });
  });
});
