import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { CompensationRepository, type PostingAnswer } from '../application/compensation.repository.js';
import type { CompensationRow } from '../application/ticket-record.js';
import { d, dd, SqlRepository } from './sql-query.js';

@Injectable()
export class SqlCompensationRepository extends SqlRepository implements CompensationRepository {
  constructor(tx: TransactionHost) {
    super(tx);
  }

  async add(c: CompensationRow): Promise<void> {
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

  async update(c: CompensationRow): Promise<void> {
    await this.q(
      `UPDATE ticket_compensations SET status = $2, approved_by = $3, granted_at = $4, posted_at = $5, posting = $6 WHERE id = $1`,
      [c.id, c.status, c.approvedBy, c.grantedAt, c.postedAt, c.posting],
    );
  }

  /**
   * Records the ledger's answer for a points compensation still PENDING; returns its ticket id,
   * or null when it was answered before (or is unknown), so a repeated answer changes nothing.
   */
  async settlePosting(a: PostingAnswer): Promise<{ ticketId: string } | null> {
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

  async ofTicket(ticketId: string): Promise<CompensationRow[]> {
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
}
