import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import {
  SettingsRepository,
  TICKETS_DEFAULTS,
  type TicketsDefaults,
} from '../application/settings.repository.js';
import type { SettingsChange, TicketSettings } from '../application/ticket-record.js';
import { dd, SqlRepository } from './sql-query.js';

@Injectable()
export class SqlSettingsRepository extends SqlRepository implements SettingsRepository {
  constructor(
    tx: TransactionHost,
    @Inject(TICKETS_DEFAULTS) private readonly defaults: TicketsDefaults,
  ) {
    super(tx);
  }

  async get(): Promise<TicketSettings> {
    const r = (await this.q(`SELECT * FROM ticket_settings WHERE id = 1`))[0]!;
    const chosen = (r.time_zone as string | null) ?? null;
    return {
      timeZoneSource: chosen ? 'SETTING' : 'ENVIRONMENT',
      vipTiers: r.vip_tiers as string[],
      calendarVersion: r.calendar_version as number,
      approvalLimits: r.approval_limits as TicketSettings['approvalLimits'],
      updatedAt: dd(r.updated_at),
      updatedBy: (r.updated_by as string | null) ?? null,
      calendar: {
        timeZone: chosen ?? this.defaults.timeZone,
        weekdays: r.weekdays as TicketSettings['calendar']['weekdays'],
        holidays: r.holidays as string[],
      },
      reopenWindowDays: r.reopen_window_days as number,
      patternThreshold: r.pattern_threshold as number,
      patternWindowDays: r.pattern_window_days as number,
    };
  }

  /** Applies a manager's change to the single settings row (absent fields stay). */
  async update(change: SettingsChange, at: Date, by: string): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (change.timeZone !== undefined) set('time_zone', change.timeZone);
    if (change.weekdays !== undefined) set('weekdays', JSON.stringify(change.weekdays));
    if (change.holidays !== undefined) set('holidays', JSON.stringify(change.holidays));
    if (change.reopenWindowDays !== undefined) set('reopen_window_days', change.reopenWindowDays);
    if (change.patternThreshold !== undefined) set('pattern_threshold', change.patternThreshold);
    if (change.patternWindowDays !== undefined) set('pattern_window_days', change.patternWindowDays);
    if (change.vipTiers !== undefined) set('vip_tiers', JSON.stringify(change.vipTiers));
    if (change.approvalLimits !== undefined) set('approval_limits', JSON.stringify(change.approvalLimits));
    // A new calendar applies to every open ticket: the scheduler re-plans those behind this version.
    if (change.timeZone !== undefined || change.weekdays !== undefined || change.holidays !== undefined) {
      sets.push('calendar_version = calendar_version + 1');
    }
    set('updated_at', at);
    set('updated_by', by);
    await this.q(`UPDATE ticket_settings SET ${sets.join(', ')} WHERE id = 1`, params);
  }
}
