import type { getTicketSettings, OperationResponse, upsertSlaPolicy } from '@atrium/contracts';
import { LEVELS } from '../domain/ticket-lifecycle.js';
import type { SlaPolicy } from '../domain/sla-policy.js';
import { openingDaysOf } from '../domain/ticket-settings.js';
import type { TicketSettings } from './ticket-record.js';

type PolicyView = OperationResponse<typeof upsertSlaPolicy>;
type SettingsView = OperationResponse<typeof getTicketSettings>;

export function toPolicyView(p: SlaPolicy): PolicyView {
  return {
    code: p.code,
    name: p.name,
    position: p.position,
    categories: [...(p.match.categories ?? [])],
    severities: [...(p.match.severities ?? [])],
    channels: [...(p.match.channels ?? [])],
    tiers: [...(p.match.tiers ?? [])],
    clock: p.clock,
    firstResponseSeconds: Math.round(p.firstResponseMs / 1000),
    planSeconds: Math.round(p.planMs / 1000),
    resolutionSeconds: Math.round(p.resolutionMs / 1000),
    warnRatio: p.warnRatio,
  };
}

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
    approvalLimits: LEVELS.map((level) => ({ level, ...s.approvalLimits[level] })),
    updatedAt: s.updatedAt.toISOString(),
    updatedBy: s.updatedBy,
  };
}
