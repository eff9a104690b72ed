import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger counts its days, months and expiry dates in the mall's IANA time zone
 * (MALL_TIME_ZONE of the process), so the stored policy no longer carries a fixed UTC offset.
 * down() puts back the offset of the default mall (Asia/Shanghai, +480 minutes).
 */
export class LedgerPolicyWithoutOffset1763800600000 implements MigrationInterface {
  name = 'LedgerPolicyWithoutOffset1763800600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE ledger_settings SET value = value - 'utcOffsetMinutes' WHERE key = 'policy'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE ledger_settings SET value = value || '{"utcOffsetMinutes":480}'::jsonb WHERE key = 'policy'`,
    );
  }
}
