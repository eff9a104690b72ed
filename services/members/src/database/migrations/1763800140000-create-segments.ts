import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Segments as data (rules in JSON, evaluated by the segments context), members' segments, the
 * lifecycle stage, its settings, and the birthday greetings already published (one per member
 * and year: the primary key makes the birthday job exactly-once across replicas).
 */
export class CreateSegments1763800140000 implements MigrationInterface {
  name = 'CreateSegments1763800140000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE segment_rules (
        code   text PRIMARY KEY,
        name   text NOT NULL,
        rule   jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        CONSTRAINT segment_rules_code_format CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        CONSTRAINT segment_rules_rule_object CHECK (jsonb_typeof(rule) = 'object')
      )`);
    const rules: Array<[string, string, object]> = [
      [
        'FAMILY_WITH_CHILDREN',
        'Family with children',
        {
          any: [
            { field: 'preferredCategories', op: 'containsAny', value: ['MOTHER_AND_BABY', 'KIDS', 'TOYS'] },
            { field: 'staffTags', op: 'containsAny', value: ['FAMILY'] },
          ],
        },
      ],
      ['YOUNG', 'Young shoppers', { all: [{ field: 'age', op: 'between', value: [18, 30] }] }],
      [
        'BUSINESS',
        'Business visitors',
        {
          any: [
            { field: 'staffTags', op: 'containsAny', value: ['BUSINESS'] },
            { field: 'preferredCategories', op: 'containsAny', value: ['BUSINESS_SERVICES'] },
          ],
        },
      ],
      ['ELDERLY', 'Elderly', { all: [{ field: 'age', op: 'gte', value: 60 }] }],
      [
        'FOREIGN_VISITOR',
        'Foreign visitors',
        {
          any: [
            { field: 'phoneCountryCode', op: 'notIn', value: ['86'] },
            { field: 'staffTags', op: 'containsAny', value: ['FOREIGN_VISITOR'] },
          ],
        },
      ],
      [
        'VIP',
        'VIP',
        {
          any: [
            { field: 'tierRank', op: 'gte', value: 2 },
            { field: 'staffTags', op: 'containsAny', value: ['VIP'] },
          ],
        },
      ],
    ];
    for (const [code, name, rule] of rules)
      await q.query(`INSERT INTO segment_rules (code, name, rule) VALUES ($1, $2, $3::jsonb)`, [
        code,
        name,
        JSON.stringify(rule),
      ]);
    await q.query(`
      CREATE TABLE member_segments (
        member_id    uuid NOT NULL,
        segment_code text NOT NULL,
        since        timestamptz NOT NULL,
        CONSTRAINT member_segments_pk PRIMARY KEY (member_id, segment_code),
        CONSTRAINT member_segments_member_fk FOREIGN KEY (member_id) REFERENCES members (id)
      )`);
    await q.query(`CREATE INDEX member_segments_segment_idx ON member_segments (segment_code, member_id)`);
    await q.query(`
      CREATE TABLE lifecycle_settings (
        id            text PRIMARY KEY,
        new_days      integer NOT NULL,
        active_days   integer NOT NULL,
        lapsed_days   integer NOT NULL,
        CONSTRAINT lifecycle_settings_single CHECK (id = 'default'),
        CONSTRAINT lifecycle_settings_order CHECK (0 < new_days AND 0 < active_days AND active_days < lapsed_days)
      )`);
    await q.query(
      `INSERT INTO lifecycle_settings (id, new_days, active_days, lapsed_days) VALUES ('default', 30, 90, 180)`,
    );
    await q.query(`
      CREATE TABLE member_lifecycle (
        member_id   uuid PRIMARY KEY,
        stage       text NOT NULL,
        since       timestamptz NOT NULL,
        computed_at timestamptz NOT NULL,
        CONSTRAINT member_lifecycle_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT member_lifecycle_stage_known CHECK (stage IN ('NEW', 'ACTIVE', 'AT_RISK', 'LAPSED'))
      )`);
    await q.query(`
      CREATE TABLE birthday_greetings (
        member_id     uuid NOT NULL,
        year          integer NOT NULL,
        celebrated_on date NOT NULL,
        emitted_at    timestamptz NOT NULL,
        CONSTRAINT birthday_greetings_pk PRIMARY KEY (member_id, year),
        CONSTRAINT birthday_greetings_member_fk FOREIGN KEY (member_id) REFERENCES members (id)
      )`);
    await q.query(
      `CREATE INDEX members_birthday_day_idx ON members (((extract(month FROM birthday) * 100 + extract(day FROM birthday))::int)) WHERE birthday IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX members_birthday_day_idx');
    await q.query('DROP TABLE birthday_greetings');
    await q.query('DROP TABLE member_lifecycle');
    await q.query('DROP TABLE lifecycle_settings');
    await q.query('DROP TABLE member_segments');
    await q.query('DROP TABLE segment_rules');
  }
}
