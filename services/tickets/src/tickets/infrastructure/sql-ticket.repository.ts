import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import type { SlaPolicy } from '../domain/sla-policy.js';
import { TicketRepository, type TicketListFilter } from '../application/ticket.repository.js';
import type { TicketRecord } from '../application/ticket-record.js';
import { d, dd, SqlRepository, type Row } from './sql-query.js';

/**
 * Open tickets planned with an older calendar than $1. Written out (not a parameter) so the
 * planner matches the predicate of the partial index tickets_replan_idx.
 */
const BEHIND_CALENDAR = `status IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'PROPOSED', 'REOPENED') AND calendar_version < $1`;

function toTicket(r: Row): TicketRecord {
  return {
    id: r.id as string,
    number: r.number as string,
    status: r.status as TicketRecord['status'],
    level: r.level as TicketRecord['level'],
    category: r.category as string,
    severity: r.severity as TicketRecord['severity'],
    channel: r.channel as TicketRecord['channel'],
    memberId: (r.member_id as string | null) ?? null,
    memberTier: (r.member_tier as string | null) ?? null,
    contactName: (r.contact_name as string | null) ?? null,
    contactPhone: (r.contact_phone as string | null) ?? null,
    tenantId: (r.tenant_id as string | null) ?? null,
    storeId: (r.store_id as string | null) ?? null,
    floor: (r.floor as string | null) ?? null,
    zone: (r.zone as string | null) ?? null,
    description: r.description as string,
    occurredAt: d(r.occurred_at),
    customerConfirmed: r.customer_confirmed as boolean,
    department: (r.department as string | null) ?? null,
    assigneeId: (r.assignee_id as string | null) ?? null,
    slaPolicyCode: (r.sla_policy_code as string | null) ?? null,
    slaPolicy: (r.sla_policy as SlaPolicy | null) ?? null,
    calendarVersion: r.calendar_version as number,
    slaState: r.sla_state as TicketRecord['slaState'],
    slaCycle: r.sla_cycle as number,
    clockStartedAt: dd(r.clock_started_at),
    firstResponseAt: d(r.first_response_at),
    planAt: d(r.plan_at),
    nextDueAt: d(r.next_due_at),
    due: {
      FIRST_RESPONSE: { warnAt: d(r.first_response_warn_at), dueAt: d(r.first_response_due_at) },
      PLAN: { warnAt: d(r.plan_warn_at), dueAt: d(r.plan_due_at) },
      RESOLUTION: { warnAt: d(r.resolution_warn_at), dueAt: d(r.resolution_due_at) },
    },
    pausedSince: d(r.paused_since),
    pauseReason: (r.pause_reason as string | null) ?? null,
    proposal: (r.proposal as string | null) ?? null,
    proposalStatus: (r.proposal_status as TicketRecord['proposalStatus']) ?? null,
    rootCause: (r.root_cause as string | null) ?? null,
    openedAt: dd(r.opened_at),
    resolvedAt: d(r.resolved_at),
    closedAt: d(r.closed_at),
    reopenedAt: d(r.reopened_at),
    updatedAt: dd(r.updated_at),
  };
}

/** Column order shared by insert and update. */
const COLUMNS = [
  'number',
  'status',
  'level',
  'category',
  'severity',
  'channel',
  'member_id',
  'member_tier',
  'contact_name',
  'contact_phone',
  'tenant_id',
  'store_id',
  'floor',
  'zone',
  'description',
  'occurred_at',
  'customer_confirmed',
  'department',
  'assignee_id',
  'sla_policy_code',
  'sla_policy',
  'calendar_version',
  'sla_state',
  'sla_cycle',
  'clock_started_at',
  'first_response_at',
  'plan_at',
  'next_due_at',
  'first_response_warn_at',
  'first_response_due_at',
  'plan_warn_at',
  'plan_due_at',
  'resolution_warn_at',
  'resolution_due_at',
  'paused_since',
  'pause_reason',
  'proposal',
  'proposal_status',
  'root_cause',
  'opened_at',
  'resolved_at',
  'closed_at',
  'reopened_at',
  'updated_at',
] as const;

function values(t: TicketRecord): unknown[] {
  return [
    t.number,
    t.status,
    t.level,
    t.category,
    t.severity,
    t.channel,
    t.memberId,
    t.memberTier,
    t.contactName,
    t.contactPhone,
    t.tenantId,
    t.storeId,
    t.floor,
    t.zone,
    t.description,
    t.occurredAt,
    t.customerConfirmed,
    t.department,
    t.assigneeId,
    t.slaPolicyCode,
    t.slaPolicy === null ? null : JSON.stringify(t.slaPolicy),
    t.calendarVersion,
    t.slaState,
    t.slaCycle,
    t.clockStartedAt,
    t.firstResponseAt,
    t.planAt,
    t.nextDueAt,
    t.due.FIRST_RESPONSE.warnAt,
    t.due.FIRST_RESPONSE.dueAt,
    t.due.PLAN.warnAt,
    t.due.PLAN.dueAt,
    t.due.RESOLUTION.warnAt,
    t.due.RESOLUTION.dueAt,
    t.pausedSince,
    t.pauseReason,
    t.proposal,
    t.proposalStatus,
    t.rootCause,
    t.openedAt,
    t.resolvedAt,
    t.closedAt,
    t.reopenedAt,
    t.updatedAt,
  ];
}

/** The WHERE clauses and parameters of a list filter. */
function listWhere(f: TicketListFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.ownMemberId !== undefined) where.push(`member_id = ${p(f.ownMemberId)}`);
  if (f.tenantId !== undefined) where.push(`tenant_id = ${p(f.tenantId)}`);
  if (f.statuses?.length) where.push(`status = ANY(${p(f.statuses)}::text[])`);
  if (f.levels?.length) where.push(`level = ANY(${p(f.levels)}::text[])`);
  if (f.department) where.push(`department = ${p(f.department)}`);
  if (f.assigneeId) where.push(`assignee_id = ${p(f.assigneeId)}`);
  if (f.storeId) where.push(`store_id = ${p(f.storeId)}`);
  if (f.category) where.push(`category = ${p(f.category)}`);
  if (f.memberId) where.push(`member_id = ${p(f.memberId)}`);
  if (f.vip) {
    if (f.vip.is) where.push(`member_tier = ANY(${p(f.vip.tiers)}::text[])`);
    else where.push(`(member_tier IS NULL OR NOT (member_tier = ANY(${p(f.vip.tiers)}::text[])))`);
  }
  if (f.slaStates?.length) where.push(`sla_state = ANY(${p(f.slaStates)}::text[])`);
  if (f.after) {
    const c = f.after;
    where.push(
      c.nextDueAt === null
        ? `(next_due_at IS NULL AND number > ${p(c.number)})`
        : `(next_due_at > ${p(c.nextDueAt)}::timestamptz OR (next_due_at = ${p(c.nextDueAt)}::timestamptz AND number > ${p(c.number)}) OR next_due_at IS NULL)`,
    );
  }
  return { where, params };
}

@Injectable()
export class SqlTicketRepository extends SqlRepository implements TicketRepository {
  constructor(tx: TransactionHost) {
    super(tx);
  }

  async nextDaySequence(day: string): Promise<number> {
    const rows = await this.q<{ last: number }>(
      `INSERT INTO ticket_day_sequences (day, last) VALUES ($1, 1)
       ON CONFLICT (day) DO UPDATE SET last = ticket_day_sequences.last + 1 RETURNING last`,
      [day],
    );
    return rows[0]!.last;
  }

  async insert(t: TicketRecord): Promise<void> {
    const cols = ['id', ...COLUMNS];
    await this.q(
      `INSERT INTO tickets (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
      [t.id, ...values(t)],
    );
  }

  async update(t: TicketRecord): Promise<void> {
    await this.q(`UPDATE tickets SET ${COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1`, [
      t.id,
      ...values(t),
    ]);
  }

  async findByNumber(number: string, lock = false): Promise<TicketRecord | null> {
    const rows = await this.q(`SELECT * FROM tickets WHERE number = $1${lock ? ' FOR UPDATE' : ''}`, [
      number,
    ]);
    return rows[0] ? toTicket(rows[0]) : null;
  }

  async tryLockById(id: string): Promise<TicketRecord | null> {
    const rows = await this.q(`SELECT * FROM tickets WHERE id = $1 FOR UPDATE SKIP LOCKED`, [id]);
    return rows[0] ? toTicket(rows[0]) : null;
  }

  async lockTicketsBehindCalendar(version: number, limit: number): Promise<TicketRecord[]> {
    const rows = await this.q(
      `SELECT * FROM tickets
        WHERE ${BEHIND_CALENDAR}
        ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [version, limit],
    );
    return rows.map(toTicket);
  }

  async anyTicketBehindCalendar(version: number): Promise<boolean> {
    const rows = await this.q(
      `SELECT 1 FROM tickets
        WHERE ${BEHIND_CALENDAR}
        LIMIT 1`,
      [version],
    );
    return rows.length > 0;
  }

  async list(filter: TicketListFilter, limit: number): Promise<TicketRecord[]> {
    const { where, params } = listWhere(filter);
    const rows = await this.q(
      `SELECT * FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY next_due_at ASC NULLS LAST, number ASC LIMIT ${Number(limit)}`,
      params,
    );
    return rows.map(toTicket);
  }

  async lockRecentOfStoreCategory(
    storeId: string,
    category: string,
    now: Date,
    windowDays: number,
  ): Promise<string[]> {
    await this.q(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`pattern:${storeId}:${category}`]);
    const rows = await this.q<{ id: string }>(
      `SELECT id FROM tickets WHERE store_id = $1 AND category = $2 AND opened_at > $3::timestamptz - make_interval(days => $4)
       ORDER BY opened_at, id`,
      [storeId, category, now, windowDays],
    );
    return rows.map((r) => r.id);
  }
}
