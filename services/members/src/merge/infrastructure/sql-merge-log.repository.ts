import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { MergeLog } from '../application/merge-log.repository.js';

@Injectable()
export class SqlMergeLog extends MergeLog {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  async record(entry: Parameters<MergeLog['record']>[0]): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO member_merges (id, survivor_id, merged_id, reason, actor_id, merged_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.id, entry.survivorId, entry.mergedId, entry.reason, entry.actorId, entry.mergedAt],
    );
  }
}
