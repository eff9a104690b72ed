import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { SegmentMergeRows } from '../application/segments-merge.participant.js';

/** The segments' merge SQL: the merged member's member_segments and member_lifecycle rows go. */
@Injectable()
export class SqlSegmentMergeRows extends SegmentMergeRows {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  async dropDerived(memberId: string): Promise<void> {
    await this.tx.manager.query(`DELETE FROM member_segments WHERE member_id = $1`, [memberId]);
    await this.tx.manager.query(`DELETE FROM member_lifecycle WHERE member_id = $1`, [memberId]);
  }
}
