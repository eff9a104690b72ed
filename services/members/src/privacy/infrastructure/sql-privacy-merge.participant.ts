import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { PrivacyMergeParticipant } from '../application/privacy-merge.participant.js';

/** The privacy merge SQL over member_consents and partner_access_log. */
@Injectable()
export class SqlPrivacyMergeParticipant extends PrivacyMergeParticipant {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  async moveMemberData(fromId: string, toId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE member_consents c SET member_id = $2
        WHERE c.member_id = $1
          AND NOT EXISTS (
            SELECT 1 FROM member_consents s
             WHERE s.member_id = $2 AND s.purpose = c.purpose
               AND s.channel IS NOT DISTINCT FROM c.channel AND s.tenant_id IS NOT DISTINCT FROM c.tenant_id)`,
      [fromId, toId],
    );
    await this.tx.manager.query(`UPDATE partner_access_log SET member_id = $2 WHERE member_id = $1`, [
      fromId,
      toId,
    ]);
  }
}
