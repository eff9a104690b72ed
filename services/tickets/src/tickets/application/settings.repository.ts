import type { SettingsChange, TicketSettings } from './ticket-record.js';

/** What the environment decides for the tickets database: the time zone when no manager chose one. */
export const TICKETS_DEFAULTS = Symbol('TicketsDefaults');
export interface TicketsDefaults {
  /** MALL_TIME_ZONE of the process. */
  timeZone: string;
}

/** The single row of ticket settings (calendar, windows, VIP tiers). */
export abstract class SettingsRepository {
  abstract get(): Promise<TicketSettings>;
  /** Applies a manager's change (absent fields stay); a calendar change bumps the calendar version. */
  abstract update(change: SettingsChange, at: Date, by: string): Promise<void>;
}
