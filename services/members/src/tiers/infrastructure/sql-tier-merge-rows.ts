import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { TierMergeRows } from '../application/tiers-merge.participant.js';

/** The tiers' merge SQL: tier_changes move to the survivor, the merged member's member_tiers row goes. */
@Injectable()
export class SqlTierMergeRows extends TierMergeRows {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  async moveHistory(fromId: string, toId: string): Promise<void> {
    await this.tx.manager.query(`UPDATE tier_changes SET member_id = $2 WHERE member_id = $1`, [
      fromId,
      toId,
    ]);
  }

  async dropTier(memberId: string): Promise<void> {
    await this.tx.manager.query(`DELETE FROM member_tiers WHERE member_id = $1`, [memberId]);
  }
}
