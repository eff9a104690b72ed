import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The mall directory: malls, their floors, the tenants renting in them and their stores. */
export class CreateDirectory1763800900000 implements MigrationInterface {
  name = 'CreateDirectory1763800900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenants (
        id         uuid PRIMARY KEY,
        code       text NOT NULL,
        name       text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tenants_code_unique UNIQUE (code),
        CONSTRAINT tenants_code_format CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
        CONSTRAINT tenants_name_length CHECK (char_length(name) BETWEEN 1 AND 128)
      )`);
    await q.query(`
      CREATE TABLE malls (
        id         uuid PRIMARY KEY,
        code       text NOT NULL,
        name       text NOT NULL,
        time_zone  text NOT NULL DEFAULT 'Asia/Shanghai',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT malls_code_unique UNIQUE (code),
        CONSTRAINT malls_name_length CHECK (char_length(name) BETWEEN 1 AND 128)
      )`);
    await q.query(`
      CREATE TABLE floors (
        id         uuid PRIMARY KEY,
        mall_id    uuid NOT NULL,
        code       text NOT NULL,
        name       text NOT NULL,
        level      integer NOT NULL,
        CONSTRAINT floors_mall_fk FOREIGN KEY (mall_id) REFERENCES malls (id),
        CONSTRAINT floors_mall_code_unique UNIQUE (mall_id, code),
        CONSTRAINT floors_mall_level_unique UNIQUE (mall_id, level)
      )`);
    await q.query(`
      CREATE TABLE stores (
        id         uuid PRIMARY KEY,
        mall_id    uuid NOT NULL,
        floor_id   uuid NOT NULL,
        tenant_id  uuid,
        unit       text NOT NULL,
        name       text NOT NULL,
        category   text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT stores_mall_fk FOREIGN KEY (mall_id) REFERENCES malls (id),
        CONSTRAINT stores_floor_fk FOREIGN KEY (floor_id) REFERENCES floors (id),
        CONSTRAINT stores_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id),
        CONSTRAINT stores_mall_unit_unique UNIQUE (mall_id, unit),
        CONSTRAINT stores_name_length CHECK (char_length(name) BETWEEN 1 AND 128)
      )`);
    await q.query('CREATE INDEX stores_floor_idx ON stores (floor_id)');
    await q.query('CREATE INDEX stores_tenant_idx ON stores (tenant_id) WHERE tenant_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE stores');
    await q.query('DROP TABLE floors');
    await q.query('DROP TABLE malls');
    await q.query('DROP TABLE tenants');
  }
}
