import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { CategoryRepository } from '../application/category.repository.js';
import type { TicketCategory } from '../application/ticket-record.js';
import { SqlRepository, type Row } from './sql-query.js';

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

@Injectable()
export class SqlCategoryRepository extends SqlRepository implements CategoryRepository {
  constructor(tx: TransactionHost) {
    super(tx);
  }

  async list(includeInactive: boolean): Promise<TicketCategory[]> {
    const rows = await this.q(
      `SELECT * FROM ticket_categories ${includeInactive ? '' : 'WHERE active'} ORDER BY position, code`,
    );
    return rows.map(toCategory);
  }

  async get(code: string): Promise<TicketCategory | null> {
    const rows = await this.q(`SELECT * FROM ticket_categories WHERE code = $1`, [code]);
    return rows[0] ? toCategory(rows[0]) : null;
  }

  async upsert(c: TicketCategory, at: Date, by: string): Promise<void> {
    await this.q(
      `INSERT INTO ticket_categories (code, name, name_zh, department, position, active, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_zh = EXCLUDED.name_zh,
         department = EXCLUDED.department, position = EXCLUDED.position, active = EXCLUDED.active,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [c.code, c.name, c.nameZh, c.department, c.position, c.active, at, by],
    );
  }
}
