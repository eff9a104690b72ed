import type { AfterSalesKind, AfterSalesStep } from '../domain/after-sales.js';
import type { BusinessCalendar, Pause } from '@atrium/kernel';
import type { ApprovalLimits, CompensationKind, CompensationStatus } from '../domain/compensation.js';
import type { SlaTarget } from '../domain/sla-policy.js';
import type { Department, Level } from '../domain/ticket-lifecycle.js';

/** A ticket row as the application works with it: the aggregate's state. */
export type { SlaState, TicketState as TicketRecord } from '../domain/ticket.js';

export interface HistoryRow {
  at: Date;
  actorKind: string;
  actorId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  internal: boolean;
  detail: Record<string, unknown>;
}

export interface NoteRow {
  id: string;
  visibility: 'INTERNAL' | 'PUBLIC';
  text: string;
  authorKind: string;
  authorId: string;
  createdAt: Date;
}

export interface CompensationRow {
  id: string;
  ticketId: string;
  kind: CompensationKind;
  amount: number;
  reason: string;
  status: CompensationStatus;
  requiredLevel: Level;
  requestedBy: string;
  approvedBy: string | null;
  createdAt: Date;
  grantedAt: Date | null;
  /** Points only: PENDING once granted, then what the members ledger answered. */
  posting: 'PENDING' | 'POSTED' | 'REFUSED' | null;
  postedAt: Date | null;
  ledgerEntryId: string | null;
  creditedMemberId: string | null;
  postingRefusal: string | null;
}

export interface AfterSalesRow {
  flow: AfterSalesKind;
  step: AfterSalesStep;
  details: Record<string, unknown>;
  updatedAt: Date;
}

export interface TicketSettings {
  calendar: BusinessCalendar;
  /** ENVIRONMENT: the calendar's time zone is MALL_TIME_ZONE; SETTING: a manager chose it. */
  timeZoneSource: 'ENVIRONMENT' | 'SETTING';
  reopenWindowDays: number;
  patternThreshold: number;
  patternWindowDays: number;
  /** Member tiers the staff queue's VIP filter means. */
  vipTiers: string[];
  /** Counts changes of the calendar (time zone, opening hours, holidays); open tickets behind it are re-planned. */
  calendarVersion: number;
  /** What each level may grant without approval, per kind (null = no limit). */
  approvalLimits: ApprovalLimits;
  updatedAt: Date;
  updatedBy: string | null;
}

/** What a manager may change in the settings; absent fields stay. */
export interface SettingsChange {
  /** null: back to the environment's time zone. */
  timeZone?: string | null;
  weekdays?: TicketSettings['calendar']['weekdays'];
  holidays?: string[];
  reopenWindowDays?: number;
  patternThreshold?: number;
  patternWindowDays?: number;
  vipTiers?: string[];
  approvalLimits?: ApprovalLimits;
}

export interface TicketCategory {
  code: string;
  name: string;
  nameZh: string | null;
  department: Department;
  position: number;
  active: boolean;
}

export interface DeadlineRow {
  id: string;
  ticketId: string;
  target: SlaTarget;
  kind: 'WARNING' | 'BREACH';
  cycle: number;
  dueAt: Date;
  targetDueAt: Date;
}

export type { Pause };
