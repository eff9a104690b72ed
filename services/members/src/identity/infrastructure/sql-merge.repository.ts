import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { MergeRepository } from '../application/commands/merge-members.usecase.js';

/**
 * The row moves of a merge. It touches tables of several contexts of this service (consents,
 * access log, tiers, segments) on purpose: a merge must move everything in one transaction.
 */
@Injectable()
export class SqlMergeRepository extends MergeRepository {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.tx.manager.query(sql, params) as Promise<T[]>;
  }

  async lockPair(a: string, b: string): Promise<Map<string, string>> {
    const rows = await this.query<{ id: string; status: string }>(
      `SELECT id, status FROM members WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[a, b]],
    );
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  async moveIdentities(from: string, to: string): Promise<number> {
    const moved = await this.query<{ id: string }>(
      `UPDATE member_identities SET member_id = $2 WHERE member_id = $1 RETURNING id`,
      [from, to],
    );
    return moved.length;
  }

  async mergeProfile(from: string, to: string): Promise<void> {
    await this.query(
      `UPDATE members s SET
          gender = COALESCE(s.gender, d.gender),
          birthday = COALESCE(s.birthday, d.birthday),
          anniversaries = CASE WHEN jsonb_array_length(s.anniversaries) = 0 THEN d.anniversaries ELSE s.anniversaries END,
          preferred_categories = ARRAY(SELECT DISTINCT unnest(s.preferred_categories || d.preferred_categories)),
          preferred_brands = ARRAY(SELECT DISTINCT unnest(s.preferred_brands || d.preferred_brands)),
          staff_tags = ARRAY(SELECT DISTINCT unnest(s.staff_tags || d.staff_tags))
         FROM members d
        WHERE s.id = $2 AND d.id = $1`,
      [from, to],
    );
  }

  async moveConsents(from: string, to: string): Promise<void> {
    await this.query(
      `UPDATE member_consents c SET member_id = $2
        WHERE c.member_id = $1
          AND NOT EXISTS (
            SELECT 1 FROM member_consents s
             WHERE s.member_id = $2 AND s.purpose = c.purpose
               AND s.channel IS NOT DISTINCT FROM c.channel AND s.tenant_id IS NOT DISTINCT FROM c.tenant_id)`,
      [from, to],
    );
  }

  async moveHistory(from: string, to: string): Promise<void> {
    await this.query(`UPDATE partner_access_log SET member_id = $2 WHERE member_id = $1`, [from, to]);
    await this.query(`UPDATE tier_changes SET member_id = $2 WHERE member_id = $1`, [from, to]);
    await this.query(`DELETE FROM member_tiers WHERE member_id = $1`, [from]);
    await this.query(`DELETE FROM member_segments WHERE member_id = $1`, [from]);
    await this.query(`DELETE FROM member_lifecycle WHERE member_id = $1`, [from]);
  }

  async markMerged(
    from: string,
    to: string,
    reason: string,
    actorId: string,
    now: Date,
    mergeId: string,
  ): Promise<void> {
    await this.query(`UPDATE members SET status = 'MERGED', merged_into = $2 WHERE id = $1`, [from, to]);
    await this.query(
      `INSERT INTO member_merges (id, survivor_id, merged_id, reason, actor_id, merged_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [mergeId, to, from, reason, actorId, now],
    );
  }
}
