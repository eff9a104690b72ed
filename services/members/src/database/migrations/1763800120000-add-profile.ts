import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Profile fields of a member (gender, birthday, anniversaries, preferences, staff tags). */
export class AddProfile1763800120000 implements MigrationInterface {
  name = 'AddProfile1763800120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE members
        ADD COLUMN gender               text,
        ADD COLUMN birthday             date,
        ADD COLUMN anniversaries        jsonb  NOT NULL DEFAULT '[]',
        ADD COLUMN preferred_categories text[] NOT NULL DEFAULT '{}',
        ADD COLUMN preferred_brands     text[] NOT NULL DEFAULT '{}',
        ADD COLUMN staff_tags           text[] NOT NULL DEFAULT '{}',
        ADD CONSTRAINT members_gender_known CHECK (gender IS NULL OR gender IN ('FEMALE', 'MALE', 'OTHER')),
        ADD CONSTRAINT members_anniversaries_array CHECK (jsonb_typeof(anniversaries) = 'array')`);
    await q.query(
      `CREATE INDEX members_display_name_lower_idx ON members (lower(display_name) text_pattern_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX members_display_name_lower_idx`);
    await q.query(`
      ALTER TABLE members
        DROP CONSTRAINT members_anniversaries_array,
        DROP CONSTRAINT members_gender_known,
        DROP COLUMN staff_tags,
        DROP COLUMN preferred_brands,
        DROP COLUMN preferred_categories,
        DROP COLUMN anniversaries,
        DROP COLUMN birthday,
        DROP COLUMN gender`);
  }
}
