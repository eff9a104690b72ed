import { describe, expect, it } from '@jest/globals';
import { upsertTicketCategory } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import {
  FixedClock,
  InMemoryCategories,
  member,
  request,
  staff,
} from '../../../testing/in-memory-tickets.js';
import { UpsertTicketCategoryUseCase } from './upsert-ticket-category.usecase.js';

describe('upsert a ticket category', () => {
  it('a manager deactivates a category: it stays, out of the active list', async () => {
    const categories = new InMemoryCategories();
    const view = await new UpsertTicketCategoryUseCase(categories, new FixedClock()).execute(
      staff(['MANAGER']),
      request(upsertTicketCategory, {
        code: 'PARKING',
        name: 'Parking',
        department: 'OPERATIONS',
        position: 40,
        active: false,
      }),
    );
    expect(view).toEqual({
      code: 'PARKING',
      name: 'Parking',
      nameZh: null,
      department: 'OPERATIONS',
      position: 40,
      active: false,
    });
    expect((await categories.list(false)).map((c) => c.code)).toEqual(['PRODUCT_QUALITY', 'REPAIR', 'OTHER']);
    expect((await categories.list(true)).map((c) => c.code)).toEqual([
      'PRODUCT_QUALITY',
      'PARKING',
      'REPAIR',
      'OTHER',
    ]);
  });

  it('members may not change the taxonomy', async () => {
    await expect(
      new UpsertTicketCategoryUseCase(new InMemoryCategories(), new FixedClock()).execute(
        member(),
        request(upsertTicketCategory, {
          code: 'PETS',
          name: 'Pets',
          department: 'CUSTOMER_SERVICE',
          position: 1,
        }),
      ),
    ).rejects.toMatchObject({ code: TicketsErrorCode.ACCESS_DENIED });
  });
});
