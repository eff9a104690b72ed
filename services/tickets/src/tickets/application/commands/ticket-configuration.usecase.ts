import { Inject, Injectable } from '@nestjs/common';
import type {
  getTicketSettings,
  listTicketCategories,
  OperationResponse,
  updateTicketSettings,
  upsertTicketCategory,
  ValidatedRequest,
} from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { calendarProblem } from '../../domain/business-calendar.js';
import { checkManagePolicies, checkStaff, type TicketActor } from '../../domain/ticket-access.policy.js';
import {
  isTimeZone,
  normalizeHolidays,
  openingDaysOf,
  weekdaysFromOpeningDays,
} from '../../domain/ticket-settings.js';
import { invalidInput } from '../../domain/tickets.errors.js';
import { SettingsRepository } from '../settings.repository.js';
import { CategoryRepository } from '../category.repository.js';
import type { SettingsChange, TicketCategory, TicketSettings } from '../ticket-record.js';

type SettingsView = OperationResponse<typeof getTicketSettings>;

export function toSettingsView(s: TicketSettings): SettingsView {
  return {
    timeZone: s.calendar.timeZone,
    timeZoneSource: s.timeZoneSource,
    openingHours: openingDaysOf(s.calendar),
    holidays: [...s.calendar.holidays],
    reopenWindowDays: s.reopenWindowDays,
    patternThreshold: s.patternThreshold,
    patternWindowDays: s.patternWindowDays,
    vipTiers: [...s.vipTiers],
    updatedAt: s.updatedAt.toISOString(),
    updatedBy: s.updatedBy,
  };
}

/**
 * The category taxonomy and the calendar/settings as data: anyone reads the active categories
 * (the complaint form needs them), staff read the settings, managers and above change both.
 */
@Injectable()
export class TicketConfigurationUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly stored: SettingsRepository,
    private readonly taxonomy: CategoryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async categories(
    actor: TicketActor,
    r: ValidatedRequest<typeof listTicketCategories>,
  ): Promise<OperationResponse<typeof listTicketCategories>> {
    if (r.includeInactive) checkStaff(actor);
    return { items: await this.taxonomy.list(r.includeInactive ?? false) };
  }

  async upsertCategory(
    actor: TicketActor,
    r: ValidatedRequest<typeof upsertTicketCategory>,
  ): Promise<OperationResponse<typeof upsertTicketCategory>> {
    checkManagePolicies(actor, 'ticket categories');
    const category: TicketCategory = {
      code: r.code,
      name: r.name,
      nameZh: r.nameZh ?? null,
      department: r.department,
      position: r.position,
      active: r.active ?? true,
    };
    await this.taxonomy.upsert(category, this.clock.now(), actor.id);
    return category;
  }

  async settings(actor: TicketActor): Promise<SettingsView> {
    checkStaff(actor);
    return toSettingsView(await this.stored.get());
  }

  async updateSettings(
    actor: TicketActor,
    r: ValidatedRequest<typeof updateTicketSettings>,
  ): Promise<SettingsView> {
    checkManagePolicies(actor, 'the calendar and ticket settings');
    const change: SettingsChange = {};
    if (r.timeZone !== undefined) {
      if (r.timeZone !== null && !isTimeZone(r.timeZone)) {
        throw invalidInput(
          'timeZone',
          `${r.timeZone} is not a time zone; use an IANA name such as Asia/Shanghai`,
        );
      }
      change.timeZone = r.timeZone;
    }
    if (r.openingHours !== undefined) {
      const parsed = weekdaysFromOpeningDays(r.openingHours);
      if ('problem' in parsed) throw invalidInput(parsed.field, parsed.problem);
      change.weekdays = parsed.weekdays;
    }
    if (r.holidays !== undefined) change.holidays = normalizeHolidays(r.holidays);
    if (r.reopenWindowDays !== undefined) change.reopenWindowDays = r.reopenWindowDays;
    if (r.patternThreshold !== undefined) change.patternThreshold = r.patternThreshold;
    if (r.patternWindowDays !== undefined) change.patternWindowDays = r.patternWindowDays;
    if (r.vipTiers !== undefined) change.vipTiers = [...new Set(r.vipTiers)];
    return this.tx.run(async () => {
      await this.stored.update(change, this.clock.now(), actor.id);
      const after = await this.stored.get();
      // The checks above name the field; this one guards the whole calendar as stored.
      const problem = calendarProblem(after.calendar);
      if (problem) throw invalidInput('openingHours', problem);
      return toSettingsView(after);
    });
  }
}
