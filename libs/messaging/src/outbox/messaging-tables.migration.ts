import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox and inbox tables; every service lists this migration first. */
export class MessagingTables1763800000000 implements MigrationInterface {
  name = 'MessagingTables1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        seq          bigserial PRIMARY KEY,
        id           uuid NOT NULL,
        topic        text NOT NULL,
        message_key  text NOT NULL,
        shard        smallint NOT NULL,
        envelope     jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CONSTRAINT outbox_id_unique UNIQUE (id)
      )`);
    await q.query(`CREATE INDEX outbox_unpublished_idx ON outbox (shard, seq) WHERE published_at IS NULL`);
    await q.query(`CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE inbox (
        consumer_group text NOT NULL,
        message_id     uuid NOT NULL,
        topic          text NOT NULL,
        processed_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inbox_pk PRIMARY KEY (consumer_group, message_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inbox');
    await q.query('DROP TABLE outbox');
  }
}
