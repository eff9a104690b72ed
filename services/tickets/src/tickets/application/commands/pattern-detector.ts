import { Injectable } from '@nestjs/common';
import { ticketPatternDetected } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TicketRepository } from '../ticket.repository.js';
import type { TicketRecord, TicketSettings } from '../ticket-record.js';

/**
 * Repeat complaints: when a store reaches the threshold of tickets in one category within the
 * window, `tickets.pattern.detected.v1` is raised once for that store, category and window
 * (the ticket that reaches the threshold raises it; later ones within the window do not).
 */
@Injectable()
export class PatternDetector {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async afterOpening(t: TicketRecord, settings: TicketSettings, now: Date): Promise<void> {
    if (!t.storeId) return;
    // Openings for this store and category are serialized so that exactly one reaches the threshold.
    const rows = await this.tickets.lockRecentOfStoreCategory(
      t.storeId,
      t.category,
      now,
      settings.patternWindowDays,
    );
    if (rows.length !== settings.patternThreshold) return;
    await this.outbox.add(
      ticketPatternDetected,
      {
        storeId: t.storeId,
        tenantId: t.tenantId,
        category: t.category,
        count: rows.length,
        windowDays: settings.patternWindowDays,
        ticketIds: rows,
        detectedAt: now.toISOString(),
      },
      t.storeId,
    );
  }
}
