import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import {
  PurchaseActivity,
  SegmentsRepository,
  type MemberSnapshot,
} from '../application/segments.repository.js';
import type { LifecycleSettings, LifecycleStage } from '../domain/lifecycle.js';
import { checkRule, type SegmentDefinition } from '../domain/segment-rule.js';

/** SegmentsRepository on PostgreSQL (segment_rules, member_segments, member_lifecycle, birthday_greetings, members). */
@Injectable()
export class SqlSegmentsRepository extends SegmentsRepository {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.tx.manager.query(sql, params) as Promise<T[]>;
  }

  async definitions(): Promise<SegmentDefinition[]> {
    const rows = await this.query<{ code: string; name: string; rule: unknown }>(
      `SELECT code, name, rule FROM segment_rules WHERE active ORDER BY code`,
    );
    return rows.map((r) => ({ code: r.code, name: r.name, rule: checkRule(r.code, r.rule) }));
  }

  async names(): Promise<Map<string, string>> {
    const rows = await this.query<{ code: string; name: string }>(`SELECT code, name FROM segment_rules`);
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async lifecycleSettings(): Promise<LifecycleSettings> {
    const [row] = await this.query<{ new_days: number; active_days: number; lapsed_days: number }>(
      `SELECT new_days, active_days, lapsed_days FROM lifecycle_settings WHERE id = 'default'`,
    );
    if (!row) throw new Error('lifecycle_settings has no default row');
    return { newDays: row.new_days, activeDays: row.active_days, lapsedDays: row.lapsed_days };
  }

  async snapshot(memberId: string, lock = false): Promise<MemberSnapshot | null> {
    const [row] = await this.query<{
      id: string;
      registered_at: Date;
      birthday: string | null;
      gender: string | null;
      preferred_language: string;
      preferred_categories: string[];
      preferred_brands: string[];
      staff_tags: string[];
      phone: string | null;
    }>(
      `SELECT m.id, m.registered_at, m.birthday::text AS birthday, m.gender, m.preferred_language,
              m.preferred_categories, m.preferred_brands, m.staff_tags,
              (SELECT i.value FROM member_identities i WHERE i.member_id = m.id AND i.kind = 'PHONE' ORDER BY i.created_at LIMIT 1) AS phone
         FROM members m WHERE m.id = $1 AND m.status = 'ACTIVE' ${lock ? 'FOR UPDATE OF m' : ''}`,
      [memberId],
    );
    if (!row) return null;
    return {
      memberId: row.id,
      registeredAt: new Date(row.registered_at),
      birthday: row.birthday,
      gender: row.gender,
      preferredLanguage: row.preferred_language,
      preferredCategories: row.preferred_categories,
      preferredBrands: row.preferred_brands,
      staffTags: row.staff_tags,
      phone: row.phone,
    };
  }

  async segments(memberId: string): Promise<Array<{ code: string; since: Date }>> {
    const rows = await this.query<{ segment_code: string; since: Date }>(
      `SELECT segment_code, since FROM member_segments WHERE member_id = $1 ORDER BY segment_code`,
      [memberId],
    );
    return rows.map((r) => ({ code: r.segment_code, since: new Date(r.since) }));
  }

  async changeSegments(memberId: string, add: string[], remove: string[], now: Date): Promise<void> {
    if (remove.length)
      await this.query(`DELETE FROM member_segments WHERE member_id = $1 AND segment_code = ANY($2)`, [
        memberId,
        remove,
      ]);
    for (const code of add)
      await this.query(
        `INSERT INTO member_segments (member_id, segment_code, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [memberId, code, now],
      );
  }

  async lifecycle(memberId: string): Promise<{ stage: LifecycleStage; since: Date } | null> {
    const [row] = await this.query<{ stage: LifecycleStage; since: Date }>(
      `SELECT stage, since FROM member_lifecycle WHERE member_id = $1`,
      [memberId],
    );
    return row ? { stage: row.stage, since: new Date(row.since) } : null;
  }

  async setLifecycle(
    memberId: string,
    stage: LifecycleStage,
    now: Date,
  ): Promise<LifecycleStage | null | undefined> {
    const [before] = await this.query<{ stage: LifecycleStage }>(
      `SELECT stage FROM member_lifecycle WHERE member_id = $1 FOR UPDATE`,
      [memberId],
    );
    if (!before) {
      await this.query(
        `INSERT INTO member_lifecycle (member_id, stage, since, computed_at) VALUES ($1, $2, $3, $3)`,
        [memberId, stage, now],
      );
      return null;
    }
    if (before.stage === stage) {
      await this.query(`UPDATE member_lifecycle SET computed_at = $2 WHERE member_id = $1`, [memberId, now]);
      return undefined;
    }
    await this.query(
      `UPDATE member_lifecycle SET stage = $2, since = $3, computed_at = $3 WHERE member_id = $1`,
      [memberId, stage, now],
    );
    return before.stage;
  }

  async activeMemberIds(afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.query<{ id: string }>(
      `SELECT id FROM members WHERE status = 'ACTIVE' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  async birthdaysOn(
    keys: number[],
  ): Promise<Array<{ memberId: string; birthday: string; preferredLanguage: string }>> {
    const rows = await this.query<{ id: string; birthday: string; preferred_language: string }>(
      `SELECT id, birthday::text AS birthday, preferred_language FROM members
        WHERE birthday IS NOT NULL AND status = 'ACTIVE'
          AND (extract(month FROM birthday) * 100 + extract(day FROM birthday))::int = ANY($1::int[])
        ORDER BY id`,
      [keys],
    );
    return rows.map((r) => ({
      memberId: r.id,
      birthday: r.birthday,
      preferredLanguage: r.preferred_language,
    }));
  }

  async recordGreeting(memberId: string, year: number, celebratedOn: string, now: Date): Promise<boolean> {
    const rows = await this.query<{ member_id: string }>(
      `INSERT INTO birthday_greetings (member_id, year, celebrated_on, emitted_at) VALUES ($1, $2, $3::date, $4)
       ON CONFLICT ON CONSTRAINT birthday_greetings_pk DO NOTHING RETURNING member_id`,
      [memberId, year, celebratedOn, now],
    );
    return rows.length === 1;
  }
}

/** Recency and frequency from the ledger's `purchases` table (none while it does not exist). */
@Injectable()
export class SqlPurchaseActivity extends PurchaseActivity {
  private purchasesExist = false;

  constructor(private readonly tx: TransactionHost) {
    super();
  }

  async of(memberId: string, now: Date): Promise<{ lastPurchaseAt: Date | null; purchasesLastYear: number }> {
    if (!this.purchasesExist) {
      const [row] = (await this.tx.manager.query(
        `SELECT to_regclass('purchases') IS NOT NULL AS present`,
      )) as Array<{ present: boolean }>;
      if (!row?.present) return { lastPurchaseAt: null, purchasesLastYear: 0 };
      this.purchasesExist = true;
    }
    const [row] = (await this.tx.manager.query(
      `SELECT max(purchased_at) FILTER (WHERE purchased_at <= $2) AS last,
              count(*) FILTER (WHERE purchased_at > $2 - interval '365 days' AND purchased_at <= $2) AS year_count
         FROM purchases WHERE member_id = $1 AND returned_fen < amount_fen`,
      [memberId, now],
    )) as Array<{ last: Date | null; year_count: string }>;
    return {
      lastPurchaseAt: row?.last ? new Date(row.last) : null,
      purchasesLastYear: Number(row?.year_count ?? 0),
    };
  }
}
