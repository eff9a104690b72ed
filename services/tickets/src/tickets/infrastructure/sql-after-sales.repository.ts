import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { AfterSalesRepository } from '../application/after-sales.repository.js';
import type { AfterSalesRow } from '../application/ticket-record.js';
import { dd, SqlRepository } from './sql-query.js';

@Injectable()
export class SqlAfterSalesRepository extends SqlRepository implements AfterSalesRepository {
  constructor(tx: TransactionHost) {
    super(tx);
  }

  async ofTicket(ticketId: string): Promise<AfterSalesRow | null> {
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

  async save(ticketId: string, a: AfterSalesRow): Promise<void> {
    await this.q(
      `INSERT INTO ticket_after_sales (ticket_id, flow, step, details, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id) DO UPDATE SET step = EXCLUDED.step, details = EXCLUDED.details, updated_at = EXCLUDED.updated_at`,
      [ticketId, a.flow, a.step, JSON.stringify(a.details), a.updatedAt],
    );
  }
}
