/**
 * Alerts for the mall's staff about tickets: an SLA warning or breach, an escalation. An alert
 * is addressed to a level: staff at or above it see it (a ticket escalated to SUPERVISOR alerts
 * supervisors, managers and senior management, no longer the front desk). ADMIN sees all.
 */
import { levelsUpTo, type StaffLevel } from '@atrium/kernel';

export type AlertLevel = StaffLevel;
export type AlertKind = 'SLA_WARNING' | 'SLA_BREACHED' | 'ESCALATED';

export interface StaffAlert {
  id: string;
  /** The event the alert comes from: one alert per event. */
  sourceEventId: string;
  kind: AlertKind;
  level: AlertLevel;
  ticketId: string;
  ticketNumber: string;
  storeId: string | null;
  title: string;
  body: string;
  occurredAt: Date;
}

const TARGET_NAMES: Record<string, { zh: string; en: string }> = {
  FIRST_RESPONSE: { zh: '首次响应', en: 'first response' },
  PLAN: { zh: '处理方案', en: 'plan' },
  RESOLUTION: { zh: '解决', en: 'resolution' },
};

/** The title and body of an alert, Simplified Chinese first, then English. */
export function renderAlert(
  kind: AlertKind,
  facts: {
    number: string;
    level: AlertLevel;
    target?: string;
    dueAt?: string;
    fromLevel?: string;
    reason?: string;
  },
): { title: string; body: string } {
  const target = TARGET_NAMES[facts.target ?? ''] ?? { zh: facts.target ?? '', en: facts.target ?? '' };
  switch (kind) {
    case 'SLA_WARNING':
      return {
        title: `SLA 即将超时 · SLA warning: ${facts.number}`,
        body: `${target.zh}时限 ${facts.dueAt} 将到。 The ${target.en} target is due at ${facts.dueAt}.`,
      };
    case 'SLA_BREACHED':
      return {
        title: `SLA 已超时 · SLA breached: ${facts.number}`,
        body: `${target.zh}已超过时限 ${facts.dueAt}。 The ${target.en} target was due at ${facts.dueAt}.`,
      };
    case 'ESCALATED':
      return {
        title: `工单升级 · Escalated to ${facts.level}: ${facts.number}`,
        body: `由 ${facts.fromLevel} 升级至 ${facts.level}（${facts.reason}）。 From ${facts.fromLevel} to ${facts.level} (${facts.reason}).`,
      };
  }
}

/** The levels whose alerts a staff member with these roles sees. */
export const levelsSeenBy = (roles: readonly string[]): AlertLevel[] => levelsUpTo(roles);
