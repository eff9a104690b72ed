import { describe, expect, it } from '@jest/globals';
import { listTicketCategories } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { anonymous, InMemoryCategories, request, staff } from '../../../testing/in-memory-tickets.js';
import { ListTicketCategoriesQuery } from './list-ticket-categories.query.js';

describe('list ticket categories', () => {
  it('anyone reads the active ones in display order; only staff ask for the inactive ones too', async () => {
    const categories = new InMemoryCategories();
    await categories.upsert({ ...(await categories.get('PARKING'))!, active: false });
    const query = new ListTicketCategoriesQuery(categories);
    expect(
      (await query.execute(anonymous, request(listTicketCategories, {}))).items.map((c) => c.code),
    ).toEqual(['PRODUCT_QUALITY', 'REPAIR', 'OTHER']);
    expect(
      (await query.execute(staff(), request(listTicketCategories, { includeInactive: true }))).items,
    ).toHaveLength(4);
    await expect(
      query.execute(anonymous, request(listTicketCategories, { includeInactive: true })),
    ).rejects.toMatchObject({
      code: TicketsErrorCode.NOT_SIGNED_IN,
    });
  });
});
