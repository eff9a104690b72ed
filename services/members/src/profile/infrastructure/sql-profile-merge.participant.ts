import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { ProfileMergeParticipant } from '../application/profile-merge.participant.js';

/** The profile's merge SQL over the profile columns of `members`. */
@Injectable()
export class SqlProfileMergeParticipant extends ProfileMergeParticipant {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  async moveMemberData(fromId: string, toId: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE members s SET
          gender = COALESCE(s.gender, d.gender),
          birthday = COALESCE(s.birthday, d.birthday),
          anniversaries = CASE WHEN jsonb_array_length(s.anniversaries) = 0 THEN d.anniversaries ELSE s.anniversaries END,
          preferred_categories = ARRAY(SELECT DISTINCT unnest(s.preferred_categories || d.preferred_categories)),
          preferred_brands = ARRAY(SELECT DISTINCT unnest(s.preferred_brands || d.preferred_brands)),
          staff_tags = ARRAY(SELECT DISTINCT unnest(s.staff_tags || d.staff_tags))
         FROM members d
        WHERE s.id = $2 AND d.id = $1`,
      [fromId, toId],
    );
  }
}
