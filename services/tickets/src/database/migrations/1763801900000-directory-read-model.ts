import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mall directory as tickets keeps it from `gateway.directory.changed.v1`: stores and
 * floors with the gateway's version of each row. No foreign key between them: a store's
 * message may arrive before its floor's.
 */
export class DirectoryReadModel1763801900000 implements MigrationInterface {
  name = 'DirectoryReadModel1763801900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE directory_floors (
        id          uuid PRIMARY KEY,
        mall_id     uuid NOT NULL,
        code        text NOT NULL,
        name        text NOT NULL,
        level       integer NOT NULL,
        version     integer NOT NULL,
        updated_at  timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT directory_floors_version_positive CHECK (version > 0)
      )`);
    await q.query('CREATE INDEX directory_floors_code_idx ON directory_floors (code)');
    await q.query(`
      CREATE TABLE directory_stores (
        id          uuid PRIMARY KEY,
        mall_id     uuid NOT NULL,
        tenant_id   uuid,
        floor_id    uuid NOT NULL,
        unit        text NOT NULL,
        name        text NOT NULL,
        category    text NOT NULL,
        active      boolean NOT NULL,
        version     integer NOT NULL,
        updated_at  timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT directory_stores_version_positive CHECK (version > 0)
      )`);
    await q.query('CREATE INDEX directory_stores_floor_idx ON directory_stores (floor_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE directory_stores');
    await q.query('DROP TABLE directory_floors');
  }
}
