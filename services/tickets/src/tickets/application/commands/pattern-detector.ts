import { Injectable } from '@nestjs/common';
import { ticketPatternDetected } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import type { TicketRecord, TicketSettings } from '../ticket-record.js';

/**
 * Repeat complaints: when a store reaches the threshold of tickets in one category within the
 * window, `tickets.pattern.detected.v1` is raised once for that store, category and window
 * (the ticket that reaches the threshold raises it; later ones within the window do not).
 */
@Injectable()
export class PatternDetector {
  constructor(
    private readonly tx: TransactionHost,
    private readonly outbox: OutboxWriter,
  ) {}

  async afterOpening(t: TicketRecord, settings: TicketSettings, now: Date): Promise<void> {
    if (!t.storeId) return;
    const m = this.tx.manager;
    // Serialize openings for this store and category so that exactly one reaches the threshold.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`pattern:${t.storeId}:${t.category}`]);
    const rows = (await m.query(
      `SELECT id FROM tickets WHERE store_id = $1 AND category = $2 AND opened_at > $3::timestamptz - make_interval(days => $4)
       ORDER BY opened_at, id`,
      [t.storeId, t.category, now, settings.patternWindowDays],
    )) as { id: string }[];
    if (rows.length !== settings.patternThreshold) return;
    await this.outbox.add(
      ticketPatternDetected,
      {
        storeId: t.storeId,
        tenantId: t.tenantId,
        category: t.category,
        count: rows.length,
        windowDays: settings.patternWindowDays,
        ticketIds: rows.map((r) => r.id),
        detectedAt: now.toISOString(),
      },
      t.storeId,
    );
  }
}
