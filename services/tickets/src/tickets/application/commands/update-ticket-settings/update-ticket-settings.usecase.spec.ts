import { describe, expect, it } from '@jest/globals';
import { updateTicketSettings } from '@atrium/contracts';
import { TicketsErrorCode } from '../../../domain/tickets.errors.js';
import {
  directTransactions,
  FIXED_NOW,
  FixedClock,
  InMemorySettings,
  request,
  staff,
} from '../../../testing/in-memory-tickets.js';
import { UpdateTicketSettingsUseCase } from './update-ticket-settings.usecase.js';

const admin = staff(['ADMIN'], 'staff-admin');
const manager = staff(['MANAGER'], 'staff-manager');
const setup = () => {
  const settings = new InMemorySettings();
  return {
    settings,
    useCase: new UpdateTicketSettingsUseCase(directTransactions, settings, new FixedClock()),
  };
};

describe('update the ticket settings', () => {
  it('the approval limits start as before: 200 / 1,000 / 5,000 points and no limit for senior management', async () => {
    const { useCase } = setup();
    const view = await useCase.execute(manager, request(updateTicketSettings, { reopenWindowDays: 7 }));
    expect(view.approvalLimits.map((l) => [l.level, l.POINTS, l.REFUND, l.APOLOGY])).toEqual([
      ['FRONTLINE', 200, 10_000, null],
      ['SUPERVISOR', 1_000, 50_000, null],
      ['MANAGER', 5_000, 200_000, null],
      ['SENIOR_MANAGER', null, null, null],
    ]);
  });

  it('an administrator raises the manager’s points limit; the other kinds and levels stay', async () => {
    const { settings, useCase } = setup();
    const view = await useCase.execute(
      admin,
      request(updateTicketSettings, { approvalLimits: [{ level: 'MANAGER', POINTS: 8_000 }] }),
    );
    expect(view.approvalLimits[2]).toEqual({
      level: 'MANAGER',
      POINTS: 8_000,
      COUPON: 100_000,
      GIFT_CARD: 100_000,
      REFUND: 200_000,
      EXTRA_SERVICE: null,
      APOLOGY: null,
    });
    expect([
      settings.current.approvalLimits.SUPERVISOR.POINTS,
      settings.current.updatedBy,
      settings.current.updatedAt,
    ]).toEqual([1_000, 'staff-admin', FIXED_NOW]);
  });

  it('a manager may change the calendar but not the approval limits', async () => {
    const { settings, useCase } = setup();
    await expect(
      useCase.execute(
        manager,
        request(updateTicketSettings, { approvalLimits: [{ level: 'FRONTLINE', POINTS: 300 }] }),
      ),
    ).rejects.toMatchObject({ code: TicketsErrorCode.LEVEL_TOO_LOW });
    expect(settings.current.approvalLimits.FRONTLINE.POINTS).toBe(200);
  });

  it('a level that may grant less than the one below is refused naming approvalLimits.MANAGER, and nothing changes', async () => {
    const { settings, useCase } = setup();
    await expect(
      useCase.execute(
        admin,
        request(updateTicketSettings, {
          reopenWindowDays: 3,
          approvalLimits: [{ level: 'MANAGER', POINTS: 900 }],
        }),
      ),
    ).rejects.toMatchObject({
      code: TicketsErrorCode.INVALID_INPUT,
      field: 'approvalLimits.MANAGER',
      message:
        "approvalLimits.MANAGER: POINTS: 900 is below SUPERVISOR's 1000; a higher level may grant at least as much",
    });
    expect([settings.current.approvalLimits.MANAGER.POINTS, settings.current.reopenWindowDays]).toEqual([
      5_000, 7,
    ]);
  });

  it('a level listed twice is refused naming it', async () => {
    const { useCase } = setup();
    await expect(
      useCase.execute(
        admin,
        request(updateTicketSettings, {
          approvalLimits: [
            { level: 'FRONTLINE', POINTS: 100 },
            { level: 'FRONTLINE', COUPON: 1 },
          ],
        }),
      ),
    ).rejects.toMatchObject({ field: 'approvalLimits.FRONTLINE' });
  });

  it('a holiday bumps the calendar version (open tickets are re-planned); the reopen window does not', async () => {
    const { settings, useCase } = setup();
    await useCase.execute(manager, request(updateTicketSettings, { reopenWindowDays: 3 }));
    expect(settings.current.calendarVersion).toBe(0);
    const view = await useCase.execute(
      manager,
      request(updateTicketSettings, { holidays: ['2026-10-01', '2026-05-01', '2026-10-01'] }),
    );
    expect([view.holidays, settings.current.calendarVersion]).toEqual([['2026-05-01', '2026-10-01'], 1]);
  });
});
