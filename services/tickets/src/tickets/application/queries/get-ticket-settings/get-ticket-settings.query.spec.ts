import { describe, expect, it } from '@jest/globals';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { InMemorySettings, member, staff } from '../../../testing/in-memory-tickets.js';
import { GetTicketSettingsQuery } from './get-ticket-settings.query.js';

describe('get the ticket settings', () => {
  it('staff read the calendar Monday first, the windows, the VIP tiers and the approval limits', async () => {
    const view = await new GetTicketSettingsQuery(new InMemorySettings()).execute(staff());
    expect(view).toEqual({
      timeZone: 'Asia/Shanghai',
      timeZoneSource: 'ENVIRONMENT',
      openingHours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map(
        (weekday) => ({
          weekday,
          open: '10:00',
          close: '22:00',
        }),
      ),
      holidays: [],
      reopenWindowDays: 7,
      patternThreshold: 3,
      patternWindowDays: 30,
      vipTiers: ['GOLD', 'BLACK_CARD'],
      approvalLimits: [
        {
          level: 'FRONTLINE',
          POINTS: 200,
          COUPON: 5_000,
          GIFT_CARD: 5_000,
          REFUND: 10_000,
          EXTRA_SERVICE: null,
          APOLOGY: null,
        },
        {
          level: 'SUPERVISOR',
          POINTS: 1_000,
          COUPON: 20_000,
          GIFT_CARD: 20_000,
          REFUND: 50_000,
          EXTRA_SERVICE: null,
          APOLOGY: null,
        },
        {
          level: 'MANAGER',
          POINTS: 5_000,
          COUPON: 100_000,
          GIFT_CARD: 100_000,
          REFUND: 200_000,
          EXTRA_SERVICE: null,
          APOLOGY: null,
        },
        {
          level: 'SENIOR_MANAGER',
          POINTS: null,
          COUPON: null,
          GIFT_CARD: null,
          REFUND: null,
          EXTRA_SERVICE: null,
          APOLOGY: null,
        },
      ],
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: null,
    });
  });

  it('members do not', async () => {
    await expect(new GetTicketSettingsQuery(new InMemorySettings()).execute(member())).rejects.toMatchObject({
      code: TicketsErrorCode.ACCESS_DENIED,
    });
  });
});
