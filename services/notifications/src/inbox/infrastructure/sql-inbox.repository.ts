import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import type { InboxKind, InboxMessage } from '../domain/inbox-message.js';
import { InboxRepository } from '../application/inbox.repository.js';

interface Row {
  id: string;
  member_id: string;
  kind: InboxKind;
  dedupe_key: string;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

const toMessage = (row: Row): InboxMessage => ({
  id: row.id,
  memberId: row.member_id,
  kind: row.kind,
  dedupeKey: row.dedupe_key,
  title: row.title,
  body: row.body,
  createdAt: new Date(row.created_at),
  readAt: row.read_at ? new Date(row.read_at) : null,
});

/** InboxRepository on PostgreSQL with raw SQL through the ambient transaction. */
@Injectable()
export class SqlInboxRepository extends InboxRepository {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  async addOnce(m: InboxMessage): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO inbox_messages (id, member_id, kind, dedupe_key, title, body, created_at, read_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT inbox_messages_member_dedupe_unique DO NOTHING
       RETURNING id`,
      [m.id, m.memberId, m.kind, m.dedupeKey, m.title, m.body, m.createdAt, m.readAt],
    );
    return rows.length === 1;
  }

  async latest(memberId: string, first: number): Promise<InboxMessage[]> {
    const rows: Row[] = await this.tx.manager.query(
      `SELECT id, member_id, kind, dedupe_key, title, body, created_at, read_at
         FROM inbox_messages WHERE member_id = $1
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      [memberId, first],
    );
    return rows.map(toMessage);
  }

  async countUnread(memberId: string): Promise<number> {
    const [row] = (await this.tx.manager.query(
      `SELECT count(*)::int AS n FROM inbox_messages WHERE member_id = $1 AND read_at IS NULL`,
      [memberId],
    )) as Array<{ n: number }>;
    return row?.n ?? 0;
  }
}
