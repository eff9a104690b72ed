import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { TransactionHost } from '@atrium/persistence';
import type { Pause } from '../domain/business-calendar.js';
import type { SlaPolicy, SlaTarget } from '../domain/sla-policy.js';
import type {
  AfterSalesRow,
  CompensationRow,
  DeadlineRow,
  HistoryRow,
  NoteRow,
  SettingsChange,
  TicketCategory,
  TicketRecord,
  TicketSettings,
} from '../application/ticket-record.js';

/**
 * Open tickets planned with an older calendar than $1. Written out (not a parameter) so the
 * planner matches the predicate of the partial index tickets_replan_idx.
 */
const BEHIND_CALENDAR = `status IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'PROPOSED', 'REOPENED') AND calendar_version < $1`;

/** What the environment decides for the tickets database: the time zone when no manager chose one. */
export const TICKETS_DEFAULTS = Symbol('TicketsDefaults');
export interface TicketsDefaults {
  /** MALL_TIME_ZONE of the process. */
  timeZone: string;
}

function toCategory(r: Row): TicketCategory {
  return {
    code: r.code as string,
    name: r.name as string,
    nameZh: (r.name_zh as string | null) ?? null,
    department: r.department as TicketCategory['department'],
    position: r.position as number,
    active: r.active as boolean,
  };
}

type Row = Record<string, unknown>;
const d = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));
const dd = (v: unknown): Date => new Date(v as string);

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

function toPolicy(r: Row): SlaPolicy {
  return {
    code: r.code as string,
    name: r.name as string,
    position: r.position as number,
    match: r.match as SlaPolicy['match'],
    clock: r.clock as SlaPolicy['clock'],
    firstResponseMs: Number(r.first_response_ms),
    planMs: Number(r.plan_ms),
    resolutionMs: Number(r.resolution_ms),
    warnRatio: Number(r.warn_ratio),
  };
}

/** All SQL of the tickets context. Every method runs in the ambient transaction when there is one. */
@Injectable()
export class TicketStore {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(TICKETS_DEFAULTS) private readonly defaults: TicketsDefaults,
  ) {}

  private q<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.tx.manager.query(sql, params) as Promise<T[]>;
  }

  /** Next number of the day (a row lock per day serializes openings of that day only). */
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

  /** Locks the ticket unless another transaction holds it (then null). */
  async tryLockById(id: string): Promise<TicketRecord | null> {
    const rows = await this.q(`SELECT * FROM tickets WHERE id = $1 FOR UPDATE SKIP LOCKED`, [id]);
    return rows[0] ? toTicket(rows[0]) : null;
  }

  /**
   * Open tickets whose targets were planned with an older calendar, locked (skipping tickets
   * someone is working on: they are re-planned by that change or at the next run).
   */
  async lockTicketsBehindCalendar(version: number, limit: number): Promise<TicketRecord[]> {
    const rows = await this.q(
      `SELECT * FROM tickets
        WHERE ${BEHIND_CALENDAR}
        ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [version, limit],
    );
    return rows.map(toTicket);
  }

  /** Whether any open ticket (locked or not) is still planned with an older calendar. */
  async anyTicketBehindCalendar(version: number): Promise<boolean> {
    const rows = await this.q(
      `SELECT 1 FROM tickets
        WHERE ${BEHIND_CALENDAR}
        LIMIT 1`,
      [version],
    );
    return rows.length > 0;
  }

  async list(where: string[], params: unknown[], limit: number): Promise<TicketRecord[]> {
    const rows = await this.q(
      `SELECT * FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY next_due_at ASC NULLS LAST, number ASC LIMIT ${Number(limit)}`,
      params,
    );
    return rows.map(toTicket);
  }

  async addHistory(ticketId: string, h: HistoryRow): Promise<void> {
    await this.q(
      `INSERT INTO ticket_history (ticket_id, at, actor_kind, actor_id, action, from_status, to_status, internal, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        ticketId,
        h.at,
        h.actorKind,
        h.actorId,
        h.action,
        h.fromStatus,
        h.toStatus,
        h.internal,
        JSON.stringify(h.detail),
      ],
    );
  }

  async history(ticketId: string): Promise<HistoryRow[]> {
    const rows = await this.q(`SELECT * FROM ticket_history WHERE ticket_id = $1 ORDER BY seq`, [ticketId]);
    return rows.map((r) => ({
      at: dd(r.at),
      actorKind: r.actor_kind as string,
      actorId: r.actor_id as string,
      action: r.action as string,
      fromStatus: (r.from_status as string | null) ?? null,
      toStatus: (r.to_status as string | null) ?? null,
      internal: r.internal as boolean,
      detail: r.detail as Record<string, unknown>,
    }));
  }

  async addNote(ticketId: string, n: NoteRow): Promise<void> {
    await this.q(
      `INSERT INTO ticket_notes (id, ticket_id, visibility, text, author_kind, author_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [n.id, ticketId, n.visibility, n.text, n.authorKind, n.authorId, n.createdAt],
    );
  }

  async notes(ticketId: string): Promise<NoteRow[]> {
    const rows = await this.q(`SELECT * FROM ticket_notes WHERE ticket_id = $1 ORDER BY created_at, id`, [
      ticketId,
    ]);
    return rows.map((r) => ({
      id: r.id as string,
      visibility: r.visibility as NoteRow['visibility'],
      text: r.text as string,
      authorKind: r.author_kind as string,
      authorId: r.author_id as string,
      createdAt: dd(r.created_at),
    }));
  }

  async pauses(ticketId: string): Promise<Pause[]> {
    const rows = await this.q(
      `SELECT started_at, ended_at FROM ticket_pauses WHERE ticket_id = $1 ORDER BY started_at`,
      [ticketId],
    );
    return rows.map((r) => ({
      start: dd(r.started_at).getTime(),
      end: r.ended_at ? dd(r.ended_at).getTime() : null,
    }));
  }

  async startPause(ticketId: string, at: Date, reason: string): Promise<void> {
    await this.q(`INSERT INTO ticket_pauses (ticket_id, started_at, reason) VALUES ($1, $2, $3)`, [
      ticketId,
      at,
      reason,
    ]);
  }

  async endPause(ticketId: string, at: Date): Promise<void> {
    await this.q(
      `UPDATE ticket_pauses SET ended_at = greatest($2, started_at) WHERE ticket_id = $1 AND ended_at IS NULL`,
      [ticketId, at],
    );
  }

  async addCompensation(c: CompensationRow): Promise<void> {
    await this.q(
      `INSERT INTO ticket_compensations (id, ticket_id, kind, amount, reason, status, required_level, requested_by, approved_by, created_at, granted_at, posted_at, posting)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        c.id,
        c.ticketId,
        c.kind,
        c.amount,
        c.reason,
        c.status,
        c.requiredLevel,
        c.requestedBy,
        c.approvedBy,
        c.createdAt,
        c.grantedAt,
        c.postedAt,
        c.posting,
      ],
    );
  }

  async updateCompensation(c: CompensationRow): Promise<void> {
    await this.q(
      `UPDATE ticket_compensations SET status = $2, approved_by = $3, granted_at = $4, posted_at = $5, posting = $6 WHERE id = $1`,
      [c.id, c.status, c.approvedBy, c.grantedAt, c.postedAt, c.posting],
    );
  }

  /**
   * Records the ledger's answer for a points compensation still PENDING; returns its ticket id,
   * or null when it was answered before (or is unknown), so a repeated answer changes nothing.
   */
  async settlePosting(a: {
    compensationId: string;
    outcome: 'POSTED' | 'REFUSED';
    postedAt: Date;
    ledgerEntryId: string | null;
    creditedMemberId: string | null;
    refusal: string | null;
  }): Promise<{ ticketId: string } | null> {
    const rows = await this.q(
      // As a CTE so the driver hands back the returned rows (a bare UPDATE gives [rows, count]).
      `WITH settled AS (
         UPDATE ticket_compensations
            SET posting = $2::text, posted_at = CASE WHEN $2::text = 'POSTED' THEN $3::timestamptz END,
                ledger_entry_id = $4, credited_member_id = $5, posting_refusal = $6
          WHERE id = $1 AND posting = 'PENDING'
          RETURNING ticket_id)
       SELECT ticket_id FROM settled`,
      [a.compensationId, a.outcome, a.postedAt, a.ledgerEntryId, a.creditedMemberId, a.refusal],
    );
    return rows[0] ? { ticketId: rows[0].ticket_id as string } : null;
  }

  async compensations(ticketId: string): Promise<CompensationRow[]> {
    const rows = await this.q(
      `SELECT * FROM ticket_compensations WHERE ticket_id = $1 ORDER BY created_at, id`,
      [ticketId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      ticketId: r.ticket_id as string,
      kind: r.kind as CompensationRow['kind'],
      amount: r.amount as number,
      reason: r.reason as string,
      status: r.status as CompensationRow['status'],
      requiredLevel: r.required_level as CompensationRow['requiredLevel'],
      requestedBy: r.requested_by as string,
      approvedBy: (r.approved_by as string | null) ?? null,
      createdAt: dd(r.created_at),
      grantedAt: d(r.granted_at),
      posting: (r.posting as CompensationRow['posting']) ?? null,
      postedAt: d(r.posted_at),
      ledgerEntryId: (r.ledger_entry_id as string | null) ?? null,
      creditedMemberId: (r.credited_member_id as string | null) ?? null,
      postingRefusal: (r.posting_refusal as string | null) ?? null,
    }));
  }

  async afterSales(ticketId: string): Promise<AfterSalesRow | null> {
    const rows = await this.q(`SELECT * FROM ticket_after_sales WHERE ticket_id = $1`, [ticketId]);
    const r = rows[0];
    return r
      ? {
          flow: r.flow as AfterSalesRow['flow'],
          step: r.step as AfterSalesRow['step'],
          details: r.details as Record<string, unknown>,
          updatedAt: dd(r.updated_at),
        }
      : null;
  }

  async saveAfterSales(ticketId: string, a: AfterSalesRow): Promise<void> {
    await this.q(
      `INSERT INTO ticket_after_sales (ticket_id, flow, step, details, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id) DO UPDATE SET step = EXCLUDED.step, details = EXCLUDED.details, updated_at = EXCLUDED.updated_at`,
      [ticketId, a.flow, a.step, JSON.stringify(a.details), a.updatedAt],
    );
  }

  async settings(): Promise<TicketSettings> {
    const r = (await this.q(`SELECT * FROM ticket_settings WHERE id = 1`))[0]!;
    const chosen = (r.time_zone as string | null) ?? null;
    return {
      timeZoneSource: chosen ? 'SETTING' : 'ENVIRONMENT',
      vipTiers: r.vip_tiers as string[],
      calendarVersion: r.calendar_version as number,
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
  async updateSettings(change: SettingsChange, at: Date, by: string): Promise<void> {
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
    // A new calendar applies to every open ticket: the scheduler re-plans those behind this version.
    if (change.timeZone !== undefined || change.weekdays !== undefined || change.holidays !== undefined) {
      sets.push('calendar_version = calendar_version + 1');
    }
    set('updated_at', at);
    set('updated_by', by);
    await this.q(`UPDATE ticket_settings SET ${sets.join(', ')} WHERE id = 1`, params);
  }

  async categories(includeInactive: boolean): Promise<TicketCategory[]> {
    const rows = await this.q(
      `SELECT * FROM ticket_categories ${includeInactive ? '' : 'WHERE active'} ORDER BY position, code`,
    );
    return rows.map(toCategory);
  }

  async category(code: string): Promise<TicketCategory | null> {
    const rows = await this.q(`SELECT * FROM ticket_categories WHERE code = $1`, [code]);
    return rows[0] ? toCategory(rows[0]) : null;
  }

  async upsertCategory(c: TicketCategory, at: Date, by: string): Promise<void> {
    await this.q(
      `INSERT INTO ticket_categories (code, name, name_zh, department, position, active, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_zh = EXCLUDED.name_zh,
         department = EXCLUDED.department, position = EXCLUDED.position, active = EXCLUDED.active,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [c.code, c.name, c.nameZh, c.department, c.position, c.active, at, by],
    );
  }

  async policies(): Promise<SlaPolicy[]> {
    return (await this.q(`SELECT * FROM sla_policies ORDER BY position, code`)).map(toPolicy);
  }

  async policy(code: string): Promise<SlaPolicy | null> {
    const rows = await this.q(`SELECT * FROM sla_policies WHERE code = $1`, [code]);
    return rows[0] ? toPolicy(rows[0]) : null;
  }

  async upsertPolicy(p: SlaPolicy, at: Date): Promise<void> {
    await this.q(
      `INSERT INTO sla_policies (code, name, position, match, clock, first_response_ms, plan_ms, resolution_ms, warn_ratio, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position, match = EXCLUDED.match,
         clock = EXCLUDED.clock, first_response_ms = EXCLUDED.first_response_ms, plan_ms = EXCLUDED.plan_ms,
         resolution_ms = EXCLUDED.resolution_ms, warn_ratio = EXCLUDED.warn_ratio, updated_at = EXCLUDED.updated_at`,
      [
        p.code,
        p.name,
        p.position,
        JSON.stringify(p.match),
        p.clock,
        p.firstResponseMs,
        p.planMs,
        p.resolutionMs,
        p.warnRatio,
        at,
      ],
    );
  }

  async memberTier(memberId: string): Promise<string | null> {
    const rows = await this.q<{ tier: string }>(`SELECT tier FROM member_tiers WHERE member_id = $1`, [
      memberId,
    ]);
    return rows[0]?.tier ?? null;
  }

  /** Keeps the latest tier per member (events may arrive out of order). */
  async saveMemberTier(memberId: string, tier: string, changedAt: Date): Promise<void> {
    await this.q(
      `INSERT INTO member_tiers (member_id, tier, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (member_id) DO UPDATE SET tier = EXCLUDED.tier, changed_at = EXCLUDED.changed_at
       WHERE member_tiers.changed_at <= EXCLUDED.changed_at`,
      [memberId, tier, changedAt],
    );
  }

  // --- SLA deadlines -------------------------------------------------------------------

  async cancelPendingDeadlines(ticketId: string): Promise<void> {
    await this.q(`UPDATE sla_deadlines SET state = 'CANCELLED' WHERE ticket_id = $1 AND state = 'PENDING'`, [
      ticketId,
    ]);
  }

  /** (target, kind) pairs already fired in this cycle: they never fire twice. */
  async firedDeadlines(ticketId: string, cycle: number): Promise<Set<string>> {
    const rows = await this.q<{ target: string; kind: string }>(
      `SELECT target, kind FROM sla_deadlines WHERE ticket_id = $1 AND cycle = $2 AND state = 'FIRED'`,
      [ticketId, cycle],
    );
    return new Set(rows.map((r) => `${r.target}:${r.kind}`));
  }

  async addDeadline(row: Omit<DeadlineRow, 'id'>): Promise<void> {
    await this.q(
      `INSERT INTO sla_deadlines (id, ticket_id, target, kind, cycle, due_at, target_due_at, state) VALUES ($1, $2, $3, $4, $5, $6, $7, 'PENDING')`,
      [uuidv7(), row.ticketId, row.target, row.kind, row.cycle, row.dueAt, row.targetDueAt],
    );
  }

  /**
   * Claims one due deadline that no other scheduler holds (row lock until commit), skipping
   * `exclude` (ids whose ticket was busy this round).
   */
  async claimDueDeadline(now: Date, exclude: readonly string[]): Promise<DeadlineRow | null> {
    const rows = await this.q(
      `SELECT id, ticket_id, target, kind, cycle, due_at, target_due_at FROM sla_deadlines
       WHERE state = 'PENDING' AND due_at <= $1 ${exclude.length ? 'AND NOT (id = ANY($2::uuid[]))' : ''}
       ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      exclude.length ? [now, exclude] : [now],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id as string,
          ticketId: r.ticket_id as string,
          target: r.target as SlaTarget,
          kind: r.kind as DeadlineRow['kind'],
          cycle: r.cycle as number,
          dueAt: dd(r.due_at),
          targetDueAt: dd(r.target_due_at),
        }
      : null;
  }

  /** Records the outcome; fired_at is the database's wall-clock time of the firing (for detection-lag figures). */
  async markDeadline(id: string, state: 'FIRED' | 'CANCELLED', by: string): Promise<void> {
    await this.q(
      `UPDATE sla_deadlines SET state = $2, fired_at = clock_timestamp(), fired_by = $3 WHERE id = $1`,
      [id, state, by],
    );
  }
}
