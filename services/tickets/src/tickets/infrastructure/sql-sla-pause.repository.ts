import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import type { Pause } from '@atrium/kernel';
import { PauseRepository } from '../application/sla-pause.repository.js';
import { dd, SqlRepository } from './sql-query.js';

@Injectable()
export class SqlPauseRepository extends SqlRepository implements PauseRepository {
  constructor(tx: TransactionHost) {
    super(tx);
  }

  async ofTicket(ticketId: string): Promise<Pause[]> {
    const rows = await this.q(
      `SELECT started_at, ended_at FROM ticket_pauses WHERE ticket_id = $1 ORDER BY started_at`,
      [ticketId],
    );
    return rows.map((r) => ({
      start: dd(r.started_at).getTime(),
      end: r.ended_at ? dd(r.ended_at).getTime() : null,
    }));
  }

  async start(ticketId: string, at: Date, reason: string): Promise<void> {
    await this.q(`INSERT INTO ticket_pauses (ticket_id, started_at, reason) VALUES ($1, $2, $3)`, [
      ticketId,
      at,
      reason,
    ]);
  }

  async end(ticketId: string, at: Date): Promise<void> {
    await this.q(
      `UPDATE ticket_pauses SET ended_at = greatest($2, started_at) WHERE ticket_id = $1 AND ended_at IS NULL`,
      [ticketId, at],
    );
  }
}
