import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { QualifyingActivity } from '../application/qualifying-activity.js';
import type { QualifyingMetric } from '../domain/ladder.js';

/**
 * QualifyingActivity from the ledger's `purchases` table: net spend (amount − returned, fen) or
 * net points earned on purchases, purchased within (from, to]. Answers 0 while the table does
 * not exist, so tiers work before the ledger is deployed.
 */
@Injectable()
export class SqlQualifyingActivity extends QualifyingActivity {
  private purchasesExist = false;

  constructor(private readonly tx: TransactionHost) {
    super();
  }

  async amount(memberId: string, metric: QualifyingMetric, from: Date, to: Date): Promise<number> {
    if (!this.purchasesExist) {
      const [row] = (await this.tx.manager.query(
        `SELECT to_regclass('purchases') IS NOT NULL AS present`,
      )) as Array<{ present: boolean }>;
      if (!row?.present) return 0;
      this.purchasesExist = true;
    }
    const measure = metric === 'SPEND' ? 'amount_fen - returned_fen' : 'points - reversed_points';
    const [row] = (await this.tx.manager.query(
      `SELECT COALESCE(sum(${measure}), 0)::bigint AS amount
         FROM purchases WHERE member_id = $1 AND purchased_at > $2 AND purchased_at <= $3`,
      [memberId, from, to],
    )) as Array<{ amount: string }>;
    return Number(row?.amount ?? 0);
  }
}
