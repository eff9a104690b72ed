import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { TicketJournal } from '../application/ticket-journal.repository.js';
import type { HistoryRow, NoteRow } from '../application/ticket-record.js';
import { dd, SqlRepository } from './sql-query.js';

@Injectable()
export class SqlTicketJournal extends SqlRepository implements TicketJournal {
  constructor(tx: TransactionHost) {
    super(tx);
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
}
