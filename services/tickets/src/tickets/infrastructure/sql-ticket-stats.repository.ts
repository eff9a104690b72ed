import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import type { ClockKind } from '@atrium/kernel';
import {
  TicketStatsReader,
  type SlaTimeRow,
  type StatsScope,
  type StatsSummary,
} from '../application/ticket-stats.repository.js';
import { SqlRepository } from './sql-query.js';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const COLUMN = { category: 't.category', store: 't.store_id', floor: 't.floor' } as const;

/** The WHERE clause of a scope over `tickets t`, and its parameters. */
function scopeWhere(s: StatsScope): { w: string; params: unknown[] } {
  const where = ['t.opened_at >= $1', 't.opened_at < $2'];
  const params: unknown[] = [s.from, s.to];
  if (s.tenant) {
    params.push(s.tenant.id);
    where.push(`t.tenant_id = $${params.length}`);
  }
  if (s.storeId) {
    params.push(s.storeId);
    where.push(`t.store_id = $${params.length}`);
  }
  return { w: where.join(' AND '), params };
}

@Injectable()
export class SqlTicketStatsReader extends SqlRepository implements TicketStatsReader {
  constructor(tx: TransactionHost) {
    super(tx);
  }

  async summary(scope: StatsScope): Promise<StatsSummary> {
    const { w, params } = scopeWhere(scope);
    const [r] = await this.q(
      `
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
      FROM tickets t WHERE ${w}`,
      params,
    );
    return {
      total: Number(r!.total),
      firstResponseP50: num(r!.fr_p50),
      firstResponseP90: num(r!.fr_p90),
      resolutionP50: num(r!.res_p50),
      resolutionP90: num(r!.res_p90),
      breachRate: num(r!.breach_rate),
      firstContactResolutionRate: num(r!.fcr),
    };
  }

  countBy(scope: StatsScope, by: keyof typeof COLUMN): Promise<{ key: string; count: number }[]> {
    const { w, params } = scopeWhere(scope);
    return this.q(
      `SELECT coalesce(${COLUMN[by]}, '(none)') AS key, count(*)::int AS count FROM tickets t WHERE ${w} GROUP BY 1 ORDER BY 2 DESC, 1`,
      params,
    );
  }

  async slaTimeRows(scope: StatsScope): Promise<SlaTimeRow[]> {
    const { w, params } = scopeWhere(scope);
    const rows = await this.q<{
      opened_at: Date;
      sla_cycle: number;
      first_response_at: Date | null;
      resolved_at: Date | null;
      clock: ClockKind;
      pauses: Array<{ start: string; end: string | null }>;
    }>(
      `SELECT t.id, t.opened_at, t.sla_cycle, t.first_response_at, t.resolved_at, coalesce(t.sla_policy->>'clock', p.clock, 'CALENDAR') AS clock,
              coalesce(json_agg(json_build_object('start', tp.started_at, 'end', tp.ended_at)) FILTER (WHERE tp.ticket_id IS NOT NULL), '[]') AS pauses
         FROM tickets t
         LEFT JOIN sla_policies p ON p.code = t.sla_policy_code
         LEFT JOIN ticket_pauses tp ON tp.ticket_id = t.id
        WHERE ${w} AND (t.first_response_at IS NOT NULL OR t.resolved_at IS NOT NULL)
        GROUP BY t.id, p.clock`,
      params,
    );
    return rows.map((r) => ({
      openedAt: new Date(r.opened_at),
      slaCycle: r.sla_cycle,
      firstResponseAt: r.first_response_at ? new Date(r.first_response_at) : null,
      resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
      clock: r.clock,
      pauses: r.pauses.map((p) => ({
        start: Date.parse(p.start),
        end: p.end === null ? null : Date.parse(p.end),
      })),
    }));
  }

  patterns(
    scope: StatsScope,
    threshold: number,
  ): Promise<{ storeId: string; category: string; count: number }[]> {
    const { w, params } = scopeWhere(scope);
    params.push(threshold);
    return this.q(
      `SELECT t.store_id AS "storeId", t.category, count(*)::int AS count FROM tickets t
       WHERE ${w} AND t.store_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) >= $${params.length} ORDER BY 3 DESC, 1, 2`,
      params,
    );
  }
}
