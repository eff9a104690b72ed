import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The in-app inbox (one message per member and dedupe key) and the SMS provider log. */
export class CreateNotifications1763800200000 implements MigrationInterface {
  name = 'CreateNotifications1763800200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbox_messages (
        id         uuid PRIMARY KEY,
        member_id  uuid NOT NULL,
        kind       text NOT NULL,
        dedupe_key text NOT NULL,
        title      text NOT NULL,
        body       text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at    timestamptz,
        CONSTRAINT inbox_messages_member_dedupe_unique UNIQUE (member_id, dedupe_key)
      )`);
    await q.query(
      `CREATE INDEX inbox_messages_member_created_idx ON inbox_messages (member_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX inbox_messages_member_unread_idx ON inbox_messages (member_id) WHERE read_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE sms_messages (
        id         uuid PRIMARY KEY,
        phone      text NOT NULL,
        template   text NOT NULL,
        body       text NOT NULL,
        provider   text NOT NULL,
        status     text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sms_messages_status_known CHECK (status IN ('SENT', 'FAILED'))
      )`);
    await q.query(`CREATE INDEX sms_messages_phone_created_idx ON sms_messages (phone, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sms_messages');
    await q.query('DROP TABLE inbox_messages');
  }
}
