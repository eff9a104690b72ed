import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { MemberTierRepository } from '../application/member-tier.repository.js';
import { SqlRepository } from './sql-query.js';

@Injectable()
export class SqlMemberTierRepository extends SqlRepository implements MemberTierRepository {
  constructor(tx: TransactionHost) {
    super(tx);
  }

  async tierOf(memberId: string): Promise<string | null> {
    const rows = await this.q<{ tier: string }>(`SELECT tier FROM member_tiers WHERE member_id = $1`, [
      memberId,
    ]);
    return rows[0]?.tier ?? null;
  }

  /** Keeps the latest tier per member (events may arrive out of order). */
  async save(memberId: string, tier: string, changedAt: Date): Promise<void> {
    await this.q(
      `INSERT INTO member_tiers (member_id, tier, changed_at) VALUES ($1, $2, $3)
       ON CONFLICT (member_id) DO UPDATE SET tier = EXCLUDED.tier, changed_at = EXCLUDED.changed_at
       WHERE member_tiers.changed_at <= EXCLUDED.changed_at`,
      [memberId, tier, changedAt],
    );
  }
}
