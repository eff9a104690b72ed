import { Inject, Injectable } from '@nestjs/common';
import type { OperationResponse, updateTicketSettings, ValidatedRequest } from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { calendarProblem } from '@atrium/kernel';
import {
  approvalLimitsProblem,
  changeApprovalLimits,
  type ApprovalLimitsChange,
} from '../../../domain/compensation.js';
import {
  checkManageApprovalLimits,
  checkManagePolicies,
  type TicketActor,
} from '../../../domain/ticket-access.policy.js';
import { isTimeZone, normalizeHolidays, weekdaysFromOpeningDays } from '../../../domain/ticket-settings.js';
import { invalidInput } from '../../../domain/tickets.errors.js';
import { toSettingsView } from '../../configuration-views.js';
import { SettingsRepository } from '../../settings.repository.js';
import type { SettingsChange } from '../../ticket-record.js';

/**
 * Changes the calendar and ticket settings (managers and above; the approval limits ADMIN only).
 * Only the fields given change; a bad value is refused naming its field, and nothing changes.
 */
@Injectable()
export class UpdateTicketSettingsUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly settings: SettingsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    actor: TicketActor,
    r: ValidatedRequest<typeof updateTicketSettings>,
  ): Promise<OperationResponse<typeof updateTicketSettings>> {
    checkManagePolicies(actor, 'the calendar and ticket settings');
    if (r.approvalLimits !== undefined) checkManageApprovalLimits(actor);
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
      if (r.approvalLimits !== undefined) {
        const byLevel: ApprovalLimitsChange = {};
        for (const { level, ...kinds } of r.approvalLimits) {
          if (byLevel[level]) throw invalidInput(`approvalLimits.${level}`, 'is listed twice');
          // Absent kinds stay as they are; null means no limit.
          byLevel[level] = Object.fromEntries(Object.entries(kinds).filter(([, v]) => v !== undefined));
        }
        const limits = changeApprovalLimits((await this.settings.get()).approvalLimits, byLevel);
        const problem = approvalLimitsProblem(limits);
        if (problem) throw invalidInput(problem.field, problem.problem);
        change.approvalLimits = limits;
      }
      await this.settings.update(change, this.clock.now(), actor.id);
      const after = await this.settings.get();
      // The checks above name the field; this one guards the whole calendar as stored.
      const problem = calendarProblem(after.calendar);
      if (problem) throw invalidInput('openingHours', problem);
      return toSettingsView(after);
    });
  }
}
