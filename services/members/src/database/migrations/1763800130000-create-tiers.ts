import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tiers as data: the ladder (how members qualify), its levels with their privileges, each
 * member's current tier and the history of changes. The default ladder qualifies on spend (fen)
 * over a rolling 12 months with a 30-day grace before a downgrade takes effect at a review.
 */
export class CreateTiers1763800130000 implements MigrationInterface {
  name = 'CreateTiers1763800130000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tier_ladder (
        id            text PRIMARY KEY,
        metric        text NOT NULL,
        window_months integer NOT NULL,
        grace_days    integer NOT NULL,
        CONSTRAINT tier_ladder_single CHECK (id = 'default'),
        CONSTRAINT tier_ladder_metric_known CHECK (metric IN ('SPEND', 'POINTS')),
        CONSTRAINT tier_ladder_window_positive CHECK (window_months > 0),
        CONSTRAINT tier_ladder_grace_non_negative CHECK (grace_days >= 0)
      )`);
    await q.query(
      `INSERT INTO tier_ladder (id, metric, window_months, grace_days) VALUES ('default', 'SPEND', 12, 30)`,
    );
    await q.query(`
      CREATE TABLE tier_levels (
        code       text PRIMARY KEY,
        name       text NOT NULL,
        rank       integer NOT NULL,
        threshold  bigint NOT NULL,
        privileges jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT tier_levels_rank_unique UNIQUE (rank),
        CONSTRAINT tier_levels_code_format CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        CONSTRAINT tier_levels_threshold_non_negative CHECK (threshold >= 0),
        CONSTRAINT tier_levels_entry_is_free CHECK (rank > 0 OR threshold = 0),
        CONSTRAINT tier_levels_privileges_array CHECK (jsonb_typeof(privileges) = 'array')
      )`);
    const p = (code: string, name: string, value: number | null = null) => ({ code, name, value });
    const levels = [
      [
        'MEMBER',
        'Member',
        0,
        0,
        [p('FREE_PARKING_HOURS', 'Free parking per visit', 1), p('BIRTHDAY_GIFT', 'Birthday gift')],
      ],
      [
        'SILVER',
        'Silver',
        1,
        500_000,
        [
          p('FREE_PARKING_HOURS', 'Free parking per visit', 2),
          p('BIRTHDAY_GIFT', 'Birthday gift'),
          p('PRIORITY_BOOKING', 'Priority booking of new arrivals'),
        ],
      ],
      [
        'GOLD',
        'Gold',
        2,
        2_000_000,
        [
          p('FREE_PARKING_HOURS', 'Free parking per visit', 3),
          p('BIRTHDAY_GIFT', 'Birthday gift'),
          p('PRIORITY_BOOKING', 'Priority booking of new arrivals'),
          p('LOUNGE', 'VIP lounge'),
        ],
      ],
      [
        'BLACK_CARD',
        'Black Card',
        3,
        10_000_000,
        [
          p('FREE_PARKING_HOURS', 'Free parking per visit', 5),
          p('BIRTHDAY_GIFT', 'Birthday care'),
          p('PRIORITY_BOOKING', 'Priority booking of new arrivals'),
          p('LOUNGE', 'VIP lounge'),
          p('PERSONAL_SHOPPER', 'Personal shopping advisor'),
          p('VALET_PARKING', 'Valet parking'),
          p('PRIVATE_SHOPPING', 'Private shopping space'),
          p('DEDICATED_CONTACT', 'Dedicated contact'),
          p('EXCLUSIVE_EVENTS', 'Exclusive events'),
        ],
      ],
    ] as const;
    for (const [code, name, rank, threshold, privileges] of levels) {
      await q.query(
        `INSERT INTO tier_levels (code, name, rank, threshold, privileges) VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [code, name, rank, threshold, JSON.stringify(privileges)],
      );
    }
    await q.query(`
      CREATE TABLE member_tiers (
        member_id   uuid PRIMARY KEY,
        tier_code   text NOT NULL,
        since       timestamptz NOT NULL,
        grace_until timestamptz,
        reviewed_at timestamptz,
        CONSTRAINT member_tiers_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT member_tiers_tier_fk FOREIGN KEY (tier_code) REFERENCES tier_levels (code)
      )`);
    await q.query(`CREATE INDEX member_tiers_tier_idx ON member_tiers (tier_code)`);
    await q.query(`
      CREATE TABLE tier_changes (
        id                uuid PRIMARY KEY,
        member_id         uuid NOT NULL,
        from_code         text,
        to_code           text NOT NULL,
        kind              text NOT NULL,
        reason            text NOT NULL,
        qualifying_amount bigint NOT NULL,
        changed_at        timestamptz NOT NULL,
        CONSTRAINT tier_changes_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT tier_changes_kind_known CHECK (kind IN ('UPGRADE', 'DOWNGRADE', 'GRACE_STARTED', 'GRACE_CLEARED'))
      )`);
    await q.query(`CREATE INDEX tier_changes_member_idx ON tier_changes (member_id, changed_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE tier_changes');
    await q.query('DROP TABLE member_tiers');
    await q.query('DROP TABLE tier_levels');
    await q.query('DROP TABLE tier_ladder');
  }
}
