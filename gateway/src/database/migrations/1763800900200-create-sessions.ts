import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login state: one-time SMS codes, rotating refresh tokens (grouped in families so that the
 * reuse of a rotated token revokes the whole session) and lockouts after wrong attempts.
 * Phones are stored only as keyed hashes; codes and tokens only as hashes.
 */
export class CreateSessions1763800900200 implements MigrationInterface {
  name = 'CreateSessions1763800900200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_codes (
        id          uuid PRIMARY KEY,
        phone_hash  text NOT NULL,
        code_hash   text NOT NULL,
        expires_at  timestamptz NOT NULL,
        attempts    integer NOT NULL DEFAULT 0,
        consumed_at timestamptz,
        created_at  timestamptz NOT NULL,
        CONSTRAINT login_codes_attempts_nonnegative CHECK (attempts >= 0)
      )`);
    await q.query('CREATE INDEX login_codes_phone_created_idx ON login_codes (phone_hash, created_at DESC)');
    await q.query('CREATE INDEX login_codes_expires_idx ON login_codes (expires_at)');
    await q.query(`
      CREATE TABLE refresh_tokens (
        id           uuid PRIMARY KEY,
        subject_kind text NOT NULL,
        subject_id   text NOT NULL,
        token_hash   text NOT NULL,
        family_id    uuid NOT NULL,
        expires_at   timestamptz NOT NULL,
        created_at   timestamptz NOT NULL,
        rotated_at   timestamptz,
        revoked_at   timestamptz,
        CONSTRAINT refresh_tokens_token_hash_unique UNIQUE (token_hash),
        CONSTRAINT refresh_tokens_subject_kind_known CHECK (subject_kind IN ('member', 'staff'))
      )`);
    await q.query('CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)');
    await q.query('CREATE INDEX refresh_tokens_subject_idx ON refresh_tokens (subject_kind, subject_id)');
    await q.query(`
      CREATE TABLE login_lockouts (
        subject_key     text PRIMARY KEY,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until    timestamptz,
        updated_at      timestamptz NOT NULL,
        CONSTRAINT login_lockouts_failed_attempts_nonnegative CHECK (failed_attempts >= 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_lockouts');
    await q.query('DROP TABLE refresh_tokens');
    await q.query('DROP TABLE login_codes');
  }
}
