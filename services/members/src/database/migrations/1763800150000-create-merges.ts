import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Merging duplicates: a merged member points at its survivor; every merge is recorded once. */
export class CreateMerges1763800150000 implements MigrationInterface {
  name = 'CreateMerges1763800150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE members ADD COLUMN merged_into uuid`);
    await q.query(
      `ALTER TABLE members ADD CONSTRAINT members_merged_into_fk FOREIGN KEY (merged_into) REFERENCES members (id)`,
    );
    await q.query(
      `ALTER TABLE members ADD CONSTRAINT members_merged_has_survivor CHECK ((status = 'MERGED') = (merged_into IS NOT NULL))`,
    );
    await q.query(
      `ALTER TABLE members ADD CONSTRAINT members_not_merged_into_itself CHECK (merged_into IS NULL OR merged_into <> id)`,
    );
    await q.query(`
      CREATE TABLE member_merges (
        id          uuid PRIMARY KEY,
        survivor_id uuid NOT NULL,
        merged_id   uuid NOT NULL,
        reason      text NOT NULL,
        actor_id    text NOT NULL,
        merged_at   timestamptz NOT NULL,
        CONSTRAINT member_merges_merged_unique UNIQUE (merged_id),
        CONSTRAINT member_merges_survivor_fk FOREIGN KEY (survivor_id) REFERENCES members (id),
        CONSTRAINT member_merges_merged_fk FOREIGN KEY (merged_id) REFERENCES members (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE member_merges');
    await q.query('ALTER TABLE members DROP CONSTRAINT members_not_merged_into_itself');
    await q.query('ALTER TABLE members DROP CONSTRAINT members_merged_has_survivor');
    await q.query('ALTER TABLE members DROP CONSTRAINT members_merged_into_fk');
    await q.query('ALTER TABLE members DROP COLUMN merged_into');
  }
}
