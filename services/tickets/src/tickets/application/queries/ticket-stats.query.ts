import { Injectable } from '@nestjs/common';
import type { OperationResponse, ticketStats, ValidatedRequest } from '@atrium/contracts';
import { TransactionHost } from '@atrium/persistence';
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
      breachRate: num(summary!.breach_rate),
      firstContactResolutionRate: num(summary!.fcr),
      patterns,
    };
  }
}
