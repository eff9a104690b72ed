import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { TransactionHost } from '@atrium/persistence';
import {
  TierRepository,
  type StoredMemberTier,
  type TierChangeRecord,
} from '../application/tier.repository.js';
import type { Ladder, QualifyingMetric, TierDecision } from '../domain/ladder.js';

interface StateRow {
  tier_code: string | null;
  since: Date | null;
  grace_until: Date | null;
}

const toState = (row: StateRow): StoredMemberTier => ({
  code: row.tier_code ?? '',
  since: row.since ? new Date(row.since) : null,
  graceUntil: row.grace_until ? new Date(row.grace_until) : null,
});

/** TierRepository on PostgreSQL (tier_ladder, tier_levels, member_tiers, tier_changes). */
@Injectable()
export class SqlTierRepository extends TierRepository {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.tx.manager.query(sql, params) as Promise<T[]>;
  }

  async ladder(): Promise<Ladder> {
    const [settings] = await this.query<{
      metric: QualifyingMetric;
      window_months: number;
      grace_days: number;
    }>(`SELECT metric, window_months, grace_days FROM tier_ladder WHERE id = 'default'`);
    if (!settings) throw new Error('the tier ladder is missing (tier_ladder has no default row)');
    const levels = await this.query<{
      code: string;
      name: string;
      rank: number;
      threshold: string;
      privileges: Ladder['levels'][number]['privileges'];
    }>(`SELECT code, name, rank, threshold, privileges FROM tier_levels ORDER BY rank`);
    return {
      metric: settings.metric,
      windowMonths: settings.window_months,
      graceDays: settings.grace_days,
      levels: levels.map((l) => ({ ...l, threshold: Number(l.threshold) })),
    };
  }

  async lockState(memberId: string, entryCode: string, now: Date): Promise<StoredMemberTier | null> {
    await this.query(
      `INSERT INTO member_tiers (member_id, tier_code, since)
       SELECT id, $2, $3 FROM members WHERE id = $1 AND status = 'ACTIVE'
       ON CONFLICT (member_id) DO NOTHING`,
      [memberId, entryCode, now],
    );
    const [row] = await this.query<StateRow>(
      `SELECT t.tier_code, t.since, t.grace_until
         FROM member_tiers t JOIN members m ON m.id = t.member_id
        WHERE t.member_id = $1 AND m.status = 'ACTIVE'
        FOR UPDATE OF t`,
      [memberId],
    );
    return row ? toState(row) : null;
  }

  async state(memberId: string): Promise<StoredMemberTier | null> {
    const [row] = await this.query<StateRow>(
      `SELECT t.tier_code, t.since, t.grace_until
         FROM members m LEFT JOIN member_tiers t ON t.member_id = m.id
        WHERE m.id = $1 AND m.status = 'ACTIVE'`,
      [memberId],
    );
    return row ? toState(row) : null;
  }

  async apply(
    memberId: string,
    from: StoredMemberTier,
    decision: Exclude<TierDecision, { kind: 'NONE' }>,
    amount: number,
    now: Date,
  ): Promise<void> {
    let toCode = from.code;
    switch (decision.kind) {
      case 'UPGRADE':
      case 'DOWNGRADE':
        toCode = decision.to.code;
        await this.query(
          `UPDATE member_tiers SET tier_code = $2, since = $3, grace_until = NULL WHERE member_id = $1`,
          [memberId, toCode, now],
        );
        break;
      case 'GRACE_STARTED':
        await this.query(`UPDATE member_tiers SET grace_until = $2 WHERE member_id = $1`, [
          memberId,
          decision.graceUntil,
        ]);
        break;
      case 'GRACE_CLEARED':
        await this.query(`UPDATE member_tiers SET grace_until = NULL WHERE member_id = $1`, [memberId]);
        break;
    }
    await this.query(
      `INSERT INTO tier_changes (id, member_id, from_code, to_code, kind, reason, qualifying_amount, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [uuidv7(), memberId, from.code || null, toCode, decision.kind, decision.reason, amount, now],
    );
  }

  async markReviewed(memberId: string, now: Date): Promise<void> {
    await this.query(`UPDATE member_tiers SET reviewed_at = $2 WHERE member_id = $1`, [memberId, now]);
  }

  async history(memberId: string, first: number): Promise<TierChangeRecord[]> {
    const rows = await this.query<{
      from_code: string | null;
      to_code: string;
      kind: TierChangeRecord['kind'];
      reason: string;
      qualifying_amount: string;
      changed_at: Date;
    }>(
      `SELECT from_code, to_code, kind, reason, qualifying_amount, changed_at
         FROM tier_changes WHERE member_id = $1 ORDER BY changed_at DESC, id DESC LIMIT $2`,
      [memberId, first],
    );
    return rows.map((r) => ({
      fromCode: r.from_code,
      toCode: r.to_code,
      kind: r.kind,
      reason: r.reason,
      qualifyingAmount: Number(r.qualifying_amount),
      changedAt: new Date(r.changed_at),
    }));
  }

  async dueForReview(since: Date, afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.query<{ member_id: string }>(
      `SELECT t.member_id
         FROM member_tiers t JOIN tier_levels l ON l.code = t.tier_code
        WHERE (l.rank > 0 OR t.grace_until IS NOT NULL)
          AND (t.reviewed_at IS NULL OR t.reviewed_at < $1)
          AND ($2::uuid IS NULL OR t.member_id > $2::uuid)
        ORDER BY t.member_id
        LIMIT $3`,
      [since, afterId, limit],
    );
    return rows.map((r) => r.member_id);
  }
}
