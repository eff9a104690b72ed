import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { StaffAlertRepository } from '../application/staff-alert.repository.js';
import type { AlertLevel, StaffAlert } from '../domain/staff-alert.js';

@Injectable()
export class SqlStaffAlertRepository extends StaffAlertRepository {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  async addOnce(a: StaffAlert): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO staff_alerts (id, source_event_id, kind, level, ticket_id, ticket_number, store_id, title, body, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT ON CONSTRAINT staff_alerts_source_unique DO NOTHING
       RETURNING id`,
      [
        a.id,
        a.sourceEventId,
        a.kind,
        a.level,
        a.ticketId,
        a.ticketNumber,
        a.storeId,
        a.title,
        a.body,
        a.occurredAt,
      ],
    );
    return rows.length === 1;
  }

  async list(levels: readonly AlertLevel[], first: number): Promise<StaffAlert[]> {
    if (levels.length === 0) return [];
    const rows = (await this.tx.manager.query(
      `SELECT * FROM staff_alerts WHERE level = ANY($1::text[]) ORDER BY occurred_at DESC, id DESC LIMIT $2`,
      [levels, first],
    )) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      id: r.id as string,
      sourceEventId: r.source_event_id as string,
      kind: r.kind as StaffAlert['kind'],
      level: r.level as AlertLevel,
      ticketId: r.ticket_id as string,
      ticketNumber: r.ticket_number as string,
      storeId: (r.store_id as string | null) ?? null,
      title: r.title as string,
      body: r.body as string,
      occurredAt: new Date(r.occurred_at as string),
    }));
  }
}
