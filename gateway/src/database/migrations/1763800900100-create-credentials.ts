import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts (argon2id password hashes) and partner API keys (sha256 of the secret part). */
export class CreateCredentials1763800900100 implements MigrationInterface {
  name = 'CreateCredentials1763800900100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_accounts (
        id            uuid PRIMARY KEY,
        username      text NOT NULL,
        display_name  text NOT NULL,
        password_hash text NOT NULL,
        roles         text[] NOT NULL DEFAULT '{}',
        active        boolean NOT NULL DEFAULT true,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_accounts_username_unique UNIQUE (username),
        CONSTRAINT staff_accounts_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
        CONSTRAINT staff_accounts_password_argon2id CHECK (password_hash LIKE '$argon2id$%'),
        CONSTRAINT staff_accounts_roles_known
          CHECK (roles <@ ARRAY['FRONTLINE', 'SUPERVISOR', 'MANAGER', 'SENIOR_MANAGER', 'ADMIN']::text[])
      )`);
    await q.query(`
      CREATE TABLE api_keys (
        id           uuid PRIMARY KEY,
        tenant_id    uuid NOT NULL,
        name         text NOT NULL,
        prefix       text NOT NULL,
        hash         text NOT NULL,
        scopes       text[] NOT NULL DEFAULT '{}',
        created_by   text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        revoked_at   timestamptz,
        last_used_at timestamptz,
        CONSTRAINT api_keys_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id),
        CONSTRAINT api_keys_prefix_unique UNIQUE (prefix),
        CONSTRAINT api_keys_prefix_format CHECK (prefix ~ '^atr_(live|test)_[a-z0-9]{8}$'),
        CONSTRAINT api_keys_hash_sha256 CHECK (hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT api_keys_name_length CHECK (char_length(name) BETWEEN 1 AND 64)
      )`);
    await q.query('CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE api_keys');
    await q.query('DROP TABLE staff_accounts');
  }
}
