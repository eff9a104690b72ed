import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compensation approval limits become settings: what each level (FRONTLINE, SUPERVISOR,
 * MANAGER, SENIOR_MANAGER) may grant without approval, per kind (points, or fen for coupons,
 * gift cards and refunds; null = no limit). The column starts with the limits the service
 * applied until now; administrators change them through update-ticket-settings.
 */
export class ApprovalLimits1763801400000 implements MigrationInterface {
  name = 'ApprovalLimits1763801400000';

  async up(q: QueryRunner): Promise<void> {
    const none = { EXTRA_SERVICE: null, APOLOGY: null };
    const defaults = {
      FRONTLINE: { POINTS: 200, COUPON: 5000, GIFT_CARD: 5000, REFUND: 10000, ...none },
      SUPERVISOR: { POINTS: 1000, COUPON: 20000, GIFT_CARD: 20000, REFUND: 50000, ...none },
      MANAGER: { POINTS: 5000, COUPON: 100000, GIFT_CARD: 100000, REFUND: 200000, ...none },
      SENIOR_MANAGER: { POINTS: null, COUPON: null, GIFT_CARD: null, REFUND: null, ...none },
    };
    await q.query(`ALTER TABLE ticket_settings ADD COLUMN approval_limits jsonb`);
    await q.query(`UPDATE ticket_settings SET approval_limits = $1::jsonb`, [JSON.stringify(defaults)]);
    await q.query(`ALTER TABLE ticket_settings ALTER COLUMN approval_limits SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket_settings DROP COLUMN approval_limits`);
  }
}
