import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MessagingTables1763800000000 } from '@atrium/messaging';

/**
 * The directory becomes published: the outbox (and inbox) tables of libs/messaging, a version
 * and a change time on tenants, floors and stores (consumers keep the highest version they
 * saw), and stores that can close without leaving the directory.
 */
export class DirectoryVersions1763800900300 implements MigrationInterface {
  name = 'DirectoryVersions1763800900300';

  async up(q: QueryRunner): Promise<void> {
    await new MessagingTables1763800000000().up(q);
    for (const table of ['tenants', 'floors', 'stores']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN version integer NOT NULL DEFAULT 1`);
      await q.query(`ALTER TABLE ${table} ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_version_positive CHECK (version > 0)`);
    }
    await q.query('ALTER TABLE stores ADD COLUMN active boolean NOT NULL DEFAULT true');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE stores DROP COLUMN active');
    for (const table of ['stores', 'floors', 'tenants']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_version_positive`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN updated_at`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN version`);
    }
    await new MessagingTables1763800000000().down(q);
  }
}
