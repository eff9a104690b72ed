import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Members, their channel identities (one owner per kind+value) and consent history. */
export class CreateMembers1763800100000 implements MigrationInterface {
  name = 'CreateMembers1763800100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE members (
        id                 uuid PRIMARY KEY,
        member_code        text NOT NULL,
        display_name       text NOT NULL,
        preferred_language text NOT NULL,
        registered_channel text NOT NULL,
        registered_at      timestamptz NOT NULL,
        status             text NOT NULL DEFAULT 'ACTIVE',
        CONSTRAINT members_member_code_unique UNIQUE (member_code),
        CONSTRAINT members_member_code_format CHECK (member_code ~ '^M[0-9A-HJKMNP-TV-Z]{8}$'),
        CONSTRAINT members_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 64),
        CONSTRAINT members_preferred_language_known CHECK (preferred_language IN ('zh-CN', 'en', 'zh-TW')),
        CONSTRAINT members_status_known CHECK (status IN ('ACTIVE', 'MERGED', 'CLOSED'))
      )`);
    await q.query(`
      CREATE TABLE member_identities (
        id         uuid PRIMARY KEY,
        member_id  uuid NOT NULL,
        kind       text NOT NULL,
        value      text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT member_identities_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT member_identities_kind_value_unique UNIQUE (kind, value),
        CONSTRAINT member_identities_kind_known
          CHECK (kind IN ('PHONE', 'APP_ACCOUNT', 'MINI_PROGRAM_OPENID', 'MINI_PROGRAM_UNIONID', 'CARD')),
        CONSTRAINT member_identities_phone_e164 CHECK (kind <> 'PHONE' OR value ~ '^\\+[1-9][0-9]{6,14}$')
      )`);
    await q.query(`CREATE INDEX member_identities_member_idx ON member_identities (member_id)`);
    await q.query(`
      CREATE TABLE member_consents (
        id             uuid PRIMARY KEY,
        member_id      uuid NOT NULL,
        purpose        text NOT NULL,
        channel        text,
        tenant_id      text,
        granted        boolean NOT NULL,
        source_channel text NOT NULL,
        changed_at     timestamptz NOT NULL,
        CONSTRAINT member_consents_member_fk FOREIGN KEY (member_id) REFERENCES members (id),
        CONSTRAINT member_consents_purpose_known
          CHECK (purpose IN ('MARKETING', 'PERSONALIZATION', 'ANALYTICS', 'SHARE_WITH_TENANT')),
        CONSTRAINT member_consents_tenant_only_for_sharing
          CHECK ((purpose = 'SHARE_WITH_TENANT') = (tenant_id IS NOT NULL))
      )`);
    // The current decision per scope is the latest row; older rows are the history.
    await q.query(
      `CREATE INDEX member_consents_latest_idx ON member_consents (member_id, purpose, channel, tenant_id, changed_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE member_consents');
    await q.query('DROP TABLE member_identities');
    await q.query('DROP TABLE members');
  }
}
