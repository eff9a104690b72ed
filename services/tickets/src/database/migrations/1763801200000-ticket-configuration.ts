import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ticket configuration as data: the category taxonomy (`ticket_categories`, editable by
 * managers), the mall's time zone taken from MALL_TIME_ZONE unless a manager sets one (NULL =
 * the environment's), and which member tiers count as VIP for the queue filter. The default VIP
 * policy named tiers the members ladder does not have (PLATINUM, DIAMOND); it now names the
 * ladder's upper tiers GOLD and BLACK_CARD, unless a manager has changed it.
 */
export class TicketConfiguration1763801200000 implements MigrationInterface {
  name = 'TicketConfiguration1763801200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ticket_categories (
        code       text PRIMARY KEY,
        name       text NOT NULL,
        name_zh    text,
        department text NOT NULL,
        position   integer NOT NULL,
        active     boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text,
        CONSTRAINT ticket_categories_code_format CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
        CONSTRAINT ticket_categories_department_check
          CHECK (department IN ('CUSTOMER_SERVICE', 'OPERATIONS', 'SECURITY', 'FACILITIES', 'TENANT_STORE'))
      )`);
    await q.query(`
      INSERT INTO ticket_categories (code, name, name_zh, department, position) VALUES
        ('PRODUCT_QUALITY', 'Product quality', '商品质量', 'TENANT_STORE', 10),
        ('SERVICE_ATTITUDE', 'Service attitude', '服务态度', 'TENANT_STORE', 20),
        ('STORE_POLICY', 'Store policy', '店铺政策', 'TENANT_STORE', 30),
        ('PARKING', 'Parking', '停车', 'OPERATIONS', 40),
        ('FACILITIES', 'Facilities', '设施设备', 'FACILITIES', 50),
        ('CLEANLINESS', 'Cleanliness', '环境卫生', 'FACILITIES', 60),
        ('SAFETY', 'Safety', '安全', 'SECURITY', 70),
        ('LOST_AND_FOUND', 'Lost and found', '失物招领', 'SECURITY', 80),
        ('RETURN_EXCHANGE', 'Return or exchange', '退换货', 'TENANT_STORE', 90),
        ('REPAIR', 'Repair', '维修', 'TENANT_STORE', 100),
        ('SUGGESTION', 'Suggestion', '建议', 'CUSTOMER_SERVICE', 110),
        ('OTHER', 'Other', '其他', 'CUSTOMER_SERVICE', 120)`);

    await q.query(`ALTER TABLE ticket_settings ALTER COLUMN time_zone DROP NOT NULL`);
    await q.query(`UPDATE ticket_settings SET time_zone = NULL WHERE time_zone = 'Asia/Shanghai'`);
    await q.query(
      `ALTER TABLE ticket_settings ADD COLUMN vip_tiers jsonb NOT NULL DEFAULT '["GOLD","BLACK_CARD"]'`,
    );
    await q.query(`ALTER TABLE ticket_settings ADD COLUMN updated_by text`);
    await q.query(`
      UPDATE sla_policies SET match = jsonb_set(match, '{tiers}', '["GOLD","BLACK_CARD"]'), updated_at = now()
       WHERE code = 'VIP_LIVE' AND match->'tiers' = '["GOLD","PLATINUM","DIAMOND"]'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE sla_policies SET match = jsonb_set(match, '{tiers}', '["GOLD","PLATINUM","DIAMOND"]')
       WHERE code = 'VIP_LIVE' AND match->'tiers' = '["GOLD","BLACK_CARD"]'::jsonb`);
    await q.query(`ALTER TABLE ticket_settings DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE ticket_settings DROP COLUMN vip_tiers`);
    await q.query(`UPDATE ticket_settings SET time_zone = 'Asia/Shanghai' WHERE time_zone IS NULL`);
    await q.query(`ALTER TABLE ticket_settings ALTER COLUMN time_zone SET NOT NULL`);
    await q.query('DROP TABLE ticket_categories');
  }
}
