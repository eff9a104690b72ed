import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partner reads of members (the member can list who looked) and account deletion. */
export class CreatePrivacy1763800110000 implements MigrationInterface {
  name = 'CreatePrivacy1763800110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partner_access_log (
        id          uuid PRIMARY KEY,
        member_id   uuid NOT NULL,
        tenant_id   text NOT NULL,
        actor_id    text NOT NULL,
        lookup_by   text NOT NULL,
        accessed_at timestamptz NOT NULL,
        CONSTRAINT partner_access_log_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT partner_access_log_lookup_by_known CHECK (lookup_by IN ('PHONE', 'MEMBER_CODE'))
      )`);
    await q.query(
      `CREATE INDEX partner_access_log_member_idx ON partner_access_log (member_id, accessed_at DESC)`,
    );
    await q.query(`ALTER TABLE members ADD COLUMN deleted_at timestamptz`);
    await q.query(
      `ALTER TABLE members ADD CONSTRAINT members_deleted_is_closed CHECK (deleted_at IS NULL OR status = 'CLOSED')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE members DROP CONSTRAINT members_deleted_is_closed`);
    await q.query(`ALTER TABLE members DROP COLUMN deleted_at`);
    await q.query('DROP TABLE partner_access_log');
  }
}
