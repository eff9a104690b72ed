import { Injectable } from '@nestjs/common';
import type { OperationResponse, ticketStats, ValidatedRequest } from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
import {
  countedTimeBetween,
  type BusinessCalendar,
  type ClockKind,
  type Pause,
} from '../../domain/business-calendar.js';
import { percentileCont } from '../../domain/percentile.js';
import { TICKETS_READ, type TicketActor } from '../../domain/ticket-access.policy.js';
import { TicketsError, TicketsErrorCode } from '../../domain/tickets.errors.js';
import { TicketStore } from '../../infrastructure/ticket.store.js';

type Stats = OperationResponse<typeof ticketStats>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Statistics of the tickets opened in a period. "Resolved at first contact": resolved without
 * escalation, reassignment of person or reopening. Breach rate: share with any breach fired.
 */
@Injectable()
export class TicketStatsQuery {
  constructor(
    private readonly tx: TransactionHost,
    private readonly store: TicketStore,
  ) {}

  async execute(actor: TicketActor, r: ValidatedRequest<typeof ticketStats>): Promise<Stats> {
    const where = ['t.opened_at >= $1', 't.opened_at < $2'];
    const params: unknown[] = [r.from, r.to];
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
        params.push(actor.tenantId);
        where.push(`t.tenant_id = $${params.length}`);
        break;
      case 'staff':
      case 'system':
        break;
    }
    if (r.storeId) {
      params.push(r.storeId);
      where.push(`t.store_id = $${params.length}`);
    }
    const w = where.join(' AND ');
    const q = <T>(sql: string) => this.tx.manager.query(sql, params) as Promise<T[]>;
    const counts = (column: string) =>
      q<{ key: string; count: number }>(
        `SELECT coalesce(${column}, '(none)') AS key, count(*)::int AS count FROM tickets t WHERE ${w} GROUP BY 1 ORDER BY 2 DESC, 1`,
      );
    const [summary] = await q<Record<string, unknown>>(`
      SELECT count(*)::int AS total,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_response_at - t.opened_at))
          FILTER (WHERE t.sla_cycle = 0 AND t.first_response_at IS NOT NULL) AS fr_p50,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_response_at - t.opened_at))
          FILTER (WHERE t.sla_cycle = 0 AND t.first_response_at IS NOT NULL) AS fr_p90,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.resolved_at - t.opened_at)) FILTER (WHERE t.resolved_at IS NOT NULL) AS res_p50,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.resolved_at - t.opened_at)) FILTER (WHERE t.resolved_at IS NOT NULL) AS res_p90,
        avg(CASE WHEN EXISTS (SELECT 1 FROM sla_deadlines d WHERE d.ticket_id = t.id AND d.kind = 'BREACH' AND d.state = 'FIRED') THEN 1 ELSE 0 END) AS breach_rate,
        avg(CASE WHEN NOT EXISTS (
              SELECT 1 FROM ticket_history h WHERE h.ticket_id = t.id AND h.action IN ('ESCALATED', 'REOPEN'))
            AND (SELECT count(*) FROM ticket_history h WHERE h.ticket_id = t.id AND h.action = 'ASSIGNED') <= 1
          THEN 1 ELSE 0 END) FILTER (WHERE t.resolved_at IS NOT NULL) AS fcr
      FROM tickets t WHERE ${w}`);
    const settings = await this.store.settings();
    const sla = await this.slaTimes(w, params, settings.calendar);
    params.push(settings.patternThreshold);
    const patterns = await q<{ storeId: string; category: string; count: number }>(
      `SELECT t.store_id AS "storeId", t.category, count(*)::int AS count FROM tickets t
       WHERE ${w} AND t.store_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) >= $${params.length} ORDER BY 3 DESC, 1, 2`,
    );
    params.pop();
    return {
      total: Number(summary!.total),
      byCategory: await counts('t.category'),
      byStore: await counts('t.store_id'),
      byFloor: await counts('t.floor'),
      firstResponse: { medianSeconds: num(summary!.fr_p50), p90Seconds: num(summary!.fr_p90) },
      resolution: { medianSeconds: num(summary!.res_p50), p90Seconds: num(summary!.res_p90) },
      firstResponseSlaTime: sla.firstResponse,
      resolutionSlaTime: sla.resolution,
      breachRate: num(summary!.breach_rate),
      firstContactResolutionRate: num(summary!.fcr),
      patterns,
    };
  }

  /**
   * First-response and resolution times as each ticket's SLA policy counts them (its clock kind,
   * the current calendar, minus the ticket's pauses): what the targets are judged against.
   */
  private async slaTimes(
    where: string,
    params: unknown[],
    calendar: BusinessCalendar,
  ): Promise<Record<'firstResponse' | 'resolution', Stats['firstResponse']>> {
    const rows = (await this.tx.manager.query(
      `SELECT t.id, t.opened_at, t.sla_cycle, t.first_response_at, t.resolved_at, coalesce(t.sla_policy->>'clock', p.clock, 'CALENDAR') AS clock,
              coalesce(json_agg(json_build_object('start', tp.started_at, 'end', tp.ended_at)) FILTER (WHERE tp.ticket_id IS NOT NULL), '[]') AS pauses
         FROM tickets t
         LEFT JOIN sla_policies p ON p.code = t.sla_policy_code
         LEFT JOIN ticket_pauses tp ON tp.ticket_id = t.id
        WHERE ${where} AND (t.first_response_at IS NOT NULL OR t.resolved_at IS NOT NULL)
        GROUP BY t.id, p.clock`,
      params,
    )) as Array<{
      opened_at: Date;
      sla_cycle: number;
      first_response_at: Date | null;
      resolved_at: Date | null;
      clock: ClockKind;
      pauses: Array<{ start: string; end: string | null }>;
    }>;
    const firstResponse: number[] = [];
    const resolution: number[] = [];
    for (const r of rows) {
      const from = new Date(r.opened_at).getTime();
      const pauses: Pause[] = r.pauses.map((p) => ({
        start: Date.parse(p.start),
        end: p.end === null ? null : Date.parse(p.end),
      }));
      const counted = (to: Date) =>
        countedTimeBetween(from, new Date(to).getTime(), r.clock, calendar, pauses) / 1000;
      // As in calendar time: a reopened ticket's first response is its new cycle's, not the first one.
      if (r.first_response_at && r.sla_cycle === 0) firstResponse.push(counted(r.first_response_at));
      if (r.resolved_at) resolution.push(counted(r.resolved_at));
    }
    const duration = (values: number[]) => ({
      medianSeconds: percentileCont(values, 0.5),
      p90Seconds: percentileCont(values, 0.9),
    });
    return { firstResponse: duration(firstResponse), resolution: duration(resolution) };
  }
}
