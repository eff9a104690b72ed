import { Injectable } from '@nestjs/common';
import type { OperationResponse, ticketStats, ValidatedRequest } from '@atrium/contracts';
import { countedTimeBetween, type BusinessCalendar } from '@atrium/kernel';
import { percentileCont } from '@atrium/kernel';
import { TICKETS_READ, type TicketActor } from '../../../domain/ticket-access.policy.js';
import { TicketsError, TicketsErrorCode } from '../../../domain/tickets.errors.js';
import { SettingsRepository } from '../../settings.repository.js';
import { TicketStatsReader, type SlaTimeRow, type StatsScope } from '../../ticket-stats.repository.js';

type Stats = OperationResponse<typeof ticketStats>;

/**
 * Statistics of the tickets opened in a period. "Resolved at first contact": resolved without
 * escalation, reassignment of person or reopening. Breach rate: share with any breach fired.
 */
@Injectable()
export class TicketStatsQuery {
  constructor(
    private readonly reader: TicketStatsReader,
    private readonly settings: SettingsRepository,
  ) {}

  async execute(actor: TicketActor, r: ValidatedRequest<typeof ticketStats>): Promise<Stats> {
    const scope: StatsScope = { from: r.from, to: r.to };
    switch (actor.kind) {
      case 'anonymous':
        throw new TicketsError(TicketsErrorCode.NOT_SIGNED_IN, 'sign in first to see statistics');
      case 'member':
        throw new TicketsError(TicketsErrorCode.ACCESS_DENIED, 'members do not see ticket statistics');
      case 'partner':
        if (!actor.scopes.includes(TICKETS_READ))
          throw new TicketsError(
            TicketsErrorCode.MISSING_SCOPE,
            `this API key lacks the scope ${TICKETS_READ}`,
          );
        scope.tenant = { id: actor.tenantId ?? null };
        break;
      case 'staff':
      case 'system':
        break;
    }
    if (r.storeId) scope.storeId = r.storeId;
    const summary = await this.reader.summary(scope);
    const settings = await this.settings.get();
    const sla = slaTimes(await this.reader.slaTimeRows(scope), settings.calendar);
    const patterns = await this.reader.patterns(scope, settings.patternThreshold);
    return {
      total: summary.total,
      byCategory: await this.reader.countBy(scope, 'category'),
      byStore: await this.reader.countBy(scope, 'store'),
      byFloor: await this.reader.countBy(scope, 'floor'),
      firstResponse: { medianSeconds: summary.firstResponseP50, p90Seconds: summary.firstResponseP90 },
      resolution: { medianSeconds: summary.resolutionP50, p90Seconds: summary.resolutionP90 },
      firstResponseSlaTime: sla.firstResponse,
      resolutionSlaTime: sla.resolution,
      breachRate: summary.breachRate,
      firstContactResolutionRate: summary.firstContactResolutionRate,
      patterns,
    };
  }
}

/**
 * First-response and resolution times as each ticket's SLA policy counts them (its clock kind,
 * the current calendar, minus the ticket's pauses): what the targets are judged against.
 */
export function slaTimes(
  rows: readonly SlaTimeRow[],
  calendar: BusinessCalendar,
): Record<'firstResponse' | 'resolution', Stats['firstResponse']> {
  const firstResponse: number[] = [];
  const resolution: number[] = [];
  for (const r of rows) {
    const from = r.openedAt.getTime();
    const counted = (to: Date) => countedTimeBetween(from, to.getTime(), r.clock, calendar, r.pauses) / 1000;
    // As in calendar time: a reopened ticket's first response is its new cycle's, not the first one.
    if (r.firstResponseAt && r.slaCycle === 0) firstResponse.push(counted(r.firstResponseAt));
    if (r.resolvedAt) resolution.push(counted(r.resolvedAt));
  }
  const duration = (values: number[]) => ({
    medianSeconds: percentileCont(values, 0.5),
    p90Seconds: percentileCont(values, 0.9),
  });
  return { firstResponse: duration(firstResponse), resolution: duration(resolution) };
}
