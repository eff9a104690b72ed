import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { v7 as uuidv7 } from 'uuid';
import type { SlaTarget } from '../domain/sla-policy.js';
import { DeadlineRepository } from '../application/sla-deadline.repository.js';
import type { DeadlineRow } from '../application/ticket-record.js';
import { dd, SqlRepository } from './sql-query.js';

@Injectable()
export class SqlDeadlineRepository extends SqlRepository implements DeadlineRepository {
  constructor(tx: TransactionHost) {
    super(tx);
  }

  async cancelPending(ticketId: string): Promise<void> {
    await this.q(`UPDATE sla_deadlines SET state = 'CANCELLED' WHERE ticket_id = $1 AND state = 'PENDING'`, [
      ticketId,
    ]);
  }

  /** (target, kind) pairs already fired in this cycle: they never fire twice. */
  async fired(ticketId: string, cycle: number): Promise<Set<string>> {
    const rows = await this.q<{ target: string; kind: string }>(
      `SELECT target, kind FROM sla_deadlines WHERE ticket_id = $1 AND cycle = $2 AND state = 'FIRED'`,
      [ticketId, cycle],
    );
    return new Set(rows.map((r) => `${r.target}:${r.kind}`));
  }

  async add(row: Omit<DeadlineRow, 'id'>): Promise<void> {
    await this.q(
      `INSERT INTO sla_deadlines (id, ticket_id, target, kind, cycle, due_at, target_due_at, state) VALUES ($1, $2, $3, $4, $5, $6, $7, 'PENDING')`,
      [uuidv7(), row.ticketId, row.target, row.kind, row.cycle, row.dueAt, row.targetDueAt],
    );
  }

  /**
   * Claims one due deadline that no other scheduler holds (row lock until commit), skipping
   * `exclude` (ids whose ticket was busy this round).
   */
  async claimDue(now: Date, exclude: readonly string[]): Promise<DeadlineRow | null> {
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
  async mark(id: string, state: 'FIRED' | 'CANCELLED', by: string): Promise<void> {
    await this.q(
      `UPDATE sla_deadlines SET state = $2, fired_at = clock_timestamp(), fired_by = $3 WHERE id = $1`,
      [id, state, by],
    );
  }
}
